%%% if framework=fastapi
"""Every router of the app, mounted in one place: one per feature package."""
%%% end
%%% if framework=flask
"""Every blueprint of the app, registered in one place: one per feature package."""
%%% end

%%% if framework=fastapi
from fastapi import FastAPI
%%% end
%%% if framework=flask
from apiflask import APIFlask
%%% end

%%% if framework=fastapi rbac=true
from .admin.routes import router as admin_router
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=oauth
from .auth.jwt.routes import router as auth_jwt_router
%%% end
%%% if framework=fastapi auth=oauth
from .auth.oauth.routes import router as auth_oauth_router
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
from .auth.routes import router as auth_router
%%% end
%%% if framework=fastapi auth=session
from .auth.session.routes import router as auth_session_router
%%% end
%%% if framework=fastapi
from .core.routes import router as core_router
from .items.routes import router as items_router
%%% end
%%% if framework=flask rbac=true
from .admin.routes import blueprint as admin_router
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=oauth
from .auth.jwt.routes import blueprint as auth_jwt_router
%%% end
%%% if framework=flask auth=oauth
from .auth.oauth.routes import blueprint as auth_oauth_router
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
from .auth.routes import blueprint as auth_router
%%% end
%%% if framework=flask auth=session
from .auth.session.routes import blueprint as auth_session_router
%%% end
%%% if framework=flask
from .core.routes import blueprint as core_router
from .items.routes import blueprint as items_router
%%% end


%%% if framework=fastapi
def include_routers(app: FastAPI) -> None:
%%% end
%%% if framework=fastapi rbac=true
    app.include_router(admin_router)
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=oauth
    app.include_router(auth_jwt_router)
%%% end
%%% if framework=fastapi auth=oauth
    app.include_router(auth_oauth_router)
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
    app.include_router(auth_router)
%%% end
%%% if framework=fastapi auth=session
    app.include_router(auth_session_router)
%%% end
%%% if framework=fastapi
    app.include_router(core_router)
    app.include_router(items_router)
%%% end
%%% if framework=flask
def register_blueprints(app: APIFlask) -> None:
%%% end
%%% if framework=flask rbac=true
    app.register_blueprint(admin_router)
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=oauth
    app.register_blueprint(auth_jwt_router)
%%% end
%%% if framework=flask auth=oauth
    app.register_blueprint(auth_oauth_router)
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
    app.register_blueprint(auth_router)
%%% end
%%% if framework=flask auth=session
    app.register_blueprint(auth_session_router)
%%% end
%%% if framework=flask
    app.register_blueprint(core_router)
    app.register_blueprint(items_router)
%%% end
