"""What an admin may change of a user: the role, and nothing else."""

from rest_framework import serializers

from ..auth.roles import ROLES
from ..core.inputs import StrictInput


class RoleChangeSerializer(StrictInput):
    role = serializers.ChoiceField(choices=list(ROLES))
