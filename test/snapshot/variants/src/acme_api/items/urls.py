from django.urls import path

from ..core import ids  # noqa: F401 - registers the row_id path converter
from .views import ItemViewSet

collection = ItemViewSet.as_view({"get": "list", "post": "create"})
member = ItemViewSet.as_view(
    {"get": "retrieve", "patch": "partial_update", "delete": "destroy"},
)

urlpatterns = [
    path(
        "api/v1/items",
        collection,
        name="items",
    ),
    path(
        "api/v1/items/<row_id:item_id>",
        member,
        name="item",
    ),
]
