"""The login answer: who logged in, and the CSRF token their unsafe requests must send."""

from pydantic import Field

from ..schemas import UserRead
from .service import StartedSession
from .transport import CSRF_HEADER


class LoginAnswer(UserRead):
    csrf_token: str = Field(
        description=f"Send it in `{CSRF_HEADER}` with every POST, PUT, PATCH and DELETE."
    )

    @classmethod
    def of(cls, started: StartedSession) -> "LoginAnswer":
        user = UserRead.model_validate(started.user).model_dump()
        return cls.model_validate({**user, "csrf_token": started.csrf_token})
