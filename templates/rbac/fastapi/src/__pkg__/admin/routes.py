"""`/api/v1/admin`: user management, for holders of MANAGE_USERS only."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status

from ..auth.models import User
from ..auth.repository import UserRepository
from ..auth.schemas import UserRead
from ..core.deps import Id, PageDep, SessionDep
from ..core.openapi import problem_responses
from ..core.pagination import Page
from .dependencies import require
from .permissions import Permission
from .schemas import RoleChange
from .service import LastAdminError, assign_role

router = APIRouter(
    prefix="/api/v1/admin",
    tags=["admin"],
    dependencies=[Depends(require(Permission.MANAGE_USERS))],
    responses=problem_responses(401, 403, 422),
)


async def users(session: SessionDep) -> UserRepository:
    return UserRepository(session)


Users = Annotated[UserRepository, Depends(users)]


@router.get("/users")
def list_users(repository: Users, page: PageDep) -> Page[UserRead]:
    rows, total = repository.page(page.limit, page.offset)
    return Page(
        items=[UserRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.patch("/users/{user_id}", response_model=UserRead, responses=problem_responses(404, 409))
def change_role(user_id: Id, body: RoleChange, repository: Users) -> User:
    user = repository.get(user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such user.")
    try:
        return assign_role(repository, user, body.role)
    except LastAdminError:
        raise HTTPException(status.HTTP_409_CONFLICT, "The last admin cannot be demoted.") from None
