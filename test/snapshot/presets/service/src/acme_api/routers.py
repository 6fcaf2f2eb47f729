"""Every router of the app, mounted in one place: a new area adds one line here."""

from fastapi import FastAPI

from .routes import admin, auth, health, items


def include_routers(app: FastAPI) -> None:
    app.include_router(admin.router)
    app.include_router(auth.router)
    app.include_router(health.router)
    app.include_router(items.router)
