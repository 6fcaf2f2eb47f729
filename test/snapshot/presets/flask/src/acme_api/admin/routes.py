"""`/api/v1/admin`: user management, for holders of MANAGE_USERS only."""

from apiflask import APIBlueprint, HTTPError

from ..auth.current import auth
from ..auth.models import User
from ..auth.repository import UserRepository
from ..auth.schemas import UserRead
from ..core.ids import row_id
from ..core.openapi import problem_responses
from ..core.pagination import Page, PageParams
from ..core.unit_of_work import db_session
from .decorators import require
from .permissions import Permission
from .schemas import RoleChange
from .service import LastAdminError, assign_role

blueprint = APIBlueprint("admin", __name__, url_prefix="/api/v1/admin", tag="admin")


def managed_users() -> UserRepository:
    return UserRepository(db_session())


@blueprint.get("/users")
@blueprint.auth_required(auth)
@require(Permission.MANAGE_USERS)
@blueprint.input(PageParams, location="query", arg_name="page")
@blueprint.output(Page[UserRead])
@blueprint.doc(responses=problem_responses(401, 403, 422))
def list_users(page: PageParams) -> Page[UserRead]:
    rows, total = managed_users().page(page.limit, page.offset)
    return Page(
        items=[UserRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@blueprint.patch("/users/<int:user_id>")
@blueprint.auth_required(auth)
@require(Permission.MANAGE_USERS)
@blueprint.input(RoleChange, arg_name="body")
@blueprint.output(UserRead)
@blueprint.doc(responses=problem_responses(401, 403, 404, 409, 422))
def change_role(user_id: int, body: RoleChange) -> User:
    users = managed_users()
    user = users.get(row_id("user_id", user_id))
    if user is None:
        raise HTTPError(404, "No such user.")
    try:
        return assign_role(users, user, body.role)
    except LastAdminError:
        raise HTTPError(409, "The last admin cannot be demoted.") from None
