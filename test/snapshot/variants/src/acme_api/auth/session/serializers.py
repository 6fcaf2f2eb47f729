"""What a login answers: the user, and the CSRF token of the session it started."""

from rest_framework import serializers

from ..models import User
from ..serializers import UserSerializer


class SessionUserSerializer(UserSerializer):
    """The logged-in user's fields, plus the token unsafe requests send in `X-CSRF-Token`."""

    csrf_token = serializers.CharField(read_only=True)

    class Meta:
        model = User
        fields = (*UserSerializer.Meta.fields, "csrf_token")
        read_only_fields = fields
