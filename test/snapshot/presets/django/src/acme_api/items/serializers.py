"""What `/api/v1/items` takes and answers with."""

from rest_framework import serializers

from ..core.inputs import StrictSerializer
from .models import Item


class ItemSerializer(StrictSerializer):
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Item
        fields = (
            "id",
            "title",
            "description",
            "owner_id",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
