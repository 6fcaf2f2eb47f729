"""Migrations, written by `manage.py makemigrations`."""
