#!/usr/bin/env python
"""Django's command-line utility: `python manage.py makemigrations`, `shell`, ..."""

import os
import sys


def main() -> None:
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE",
        "acme_api.config.settings",
    )
    from django.core.management import execute_from_command_line

    from acme_api.core.logs import configure_logging
    from acme_api.core.settings import ConfigError, load_settings

    try:
        configure_logging(load_settings())
    except ConfigError as error:
        # One line, no traceback, as `python -m acme_api` says it.
        sys.stderr.write(f"error: {error}\n")
        raise SystemExit(1) from None
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
