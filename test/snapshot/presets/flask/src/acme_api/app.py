"""The Flask application factory."""

from apiflask import APIFlask

from . import __version__
from .core.db import Database
from .core.errors import install_error_handlers
from .core.extensions import install_extensions
from .core.openapi import configure_openapi
from .core.requests import JsonRequest, install_request_hooks
from .core.settings import Settings
from .core.unit_of_work import install_unit_of_work
from .routers import register_blueprints


def create_app(settings: Settings) -> APIFlask:
    """A new app for `settings`; nothing is read from the environment here."""
    app = APIFlask(
        __name__,
        title="Acme API",
        version=__version__,
        spec_path="/openapi.json",
        docs_path="/docs",
    )
    app.request_class = JsonRequest
    # Werkzeug refuses a larger body with 413 before it is read (or while it streams in).
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    configure_openapi(app)
    install_extensions(app, settings, Database(settings.database_url))
    install_request_hooks(app, settings)
    install_unit_of_work(app)
    install_error_handlers(app)
    register_blueprints(app)
    return app
