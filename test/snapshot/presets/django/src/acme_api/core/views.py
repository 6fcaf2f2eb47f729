"""`/health` (the process answers) and `/ready` (and can reach its database)."""

import logging

from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

logger = logging.getLogger(__name__)

_STATUS = inline_serializer("Health", {"status": serializers.CharField()})
_READY = inline_serializer(
    "Ready", {"status": serializers.CharField(), "checks": serializers.DictField()}
)


@extend_schema(responses={200: _STATUS}, auth=[])
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request: Request) -> Response:
    return Response({"status": "ok"})


@extend_schema(responses={200: _READY, 503: _READY}, auth=[])
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def ready(request: Request) -> Response:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("database unreachable: %s", type(error).__name__)
        return Response(
            {"status": "unavailable", "checks": {"database": "unavailable"}}, status=503
        )
    return Response({"status": "ok", "checks": {"database": "ok"}})
