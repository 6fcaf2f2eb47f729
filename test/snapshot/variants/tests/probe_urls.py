"""The app's URLs, plus routes that exist only in tests.

The probe routes raise what the real routes cannot yet (a nested body, a
conflict, a crash inside and outside DRF), so every error path is proven
through the whole middleware stack, in the unit and the integration layer alike.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.authentication import BaseAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from acme_api.config import urls
from acme_api.core.errors import ConflictError
from acme_api.core.inputs import (
    StrictCharField,
    StrictDateTimeField,
    StrictInput,
)
from acme_api.core.problems import InvalidInputError

CRASH_MESSAGE = "internal detail that must not leak"
CONFLICT = "That note already exists."

handler400 = urls.handler400
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500


class LinkInput(StrictInput):
    url = serializers.URLField()


class NoteInput(StrictInput):
    title = StrictCharField(min_length=1, max_length=200)
    tags = serializers.ListField(child=StrictCharField(), default=list)
    links = LinkInput(many=True, required=False)
    due = StrictDateTimeField(required=False)


class BearerOnly(BaseAuthentication):
    """Asks for a bearer token, and takes none: every request is anonymous."""

    def authenticate(self, request: Request) -> None:
        return None

    def authenticate_header(self, request: Request) -> str:
        return "Bearer"


class NoteQuery(serializers.Serializer[Any]):
    limit = serializers.IntegerField(default=20, min_value=1, max_value=100)


@extend_schema(exclude=True)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
def create_note(request: Request) -> Response:
    NoteQuery(data=request.query_params).is_valid(raise_exception=True)
    note = NoteInput(data=request.data)
    note.is_valid(raise_exception=True)
    return Response(note.data, status=201)


# What a DRF view may raise, each answered as its problem.
_RAISED: dict[str, Callable[[], Exception]] = {
    "conflict": lambda: ConflictError(CONFLICT),
    "crash": lambda: RuntimeError(CRASH_MESSAGE),
    "forbidden": PermissionDenied,
    "invalid": lambda: InvalidInputError([{"field": "tags.0", "message": "No such tag."}]),
    "missing": Http404,
    "not-json": exceptions.ParseError,
    "throttled": lambda: exceptions.Throttled(wait=7),
}


@extend_schema(exclude=True)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def raising(request: Request, name: str) -> Response:
    raise _RAISED[name]()


@extend_schema(exclude=True)
@api_view(["GET"])
@authentication_classes([BearerOnly])
@permission_classes([IsAuthenticated])
def authenticated(request: Request) -> Response:
    return Response({})


# Outside DRF, Django's own handlers (handler400, ...) answer.
def django_crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(CRASH_MESSAGE)


def django_forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def django_bad_request(request: HttpRequest) -> HttpResponse:
    raise BadRequest


urlpatterns = [
    *urls.urlpatterns,
    path("probe/notes", create_note),
    path("probe/raise/<str:name>", raising),
    path("probe/authenticated", authenticated),
    path("probe/django/crash", django_crash),
    path("probe/django/forbidden", django_forbidden),
    path("probe/django/bad-request", django_bad_request),
]
