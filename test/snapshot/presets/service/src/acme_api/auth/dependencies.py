"""FastAPI dependencies of the users' rules."""

from typing import Annotated

from fastapi import Depends

from ..core.deps import SessionDep, SettingsDep
from .current import CurrentUser
from .ownership import Owner, owner_of
from .service import UserService


async def user_service(session: SessionDep, settings: SettingsDep) -> UserService:
    return UserService(session, settings)


UsersDep = Annotated[UserService, Depends(user_service)]


async def current_owner(user: CurrentUser) -> Owner:
    return owner_of(user)


OwnerDep = Annotated[Owner, Depends(current_owner)]
