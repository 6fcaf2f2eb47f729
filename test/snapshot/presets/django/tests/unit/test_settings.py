from pathlib import Path

import pytest

from acme_api.core.settings import (
    DATABASE_DRIVERS,
    DEFAULT_DATABASE_URL,
    DEV_SECRET_KEY,
    ConfigError,
    check_database_url,
    load_settings,
)


def test_defaults_fit_local_development(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env there
    monkeypatch.delenv("APP_ENV")
    settings = load_settings()
    assert settings.app_env == "development"
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.secret_key.get_secret_value() == DEV_SECRET_KEY
    assert (settings.log_level, settings.log_format) == ("INFO", "console")
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.cors_origins == ()


def test_values_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////var/lib/app/app.db")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("LOG_FORMAT", "json")
    monkeypatch.setenv("PORT", "9000")
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example, https://b.example,")
    settings = load_settings()
    assert settings.database_url == "sqlite:////var/lib/app/app.db"
    assert (settings.log_level, settings.log_format, settings.port) == ("DEBUG", "json", 9000)
    assert settings.cors_origins == ("https://a.example", "https://b.example")


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///app.db",
        "sqlite:///data/app.db",
        "sqlite:////var/lib/app/app.db",
        "postgresql://user:secret@db.example:5432/shop",
        "postgresql://db/shop",
        "postgresql://user:secret@db:5432/shop?sslmode=require",
        "mysql://user:secret@db.example:3306/shop",
        "mysql://db/shop",
    ],
)
def test_documented_database_urls_are_accepted(url: str) -> None:
    assert check_database_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "",
        "app.db",
        "sqlite://",
        "sqlite:///",
        "sqlite://host/app.db",
        "sqlite:///app.db?mode=ro",
        "sqlite+pysqlite:///app.db",
        "postgres://user:pass@db/shop",
        "postgresql+psycopg://user:pass@db/shop",
        "postgresql://user:pass@db:port/shop",
        "postgresql://user:pass@db:5432/",
        "postgresql:///shop",
        "mysql+pymysql://user:pass@db/shop",
        "mariadb://user:pass@db/shop",
        "mysql://user:pass@db:3306/",
    ],
)
def test_other_database_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match=r"must look like sqlite:///relative\.db"):
        check_database_url(url)


def test_a_bad_value_is_one_line_that_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://user:hunter2@db/shop")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith("DATABASE_URL: must look like")
    assert "\n" not in message
    assert "hunter2" not in message


def test_a_url_whose_driver_is_not_installed_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(DATABASE_DRIVERS, "mysql", "not_an_installed_driver")
    monkeypatch.setenv("DATABASE_URL", "mysql://user:hunter2@db/shop")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith(
        "DATABASE_URL: mysql:// needs the not_an_installed_driver package,"
        " which this project does not install"
    )
    assert "hunter2" not in message


@pytest.mark.parametrize("secret", [None, "", "  ", DEV_SECRET_KEY])
def test_production_refuses_a_missing_or_development_secret(
    monkeypatch: pytest.MonkeyPatch, secret: str | None
) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    if secret is not None:
        monkeypatch.setenv("SECRET_KEY", secret)
    with pytest.raises(ConfigError, match=r"^SECRET_KEY must be set to a private value"):
        load_settings()


def test_production_refuses_a_short_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "secret")
    with pytest.raises(ConfigError, match=r"^SECRET_KEY must be at least 32 characters"):
        load_settings()


def test_production_with_a_secret_logs_json_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-value")
    settings = load_settings()
    assert settings.log_format == "json"
    assert "a-long-random" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value"),
    [("APP_ENV", "staging"), ("LOG_FORMAT", "xml"), ("LOG_LEVEL", "LOUD"), ("PORT", "0")],
)
def test_out_of_range_values_are_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"^{name}: "):
        load_settings()


def test_dot_env_is_read_in_development_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("LOG_LEVEL=WARNING\n")
    monkeypatch.chdir(tmp_path)
    assert load_settings().log_level == "INFO"  # APP_ENV=test
    monkeypatch.setenv("APP_ENV", "development")
    assert load_settings().log_level == "WARNING"
