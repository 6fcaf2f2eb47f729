"""Every router of the app, mounted in one place: a new area adds one line here."""

from fastapi import FastAPI

from .routes import health


def include_routers(app: FastAPI) -> None:
    app.include_router(health.router)
