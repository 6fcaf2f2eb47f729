"""The callback's query: what the provider sends back."""

from typing import Any

from rest_framework import serializers

# Long enough for any provider's code and this app's signed state; longer is a 422.
MAX_PARAMETER_LENGTH = 2048


class CallbackQuery(serializers.Serializer[Any]):
    # Optional here: a missing or empty one is the flow's to refuse, with its own reason (400).
    code = serializers.CharField(
        max_length=MAX_PARAMETER_LENGTH, required=False, allow_blank=True, trim_whitespace=False
    )
    state = serializers.CharField(
        max_length=MAX_PARAMETER_LENGTH, required=False, allow_blank=True, trim_whitespace=False
    )
