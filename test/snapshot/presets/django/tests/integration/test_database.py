"""The integration tests run on a test database of the project's kind, never the real one."""

from django.db import connection

GENERATED_FOR = "sqlite"
VENDORS = {"sqlite": "sqlite", "postgres": "postgresql", "mysql": "mysql"}


def test_the_tests_run_on_a_test_database_of_the_projects_kind(db: None) -> None:
    assert connection.vendor == VENDORS[GENERATED_FOR]
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite":
        assert "memory" in name
    else:
        assert name.startswith("test_")
