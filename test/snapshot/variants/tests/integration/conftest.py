%%% if orm=django db=postgres | orm=django db=mysql
import contextlib
import secrets
%%% end
from collections.abc import Iterator

import httpx2
import pytest
%%% if orm=django db=postgres | orm=django db=mysql
from django.conf import settings
from django.db import connections
%%% end

%%% if orm=sqlalchemy
from acme_api.core.db import Base, Database, import_models
from acme_api.core.migrate import migrate
from acme_api.core.settings import Settings
%%% end
%%% if orm=django db=postgres | orm=django db=mysql
from acme_api.core.db import django_database
%%% end
%%% if orm=sqlalchemy db=sqlite | orm=sqlalchemy db=postgres | orm=sqlalchemy db=mysql | orm=django db=postgres | orm=django db=mysql

%%% end
%%% if orm=sqlalchemy
from tests import use_test_settings
%%% end
from tests.app_client import app_client
%%% if orm=sqlalchemy
from tests.databases import isolated_database
%%% end
%%% if orm=django db=postgres | orm=django db=mysql
from tests.databases import admin_url
%%% end


%%% if orm=sqlalchemy db=sqlite | orm=sqlalchemy db=postgres | orm=sqlalchemy db=mysql | orm=django db=postgres | orm=django db=mysql
@pytest.fixture(scope="session")
%%% end
%%% if orm=sqlalchemy
def migrated_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database for the test process, migrated once and dropped at the end.
%%% end
%%% if orm=django db=postgres | orm=django db=mysql
def django_db_modify_db_settings() -> None:
    """The test database goes on the server `admin_url()` names, never in the real database.
%%% end
%%% if orm=sqlalchemy db=sqlite | orm=sqlalchemy db=postgres | orm=sqlalchemy db=mysql | orm=django db=postgres | orm=django db=mysql

%%% end
%%% if orm=sqlalchemy
    Each pytest-xdist worker has its own. Making and migrating a database for
    every test was most of this layer's time on a server (on PostgreSQL with two
    added resources, 0.66 s of each test's 0.8 s).
%%% end
%%% if orm=django db=postgres | orm=django db=mysql
    pytest-django creates it (a name of its own per run, with the pytest-xdist
    worker's id appended) and drops it afterwards.
%%% end
%%% if orm=sqlalchemy db=sqlite | orm=sqlalchemy db=postgres | orm=sqlalchemy db=mysql | orm=django db=postgres | orm=django db=mysql
    """
%%% end
%%% if orm=sqlalchemy
    with isolated_database(tmp_path_factory.mktemp("integration"), "integration") as url:
        # Before any test's own clean environment, and without the command line's logging.
        with pytest.MonkeyPatch.context() as environment:
            use_test_settings(environment)
            migrate(Settings(database_url=url))
        yield url
%%% end
%%% if orm=django db=postgres | orm=django db=mysql
    # In place: Django has filled in its defaults (ATOMIC_REQUESTS, TEST's MIRROR, ...).
    default = settings.DATABASES["default"]
    server = django_database(admin_url())
    default.update({**server, "TEST": {**default["TEST"], **server.get("TEST", {})}})
    default["TEST"]["NAME"] = f"test_integration_{secrets.token_hex(4)}"
    # A connection made before (to the settings' fallback) is of the old engine.
    with contextlib.suppress(AttributeError):
        del connections["default"]
%%% end
%%% if orm=sqlalchemy db=sqlite | orm=sqlalchemy db=postgres | orm=sqlalchemy db=mysql | orm=django db=postgres | orm=django db=mysql


%%% end
%%% if orm=sqlalchemy
def _delete_every_row(url: str) -> None:
    """Empties every table the models declare, children first; the revision table stays."""
    import_models()
    database = Database(url)
    try:
        with database.engine.begin() as connection:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
    finally:
        database.dispose()


%%% end
@pytest.fixture
%%% if orm=sqlalchemy
def database_url(migrated_database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The run's migrated database, with no rows in it: never the development one."""
    _delete_every_row(migrated_database_url)
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    return migrated_database_url


@pytest.fixture
def client(database_url: str) -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=database_url)) as client:
%%% end
%%% if orm=django
def client(db: None) -> Iterator[httpx2.Client]:
    """The app through its test client, on pytest-django's test database (never the real one)."""
    with app_client() as client:
%%% end
        yield client
