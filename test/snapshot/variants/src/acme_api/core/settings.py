"""Settings, from environment variables only (plus `.env` in development).

Everything is validated once, at start-up, so a wrong value stops the process
with a one-line reason instead of failing on the first request.
"""

import os
import re
from importlib.util import find_spec
from typing import Annotated, Any, Literal, Self

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Public on purpose: anyone can read it here, so production refuses to run with it.
DEV_SECRET_KEY = "dev-only-secret-key-do-not-use-in-production"  # noqa: S105
# HS256 keys shorter than the hash (32 bytes) can be guessed offline from one token.
MIN_SECRET_KEY_LENGTH = 32
DEFAULT_DATABASE_URL = "sqlite:///app.db"
DATABASE_URL_FORMS = (
    "sqlite:///relative.db, sqlite:////abs/path.db, postgresql://user:pass@host:port/db"
    " or mysql://user:pass@host:port/db"
)

# The driver package each server form needs; a project installs its own database's.
DATABASE_DRIVERS = {"postgresql": "psycopg", "mysql": "pymysql"}

Environment = Literal["development", "test", "production"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LogFormat = Literal["json", "console"]


class ConfigError(Exception):
    """The configuration cannot be used; the message is one line, meant for an operator."""


# The documented forms and no others. As in any URL, a password holding "@",
# "/", "?" or "#" must be percent-encoded.
_DATABASE_URL = re.compile(
    r"""
    sqlite:///[^?]*[^?/]                 # sqlite:///relative.db or sqlite:////abs/path.db
    | (?:postgresql|mysql)://             # PostgreSQL, or MySQL 8 / MariaDB 10.11+
      (?:[^@/?#]+@)?                     # user:pass@, optional
      (?:\[[0-9A-Fa-f:.]+\]|[^@/?#:\[\]]+)  # host or [IPv6 address]
      (?::[0-9]{1,5})?                   # :port, optional
      /[^/?#]+                           # /database
      (?:\?[^#]*)?                       # ?options, optional
    """,
    re.VERBOSE,
)


def check_database_url(url: str) -> str:
    """Return `url` if it has one of the documented forms, else raise ValueError.

    The message never repeats the URL: it may hold a password.
    """
    if not _DATABASE_URL.fullmatch(url):
        msg = f"must look like {DATABASE_URL_FORMS}"
        raise ValueError(msg)
    return url


def check_database_driver(url: str) -> str:
    """Return `url` if this project has the driver its form needs, else raise ValueError."""
    scheme = url.partition("://")[0]
    driver = DATABASE_DRIVERS.get(scheme)
    if driver is not None and find_spec(driver) is None:
        msg = f"{scheme}:// needs the {driver} package, which this project does not install"
        raise ValueError(msg)
    return url


def _default_log_format(data: dict[str, Any]) -> LogFormat:
    # Machines read production logs; people read the others.
    return "json" if data.get("app_env") == "production" else "console"


class Settings(BaseSettings):
    """Every setting, named after its environment variable (case-insensitive)."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    app_env: Environment = "development"
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: SecretStr = SecretStr(DEV_SECRET_KEY)
    log_level: LogLevel = "INFO"
    log_format: LogFormat = Field(default_factory=_default_log_format)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # NoDecode: a comma-separated list, not the JSON pydantic-settings expects for lists.
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    # Refused before it is read: a huge body costs the server almost nothing.
    max_body_bytes: int = Field(default=1_048_576, ge=1)
    web_concurrency: int = Field(default=1, ge=1)
    headers_timeout_seconds: int = Field(default=10, ge=1)
    shutdown_grace_seconds: int = Field(default=8, ge=0)
%%% if auth=jwt | auth=session | auth=oauth
    login_max_attempts: int = Field(default=10, ge=1)
    login_window_seconds: int = Field(default=300, ge=1)
    registration_max_attempts: int = Field(default=20, ge=1)
    registration_window_seconds: int = Field(default=3600, ge=1)
%%% end
%%% if auth=jwt | auth=oauth
    access_token_ttl_seconds: int = Field(default=900, ge=1)
    refresh_token_ttl_seconds: int = Field(default=1209600, ge=1)
%%% end
%%% if auth=session
    session_idle_seconds: int = Field(default=1800, ge=1)
    session_max_age_seconds: int = Field(default=43200, ge=1)
%%% end
%%% if auth=oauth
    public_base_url: str | None = None
    oauth_github_client_id: str | None = None
    oauth_github_client_secret: SecretStr | None = None
    oauth_github_authorize_url: str = "https://github.com/login/oauth/authorize"
    oauth_github_token_url: str = "https://github.com/login/oauth/access_token"  # noqa: S105 - an endpoint, not a secret
    oauth_github_api_url: str = "https://api.github.com"
    oauth_google_client_id: str | None = None
    oauth_google_client_secret: SecretStr | None = None
    oauth_google_metadata_url: str = "https://accounts.google.com/.well-known/openid-configuration"
%%% end

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _known_database_url(cls, value: str) -> str:
        return check_database_driver(check_database_url(value))

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(origin.strip() for origin in value.split(",") if origin.strip())
        return value

    @property
    def public_key_by_default(self) -> bool:
        """APP_ENV was never set, and tokens are signed with the public development key."""
        secret = self.secret_key.get_secret_value()
        return "app_env" not in self.model_fields_set and secret == DEV_SECRET_KEY

    @model_validator(mode="after")
    def _production_needs_a_secret(self) -> Self:
        secret = self.secret_key.get_secret_value().strip()
        if self.app_env == "production" and secret in ("", DEV_SECRET_KEY):
            msg = "SECRET_KEY must be set to a private value when APP_ENV=production"
            raise ValueError(msg)
        if self.app_env == "production" and len(secret) < MIN_SECRET_KEY_LENGTH:
            msg = (
                f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters when "
                "APP_ENV=production; make one with: "
                'python -c "import secrets; print(secrets.token_urlsafe(32))"'
            )
            raise ValueError(msg)
        return self


# A default computed from another setting fails when that setting does: say only the cause.
_CONSEQUENCE = "The default factory uses validated data"


def _one_line(error: ValidationError) -> str:
    reasons = []
    details = error.errors(include_url=False, include_input=False)
    causes = [d for d in details if not str(d["msg"]).startswith(_CONSEQUENCE)] or details
    for detail in causes:
        message = str(detail["msg"]).removeprefix("Value error, ")
        names = ".".join(str(part) for part in detail["loc"]).upper()
        reasons.append(f"{names}: {message}" if names else message)
    return "; ".join(reasons)


def load_settings() -> Settings:
    """Settings from the environment; a `.env` file counts only in development."""
    env_file = ".env" if os.environ.get("APP_ENV", "development") == "development" else None
    try:
        return Settings(_env_file=env_file)
    except ValidationError as error:
        raise ConfigError(_one_line(error)) from None
