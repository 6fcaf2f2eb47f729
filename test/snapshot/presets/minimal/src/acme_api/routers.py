"""Every router of the app, mounted in one place: one per feature package."""

from fastapi import FastAPI

from .admin.routes import router as admin_router
from .auth.jwt.routes import router as auth_jwt_router
from .auth.routes import router as auth_router
from .core.routes import router as core_router
from .items.routes import router as items_router


def include_routers(app: FastAPI) -> None:
    app.include_router(admin_router)
    app.include_router(auth_jwt_router)
    app.include_router(auth_router)
    app.include_router(core_router)
    app.include_router(items_router)
