"""ORM models, one module per table or group of tables, each built on `db.Base`.

The Alembic environment imports every module of this package, so a new model
module needs no registration to be seen by `alembic revision --autogenerate`.
"""
