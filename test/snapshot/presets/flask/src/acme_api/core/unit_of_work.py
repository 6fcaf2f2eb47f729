"""One database session per request: committed before the response leaves, rolled back on error.

Repositories only flush, so everything a request changes commits together. The
commit runs before the response is sent, so a client that has its 201 or 204
reads the change, and a commit the database refuses is a problem, not a success
it never kept.
"""

from flask import Flask, Response, g
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .errors import CONFLICT_DETAIL, problem_response
from .extensions import current_database

_SESSION = "db_session"


def db_session() -> Session:
    """The request's session, opened on first use."""
    session: Session | None = g.get(_SESSION)
    if session is None:
        session = current_database().sessions()
        setattr(g, _SESSION, session)
    return session


def _finish(response: Response) -> Response:
    session: Session | None = g.get(_SESSION)
    if session is None:
        return response
    if response.status_code >= 400:
        session.rollback()
        return response
    try:
        session.commit()
    except IntegrityError:
        # A write the database refused for a constraint, found only at commit.
        session.rollback()
        return problem_response(409, detail=CONFLICT_DETAIL)
    return response


def _close(_error: BaseException | None) -> None:
    session: Session | None = g.pop(_SESSION, None)
    if session is not None:
        session.close()


def install_unit_of_work(app: Flask) -> None:
    app.after_request(_finish)
    app.teardown_request(_close)
