"""Django set up once, for the entry points that are not Django's own."""

import os

SETTINGS_MODULE = "acme_api.config.settings"


def configure_django() -> None:
    """Point Django at this project's settings and load its apps (idempotent)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    django.setup(set_prefix=False)
