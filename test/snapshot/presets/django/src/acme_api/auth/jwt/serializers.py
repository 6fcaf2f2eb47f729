"""The bodies of login, refresh and logout, and the token pair they answer with."""

from typing import Any

from rest_framework import serializers

from ...core.inputs import StrictCharField, StrictInput


class RefreshSerializer(StrictInput):
    refresh_token = StrictCharField(max_length=4096)


class TokenPairSerializer(serializers.Serializer[Any]):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    token_type = serializers.ChoiceField(choices=["bearer"])
    expires_in = serializers.IntegerField()
