"""ORM models, one module per table or group of tables, each built on `db.Base`.

The Alembic environment imports every module of this package, so a new model
module needs no registration to be seen by `alembic revision --autogenerate`.
"""

import importlib
import pkgutil


def import_all() -> None:
    """Import every model module, so every table is in `Base.metadata`."""
    for module in pkgutil.iter_modules(__path__, f"{__name__}."):
        importlib.import_module(module.name)
