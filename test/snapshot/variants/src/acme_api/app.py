%%% if framework=fastapi
"""The FastAPI application factory."""
%%% end
%%% if framework=flask
"""The Flask application factory."""
%%% end

%%% if framework=fastapi
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
%%% end
%%% if framework=flask
from apiflask import APIFlask
%%% end

%%% if framework=fastapi
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

%%% end
from . import __version__
from .core.db import Database
from .core.errors import install_error_handlers
%%% if framework=fastapi
from .core.middleware import BodyLimitMiddleware, RequestContextMiddleware
from .core.openapi import install_openapi
from .core.request_id import HEADER
%%% end
%%% if framework=flask
from .core.extensions import install_extensions
from .core.openapi import configure_openapi
from .core.requests import JsonRequest, install_request_hooks
%%% end
from .core.settings import Settings
%%% if framework=fastapi
from .routers import include_routers
%%% end
%%% if framework=flask
from .core.unit_of_work import install_unit_of_work
from .routers import register_blueprints
%%% end


%%% if framework=fastapi
def create_app(settings: Settings) -> FastAPI:
%%% end
%%% if framework=flask
def create_app(settings: Settings) -> APIFlask:
%%% end
    """A new app for `settings`; nothing is read from the environment here."""
%%% if framework=fastapi
    database = Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    # No trailing-slash redirects: "/health/" is a 404, as every other unknown path.
    app = FastAPI(
%%% end
%%% if framework=flask
    app = APIFlask(
        __name__,
%%% end
        title="Acme API",
        version=__version__,
%%% if framework=fastapi
        lifespan=lifespan,
        redirect_slashes=False,
%%% end
%%% if framework=flask
        spec_path="/openapi.json",
        docs_path="/docs",
%%% end
    )
%%% if framework=fastapi
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
%%% end
%%% if framework=flask
    app.request_class = JsonRequest
    # Werkzeug refuses a larger body with 413 before it is read (or while it streams in).
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    configure_openapi(app)
    install_extensions(app, settings, Database(settings.database_url))
    install_request_hooks(app, settings)
    install_unit_of_work(app)
%%% end
    install_error_handlers(app)
%%% if framework=fastapi
    include_routers(app)
    install_openapi(app)
%%% end
%%% if framework=flask
    register_blueprints(app)
%%% end
    return app
