"""`/api/v1/admin`: every user, and their roles, for those allowed to manage users."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..auth.models import User
from ..auth.serializers import UserSerializer
from ..core.errors import ConflictError
from ..core.ids import check_row_id
from ..core.openapi import problems
from ..core.pagination import EnvelopePagination
from .access import requires
from .permissions import Permission
from .serializers import RoleChangeSerializer

MANAGE_USERS = (IsAuthenticated, requires(Permission.MANAGE_USERS))


def check_role_change(user: User, role: str, admins: int) -> None:
    """Refuse (409) a change that would leave no admin, `admins` being how many there are."""
    if user.role == "admin" and role != "admin" and admins <= 1:
        raise ConflictError("The last admin cannot be demoted.")


class UserListView(APIView):
    permission_classes = MANAGE_USERS
    pagination_class = EnvelopePagination

    @extend_schema(responses={200: UserSerializer(many=True)})
    def get(self, request: Request) -> Response:
        pages = EnvelopePagination()
        page = pages.paginate_queryset(User.objects.order_by("id"), request, self)
        return pages.get_paginated_response(UserSerializer(page, many=True).data)


class UserRoleView(APIView):
    permission_classes = MANAGE_USERS

    @extend_schema(
        request=RoleChangeSerializer,
        responses={200: UserSerializer},
        extensions=problems(409, required=("role",)),
    )
    def patch(self, request: Request, user_id: str) -> Response:
        pk = check_row_id(user_id, "user_id")
        body = RoleChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        role = body.validated_data["role"]
        with transaction.atomic():
            # Locked, so two admins demoting each other at once cannot leave none.
            admins = list(User.objects.select_for_update().filter(role="admin"))
            user = User.objects.filter(pk=pk).first()
            if user is None:
                raise NotFound("No such user.")
            check_role_change(user, role, len(admins))
            user.role = role
            user.save(update_fields=["role"])
        return Response(UserSerializer(user).data)
