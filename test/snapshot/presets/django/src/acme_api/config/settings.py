"""Django's settings, built from the validated environment in `core/settings.py`.

The project reads the same variables, with the same rules and the same
one-line errors, whatever runs it (`python -m acme_api`,
`manage.py`, gunicorn or pytest): nothing here reads `os.environ` itself.
"""

from pathlib import Path
from typing import Any

import django_stubs_ext

from ..core.db import django_database
from ..core.settings import load_settings

# Generic classes that django-stubs types (`ModelAdmin[Item]`) take their argument at run time too.
django_stubs_ext.monkeypatch()

ENV = load_settings()

BASE_DIR = Path(__file__).resolve().parents[1]
SECRET_KEY = ENV.secret_key.get_secret_value()
# The API never renders debug pages: errors are problem details in every environment.
DEBUG = False
# Which host names reach the app is the load balancer's decision, not a setting of its own.
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.messages",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "acme_api.admin",
    "acme_api.auth.jwt",
    "acme_api.auth",
    "acme_api.core",
    "acme_api.items",
]

MIDDLEWARE = [
    "acme_api.core.middleware.RequestIdMiddleware",
    "acme_api.core.middleware.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before anything below reads a session or a body.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Sessions: the admin site's logins, and the API's if its authentication class reads them.
    "django.contrib.sessions.middleware.SessionMiddleware",
    # DRF's views are exempt: an authentication class that reads ambient credentials (a
    # session) runs this check itself. Every other view is checked here.
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "acme_api.core.middleware.NoStoreMiddleware",
    # After the headers above, so a refused body's answer carries them too.
    "acme_api.core.middleware.BodySizeLimitMiddleware",
    "acme_api.core.middleware.JsonBodyMiddleware",
    "acme_api.core.middleware.MethodNotAllowedMiddleware",
]
if ENV.cors_origins:
    # Answers the configured origins' preflights; without origins there is nothing to answer.
    CORS = "corsheaders.middleware.CorsMiddleware"
    MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware"), CORS)

# The only templates are the interactive docs page's (`/docs`, drf-spectacular's own)
# and the admin site's, which needs the request, its user and its messages.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

ROOT_URLCONF = "acme_api.config.urls"
WSGI_APPLICATION = "acme_api.config.wsgi.application"
# Paths have no trailing slash, and none is added.
APPEND_SLASH = False

DATABASES = {"default": django_database(ENV.database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False

# core/logs.py sets up logging for every entry point; Django must not replace it.
LOGGING_CONFIG = None

# Requests larger than this are refused before they are read (core/middleware.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = ENV.max_body_bytes

CORS_ALLOWED_ORIGINS = list(ENV.cors_origins)

SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_COOKIE_SECURE = ENV.app_env == "production"
SESSION_COOKIE_SECURE = ENV.app_env == "production"
# The session's cookies: scripts cannot read them (forms carry the CSRF token, and a
# login answers with it), and another site's links and forms do not send them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No other site learns a URL of this one; a page's own forms keep the `Origin` header
# that Django's CSRF check compares (under `no-referrer`, browsers send `Origin: null`).
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# TLS ends at the load balancer, which owns the HTTPS redirect and HSTS: the app
# serves plain HTTP behind it (and to its health checks).
SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]
# The load balancer says which scheme the client used, so that Django's CSRF check
# compares a browser's `https://` origin with an `https://` request.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Static files (the admin site's CSS and scripts) are served by WhiteNoise from the
# installed packages themselves: no `collectstatic` step to forget, nothing to write at deploy.
STATIC_URL = "static/"
WHITENOISE_USE_FINDERS = True

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "acme_api.core.errors.problem_handler",
    # OPTIONS is a 405 like any method a path does not serve (CORS preflights aside).
    "DEFAULT_METADATA_CLASS": None,
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Acme API",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "acme_api.core.openapi.document_problems",
    ],
}

AUTH_USER_MODEL = "accounts.User"
# Argon2 for new hashes; PBKDF2 only checks (and upgrades) a hash from elsewhere.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# The admin site's login checks passwords as the API's does, under the same throttle.
AUTHENTICATION_BACKENDS = [
    "acme_api.auth.backends.ThrottledLoginBackend",
]

REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = [
    "acme_api.auth.jwt.authentication.BearerAuthentication",
]
