"""`?limit=&offset=` and the list envelope every collection answers with."""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

MAX_LIMIT = 100
# The largest offset a 64-bit database integer holds; beyond it is a 422, not a 500.
MAX_OFFSET = 2**63 - 1

_M = TypeVar("_M", bound=Model)
_R = TypeVar("_R")


class PageQuery(serializers.Serializer[Any]):
    limit = serializers.IntegerField(default=20, min_value=1, max_value=MAX_LIMIT)
    offset = serializers.IntegerField(default=0, min_value=0, max_value=MAX_OFFSET)


class EnvelopePagination(BasePagination):
    """`{"items", "total", "limit", "offset"}`; a bad `limit` or `offset` is a 422."""

    def paginate_queryset(
        self, queryset: QuerySet[_M, _R], request: Request, view: APIView | None = None
    ) -> list[_R]:
        # One value per name: a repeated or empty `limit=` is a 422, not the default.
        query = PageQuery(data=dict(request.query_params.items()))
        query.is_valid(raise_exception=True)
        self.limit: int = query.validated_data["limit"]
        self.offset: int = query.validated_data["offset"]
        self.total = queryset.count()
        return list(queryset[self.offset : self.offset + self.limit])

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {"items": data, "total": self.total, "limit": self.limit, "offset": self.offset}
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        integer = {"type": "integer"}
        return {
            "type": "object",
            "required": ["items", "total", "limit", "offset"],
            "properties": {"items": schema, "total": integer, "limit": integer, "offset": integer},
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        limit = {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 20}
        offset = {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}
        return [
            {"name": name, "in": "query", "required": False, "schema": schema}
            for name, schema in (("limit", limit), ("offset", offset))
        ]
