"""The FastAPI application factory."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from . import __version__
from .core.db import Database
from .core.errors import install_error_handlers
from .core.middleware import BodyLimitMiddleware, RequestContextMiddleware
from .core.openapi import install_openapi
from .core.request_id import HEADER
from .core.settings import Settings
from .routers import include_routers


def create_app(settings: Settings) -> FastAPI:
    """A new app for `settings`; nothing is read from the environment here."""
    database = Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    # No trailing-slash redirects: "/health/" is a 404, as every other unknown path.
    app = FastAPI(
        title="Acme API",
        version=__version__,
        lifespan=lifespan,
        redirect_slashes=False,
    )
    app.state.settings = settings
    app.state.database = database

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=[HEADER],
        )
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    # Added last, so it is the outermost middleware and sees every response.
    app.add_middleware(RequestContextMiddleware)
    install_error_handlers(app)
    include_routers(app)
    install_openapi(app)
    return app
