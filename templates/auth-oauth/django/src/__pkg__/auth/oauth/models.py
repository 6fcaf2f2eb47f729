"""Which provider accounts belong to which user, so a login finds its user again; and
which logins were completed, so each works once."""

from django.conf import settings
from django.db import models


class OAuthIdentity(models.Model):
    """A user's account at a provider, by the provider's stable id (an email can change)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    provider = models.CharField(max_length=20)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "oauth_identities"
        # One user per provider account; the constraint decides when two first logins race.
        constraints = (
            models.UniqueConstraint(
                fields=("provider", "subject"), name="uq_oauth_identities_provider_subject"
            ),
        )

    def __str__(self) -> str:
        return f"{self.provider}:{self.subject}"


class SpentOAuthState(models.Model):
    """A login's state, once its callback has used it; kept until the state expires."""

    state_id = models.CharField(max_length=36, primary_key=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "oauth_spent_states"

    def __str__(self) -> str:
        return self.state_id
