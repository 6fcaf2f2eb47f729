"""What registration takes and what a user looks like: never a password or its hash."""

from typing import Any

from rest_framework import serializers

from ..core.inputs import StrictCharField, StrictInput, StrictSerializer
from .emails import normalize_email
from .models import User

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024


class NormalizedEmailField(serializers.EmailField):
    """An email in its one stored form (emails.py), checked after folding, as it is stored."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(normalize_email(data))


class CredentialsSerializer(StrictInput):
    email = NormalizedEmailField(max_length=320)
    password = StrictCharField(
        min_length=MIN_PASSWORD_LENGTH, max_length=MAX_PASSWORD_LENGTH, trim_whitespace=False
    )


class LoginSerializer(StrictInput):
    """Login checks nothing but types: a wrong email or password is the same 401."""

    email = StrictCharField(max_length=320)
    password = StrictCharField(max_length=MAX_PASSWORD_LENGTH, trim_whitespace=False)


class UserSerializer(StrictSerializer):
    class Meta:
        model = User
        fields = ("id", "email", "role", "created_at")
        read_only_fields = fields
