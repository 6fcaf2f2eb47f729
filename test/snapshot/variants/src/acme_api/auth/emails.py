"""One form of an email address, the same wherever one is stored, looked up or counted."""

import argparse
import unicodedata


def normalize_email(email: str) -> str:
    """NFKC, then lower case: full-width `Alice@Example.com` is `alice@example.com`.

    NFKC folds look-alikes (full-width letters, ligatures) into their plain
    form, so two addresses that read the same are one account, not two.
    """
    return unicodedata.normalize("NFKC", email).lower()


def owner_email(value: str) -> str:
    """`migrate --owner`: an email as users are stored, or the usage error saying it is not one."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        msg = f"not an email address: {error}"
        raise argparse.ArgumentTypeError(msg) from None
    return normalize_email(value)
