"""Login sessions: started, checked, expired and ended by the service, with no app around it."""

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from acme_api.auth.models import User
from acme_api.auth.schemas import Registration
from acme_api.auth.service import AuthenticationError, UserService
from acme_api.auth.session.models import LoginSession
from acme_api.auth.session.service import TOUCH_INTERVAL, CsrfError, SessionService, hash_token
from acme_api.core.settings import Settings

from tests.users import PASSWORD, new_email

SETTINGS = Settings(session_idle_seconds=600, session_max_age_seconds=3600)


def new_user(session: Session) -> User:
    return UserService(session, SETTINGS).register(
        Registration(email=new_email(), password=PASSWORD)
    )


def stored(session: Session, token: str) -> LoginSession:
    login = session.get(LoginSession, hash_token(token))
    assert login is not None
    return login


def age(session: Session, token: str, *, idle: timedelta, since_login: timedelta) -> None:
    """Move a session back in time: unused for `idle`, logged in `since_login` ago."""
    login = stored(session, token)
    login.last_seen_at -= idle
    login.created_at -= since_login
    session.flush()


def test_a_session_is_stored_by_the_hash_of_its_token_only(session: Session) -> None:
    user = new_user(session)
    started = SessionService(session, SETTINGS).login(user)
    [row] = session.scalars(select(LoginSession)).all()
    assert row.token_hash == hash_token(started.token) != started.token
    assert (row.user_id, row.csrf_token) == (user.id, started.csrf_token)
    assert len(started.token) >= 43  # 32 random bytes, base64url
    assert SessionService(session, SETTINGS).user_of(started.token) is user


def test_unsafe_methods_need_the_sessions_own_csrf_token(session: Session) -> None:
    sessions = SessionService(session, SETTINGS)
    started = sessions.login(new_user(session))
    other = sessions.login(new_user(session))
    assert sessions.user_of(started.token, started.csrf_token, unsafe=True) is started.user
    for csrf_token in (None, "", "wrong", other.csrf_token, "é"):
        with pytest.raises(CsrfError):
            sessions.user_of(started.token, csrf_token, unsafe=True)
    # A safe method needs none.
    assert sessions.user_of(started.token, None) is started.user


@pytest.mark.parametrize("token", ["", "unknown", "x" * 5000])
def test_an_unknown_token_is_refused(session: Session, token: str) -> None:
    with pytest.raises(AuthenticationError):
        SessionService(session, SETTINGS).user_of(token)


@pytest.mark.parametrize(
    ("idle", "since_login"),
    [(timedelta(seconds=601), timedelta(seconds=601)), (timedelta(0), timedelta(seconds=3601))],
    ids=["idle", "too-old"],
)
def test_an_expired_session_is_refused_and_deleted(
    session: Session, idle: timedelta, since_login: timedelta
) -> None:
    sessions = SessionService(session, SETTINGS)
    started = sessions.login(new_user(session))
    age(session, started.token, idle=idle, since_login=since_login)
    with pytest.raises(AuthenticationError):
        sessions.user_of(started.token)
    assert session.get(LoginSession, hash_token(started.token)) is None


def test_last_seen_is_written_only_once_it_is_a_minute_old(session: Session) -> None:
    sessions = SessionService(session, SETTINGS)
    started = sessions.login(new_user(session))
    age(session, started.token, idle=TOUCH_INTERVAL / 2, since_login=TOUCH_INTERVAL / 2)
    before = stored(session, started.token).last_seen_at
    sessions.user_of(started.token)
    session.expire_all()
    assert stored(session, started.token).last_seen_at == before
    age(session, started.token, idle=TOUCH_INTERVAL * 2, since_login=TOUCH_INTERVAL * 2)
    sessions.user_of(started.token)
    session.expire_all()
    assert stored(session, started.token).last_seen_at > before


def test_login_ends_the_session_the_client_held_and_logout_ends_its_own(session: Session) -> None:
    sessions = SessionService(session, SETTINGS)
    user = new_user(session)
    first = sessions.login(user)
    second = sessions.login(user, previous_token=first.token)
    assert second.token != first.token
    with pytest.raises(AuthenticationError):
        sessions.user_of(first.token)
    sessions.logout(second.token)
    sessions.logout(second.token)  # twice is harmless
    with pytest.raises(AuthenticationError):
        sessions.user_of(second.token)


def test_a_session_of_a_deleted_user_is_refused(session: Session) -> None:
    sessions = SessionService(session, SETTINGS)
    user = new_user(session)
    started = sessions.login(user)
    session.delete(user)
    session.flush()
    with pytest.raises(AuthenticationError):
        sessions.user_of(started.token)
