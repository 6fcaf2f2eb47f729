"""DATABASE_URL's documented forms as Django's DATABASES entries."""

from acme_api.core.db import django_database


def test_a_relative_sqlite_file_stays_relative_to_the_working_directory() -> None:
    database = django_database("sqlite:///app.db")
    assert (database["ENGINE"], database["NAME"]) == ("django.db.backends.sqlite3", "app.db")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    # A server's connection closes after each request; a SQLite file's stays with its thread.
    assert database["CONN_MAX_AGE"] is None


def test_an_absolute_sqlite_path_keeps_its_root() -> None:
    assert django_database("sqlite:////var/lib/app/app.db")["NAME"] == "/var/lib/app/app.db"


def test_a_server_url_is_split_and_percent_decoded() -> None:
    database = django_database("postgresql://app:p%40ss@db.example:5433/shop?sslmode=require")
    assert database == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "app",
        "PASSWORD": "p@ss",
        "HOST": "db.example",
        "PORT": "5433",
        "OPTIONS": {"connect_timeout": 5, "sslmode": "require"},
        "CONN_MAX_AGE": 0,
    }


def test_mysql_without_a_port_or_credentials() -> None:
    database = django_database("mysql://db/shop")
    assert (database["ENGINE"], database["HOST"], database["PORT"]) == (
        "acme_api.core.mysql",
        "db",
        "",
    )
    assert (database["USER"], database["PASSWORD"]) == ("", "")


def test_mysql_sessions_are_unicode_strict_and_read_committed() -> None:
    options = django_database("mysql://app:app@db/shop")["OPTIONS"]
    assert options["charset"] == "utf8mb4"
    assert "STRICT_ALL_TABLES" in options["init_command"]
    assert options["isolation_level"] == "read committed"


def test_mysql_test_databases_compare_text_exactly() -> None:
    test = django_database("mysql://app:app@db/shop")["TEST"]
    assert test == {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_bin"}
