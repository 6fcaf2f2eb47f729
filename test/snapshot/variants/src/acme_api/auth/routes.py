"""`/api/v1/auth`: register, and who am I (the auth method adds how to log in)."""

from fastapi import APIRouter, HTTPException, status

from ..core.openapi import problem_responses
from .current import CurrentUser
from .dependencies import UsersDep
from .models import User
from .schemas import Registration, UserRead
from .service import EmailTakenError

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=problem_responses(422))


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=problem_responses(409),
)
def register(body: Registration, users: UsersDep) -> User:
    try:
        return users.register(body)
    except EmailTakenError:
        raise HTTPException(status.HTTP_409_CONFLICT, "That email is taken.") from None


@router.get("/me", response_model=UserRead, responses=problem_responses(401))
def me(user: CurrentUser) -> User:
    return user
