"""One form of an email address, the same wherever one is stored, looked up or counted."""

import unicodedata


def normalize_email(email: str) -> str:
    """NFKC, then lower case: full-width `Alice@Example.com` is `alice@example.com`.

    NFKC folds look-alikes (full-width letters, ligatures) into their plain
    form, so two addresses that read the same are one account, not two.
    """
    return unicodedata.normalize("NFKC", email).lower()
