"""FastAPI dependencies of the users' rules."""

from typing import Annotated

from fastapi import Depends

from ..core.deps import SessionDep, SettingsDep
from .service import UserService


def user_service(session: SessionDep, settings: SettingsDep) -> UserService:
    return UserService(session, settings)


UsersDep = Annotated[UserService, Depends(user_service)]
