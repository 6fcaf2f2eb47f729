"""Every blueprint of the app, registered in one place: one per feature package."""

from apiflask import APIFlask

from .admin.routes import blueprint as admin_router
from .auth.jwt.routes import blueprint as auth_jwt_router
from .auth.routes import blueprint as auth_router
from .core.routes import blueprint as core_router
from .items.routes import blueprint as items_router


def register_blueprints(app: APIFlask) -> None:
    app.register_blueprint(admin_router)
    app.register_blueprint(auth_jwt_router)
    app.register_blueprint(auth_router)
    app.register_blueprint(core_router)
    app.register_blueprint(items_router)
