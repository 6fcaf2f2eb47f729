"""`/api/v1/admin`: user management, for holders of MANAGE_USERS only."""

%%% if framework=fastapi
from typing import Annotated
%%% end
%%% if framework=flask
from apiflask import APIBlueprint, HTTPError
%%% end

%%% if framework=fastapi
from fastapi import APIRouter, Depends, HTTPException, status

%%% end
%%% if framework=flask
from ..auth.current import auth
%%% end
from ..auth.models import User
from ..auth.repository import UserRepository
from ..auth.schemas import UserRead
%%% if framework=fastapi
from ..core.deps import Id, PageDep, SessionDep
%%% end
%%% if framework=flask
from ..core.ids import row_id
%%% end
from ..core.openapi import problem_responses
%%% if framework=fastapi
from ..core.pagination import Page
from .dependencies import require
%%% end
%%% if framework=flask
from ..core.pagination import Page, PageParams
from ..core.unit_of_work import db_session
from .decorators import require
%%% end
from .permissions import Permission
from .schemas import RoleChange
from .service import LastAdminError, assign_role

%%% if framework=fastapi
router = APIRouter(
    prefix="/api/v1/admin",
    tags=["admin"],
    dependencies=[Depends(require(Permission.MANAGE_USERS))],
    responses=problem_responses(401, 403, 422),
)
%%% end
%%% if framework=flask
blueprint = APIBlueprint("admin", __name__, url_prefix="/api/v1/admin", tag="admin")
%%% end


%%% if framework=fastapi
async def users(session: SessionDep) -> UserRepository:
    return UserRepository(session)
%%% end
%%% if framework=flask
def managed_users() -> UserRepository:
    return UserRepository(db_session())
%%% end


%%% if framework=fastapi
Users = Annotated[UserRepository, Depends(users)]


@router.get("/users")
def list_users(repository: Users, page: PageDep) -> Page[UserRead]:
    rows, total = repository.page(page.limit, page.offset)
%%% end
%%% if framework=flask
@blueprint.get("/users")
@blueprint.auth_required(auth)
@require(Permission.MANAGE_USERS)
@blueprint.input(PageParams, location="query", arg_name="page")
@blueprint.output(Page[UserRead])
@blueprint.doc(responses=problem_responses(401, 403, 422))
def list_users(page: PageParams) -> Page[UserRead]:
    rows, total = managed_users().page(page.limit, page.offset)
%%% end
    return Page(
        items=[UserRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


%%% if framework=fastapi
@router.patch("/users/{user_id}", response_model=UserRead, responses=problem_responses(404, 409))
def change_role(user_id: Id, body: RoleChange, repository: Users) -> User:
    user = repository.get(user_id)
%%% end
%%% if framework=flask
@blueprint.patch("/users/<int:user_id>")
@blueprint.auth_required(auth)
@require(Permission.MANAGE_USERS)
@blueprint.input(RoleChange, arg_name="body")
@blueprint.output(UserRead)
@blueprint.doc(responses=problem_responses(401, 403, 404, 409, 422))
def change_role(user_id: int, body: RoleChange) -> User:
    users = managed_users()
    user = users.get(row_id("user_id", user_id))
%%% end
    if user is None:
%%% if framework=fastapi
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such user.")
%%% end
%%% if framework=flask
        raise HTTPError(404, "No such user.")
%%% end
    try:
%%% if framework=fastapi
        return assign_role(repository, user, body.role)
%%% end
%%% if framework=flask
        return assign_role(users, user, body.role)
%%% end
    except LastAdminError:
%%% if framework=fastapi
        raise HTTPException(status.HTTP_409_CONFLICT, "The last admin cannot be demoted.") from None
%%% end
%%% if framework=flask
        raise HTTPError(409, "The last admin cannot be demoted.") from None
%%% end
