"""The integration tests run on a test database of the project's kind, never the real one."""

from django.db import connection

%%% if db=sqlite
GENERATED_FOR = "sqlite"
%%% end
%%% if db=postgres
GENERATED_FOR = "postgres"
%%% end
%%% if db=mysql
GENERATED_FOR = "mysql"
%%% end
VENDORS = {"sqlite": "sqlite", "postgres": "postgresql", "mysql": "mysql"}


def test_the_tests_run_on_a_test_database_of_the_projects_kind(db: None) -> None:
    assert connection.vendor == VENDORS[GENERATED_FOR]
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite":
        assert "memory" in name
    else:
        assert name.startswith("test_")
