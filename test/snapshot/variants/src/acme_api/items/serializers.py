"""What `/api/v1/items` takes and answers with."""

%%% if auth=jwt | auth=session | auth=oauth
from rest_framework import serializers

%%% end
from ..core.inputs import StrictSerializer
from .models import Item


class ItemSerializer(StrictSerializer):
%%% if auth=jwt | auth=session | auth=oauth
    owner_id = serializers.IntegerField(read_only=True)

%%% end
    class Meta:
        model = Item
        fields = (
            "id",
            "title",
            "description",
%%% if auth=jwt | auth=session | auth=oauth
            "owner_id",
%%% end
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
