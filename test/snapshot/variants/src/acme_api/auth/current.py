"""Who is calling: the user the project's auth method proves, or a 401.

%%% if framework=fastapi
Routes, ownership and permissions depend on `CurrentUser` from here, whatever the method.
%%% end
%%% if framework=flask
A route guards itself with `@blueprint.auth_required(auth)`, which also
documents the security scheme in OpenAPI, and then reads `current_user()`.
%%% end
"""

%%% if framework=fastapi auth=jwt | framework=fastapi auth=oauth
from .jwt.dependencies import CurrentUser
%%% end
%%% if framework=fastapi auth=session
from .session.dependencies import CurrentUser
%%% end
%%% if framework=flask
from typing import cast
%%% end

%%% if framework=fastapi
__all__ = ["CurrentUser"]
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=oauth
from .jwt.bearer import bearer as auth
%%% end
%%% if framework=flask auth=session
from acme_api.auth.session.cookie import cookie as auth

%%% end
%%% if framework=flask
from .models import User
from .ownership import Owner, owner_of
%%% end

%%% if framework=flask

def current_user() -> User:
    """The user `auth` proved for this request (inside a guarded route only)."""
    return cast(User, auth.current_user)


def current_owner() -> Owner:
    """The rows the current user may see."""
    return owner_of(current_user())


__all__ = ["auth", "current_owner", "current_user"]

%%% end