"""The backend Django loads for ENGINE `<package>.core.mysql`: Django's, over PyMySQL.

PyMySQL 1.2+ declares itself mysqlclient 2.2.8 to Django, which needs 2.2.1 or
later; it takes MySQLdb's place before Django's backend imports it.
"""

import pymysql

pymysql.install_as_MySQLdb()

from django.db.backends.mysql.base import DatabaseWrapper  # noqa: E402

__all__ = ["DatabaseWrapper"]
