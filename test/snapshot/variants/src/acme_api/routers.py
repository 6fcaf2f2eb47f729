"""Every router of the app, mounted in one place: a new area adds one line here."""

from fastapi import FastAPI

%%% if auth=none
from .routes import health, items
%%% end
%%% if auth=jwt rbac=false
from .routes import auth, health, items
%%% end
%%% if rbac=true
from .routes import admin, auth, health, items
%%% end


def include_routers(app: FastAPI) -> None:
%%% if rbac=true
    app.include_router(admin.router)
%%% end
%%% if auth=jwt
    app.include_router(auth.router)
%%% end
    app.include_router(health.router)
    app.include_router(items.router)
