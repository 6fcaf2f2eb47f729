"""The project's tests: unit, integration and e2e, one folder (and marker) each."""

# The import package under test, for tests that run it by name.
PACKAGE = "acme_api"

# Every variable the app reads: a developer's shell must not change test results.
SETTINGS_VARIABLES = (
    "APP_ENV",
    "DATABASE_URL",
    "SECRET_KEY",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "HOST",
    "PORT",
    "CORS_ORIGINS",
%%% if auth=jwt
    "ACCESS_TOKEN_TTL_SECONDS",
    "REFRESH_TOKEN_TTL_SECONDS",
%%% end
)
