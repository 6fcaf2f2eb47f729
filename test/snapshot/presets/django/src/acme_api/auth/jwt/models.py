"""Refresh tokens as stored: each works once, and a family dies together."""

from django.conf import settings
from django.db import models


class RefreshToken(models.Model):
    """One issued refresh token; `family` links the tokens one login rotated into."""

    jti = models.CharField(max_length=36, unique=True)
    family = models.CharField(max_length=36, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True)
    revoked_at = models.DateTimeField(null=True)

    class Meta:
        db_table = "refresh_tokens"

    def __str__(self) -> str:
        return self.jti
