%%% if auth=none
"""Views of `/api/v1/items`: create, list, read, change and delete."""
%%% end
%%% if auth=jwt | auth=session | auth=oauth
"""Views of `/api/v1/items`: create, list, read, change and delete.
%%% end

%%% if auth=jwt | auth=session | auth=oauth
Each user reaches their own rows only.
"""

%%% end
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import IntegrityError, transaction
%%% if auth=jwt | auth=session | auth=oauth
from django.db.models import QuerySet
%%% end
from django.http import Http404
from rest_framework.exceptions import NotFound
%%% if auth=jwt | auth=session | auth=oauth
from rest_framework.permissions import IsAuthenticated
%%% end
from rest_framework.serializers import BaseSerializer
from rest_framework.viewsets import ModelViewSet

%%% if auth=jwt | auth=session | auth=oauth
from ..auth.ownership import visible_rows
from ..auth.views import current_user
%%% end
from ..core.errors import ConflictError
from ..core.ids import check_row_id
from ..core.pagination import EnvelopePagination
from .models import Item
from .serializers import ItemSerializer

TAKEN = "The request conflicts with stored data: a value that must be unique is taken."


@contextmanager
def _unique_values_checked() -> Iterator[None]:
    """The database's unique constraints decide, so two racing writes cannot both win."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise ConflictError(TAKEN) from None


class ItemViewSet(ModelViewSet[Item]):
    queryset = Item.objects.order_by("id")
    serializer_class = ItemSerializer
    pagination_class = EnvelopePagination
%%% if auth=jwt | auth=session | auth=oauth
    permission_classes = (IsAuthenticated,)
%%% end
    lookup_url_kwarg = "item_id"

%%% if auth=jwt | auth=session | auth=oauth
    def get_queryset(self) -> QuerySet[Item]:
        if getattr(self, "swagger_fake_view", False):
            # drf-spectacular reads the schema without a user.
            return self.queryset.none()
        return visible_rows(super().get_queryset(), current_user(self.request))

%%% end
    def get_object(self) -> Item:
        key = self.lookup_url_kwarg
        self.kwargs[key] = check_row_id(self.kwargs[key], key)
        try:
            return super().get_object()
        except Http404:
            raise NotFound("No such item.") from None

    def perform_create(self, serializer: BaseSerializer[Item]) -> None:
        with _unique_values_checked():
%%% if auth=none
            serializer.save()
%%% end
%%% if auth=jwt | auth=session | auth=oauth
            serializer.save(owner=current_user(self.request))
%%% end

    def perform_update(self, serializer: BaseSerializer[Item]) -> None:
        with _unique_values_checked():
            serializer.save()

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": f"/api/v1/items/{data['id']}"}
