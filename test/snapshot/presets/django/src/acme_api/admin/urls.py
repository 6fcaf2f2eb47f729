from django.urls import path

from ..core import ids  # noqa: F401 - registers the row_id path converter
from .views import UserListView, UserRoleView

urlpatterns = [
    path("api/v1/admin/users", UserListView.as_view(), name="admin-users"),
    path("api/v1/admin/users/<row_id:user_id>", UserRoleView.as_view(), name="admin-user"),
]
