"""Django's own MySQL backend over PyMySQL: `DATABASES`' ENGINE for `mysql://` URLs.

Django's backend (`django.db.backends.mysql`, tested by Django against MySQL and
MariaDB) talks to MySQLdb, the C module of mysqlclient. PyMySQL is the same DB-API
in pure Python, so nothing here needs a compiler or the MySQL client headers.
"""
