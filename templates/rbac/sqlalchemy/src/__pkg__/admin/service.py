"""The rule of changing roles, whatever serves it over HTTP."""

from ..auth.models import User
from ..auth.repository import UserRepository
from ..auth.roles import Role


class LastAdminError(Exception):
    """Demoting this user would leave no admin to manage users over the API."""


def assign_role(users: UserRepository, user: User, role: Role) -> User:
    if user.role == "admin" and role != "admin" and users.count_role("admin") <= 1:
        raise LastAdminError
    return users.set_role(user, role)
