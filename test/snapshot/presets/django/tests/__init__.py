"""The project's tests: unit, integration and e2e, one folder (and marker) each."""

import pytest

from acme_api.core.settings import Settings

# The import package under test, for tests that run it by name.
PACKAGE = "acme_api"

# Every variable the app reads, from the settings themselves: a developer's
# shell must not change test results.
SETTINGS_VARIABLES = tuple(name.upper() for name in Settings.model_fields)


def use_test_settings(environment: pytest.MonkeyPatch) -> None:
    """Only what a test sets itself: no settings from the shell or a `.env` file."""
    for name in SETTINGS_VARIABLES:
        environment.delenv(name, raising=False)
    # "test", not the default "development": no `.env` file is read.
    environment.setenv("APP_ENV", "test")
