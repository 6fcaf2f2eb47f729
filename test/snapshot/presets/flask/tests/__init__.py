"""The project's tests: unit, integration and e2e, one folder (and marker) each."""

from acme_api.core.settings import Settings

# The import package under test, for tests that run it by name.
PACKAGE = "acme_api"

# Every variable the app reads, from the settings themselves: a developer's
# shell must not change test results.
SETTINGS_VARIABLES = tuple(name.upper() for name in Settings.model_fields)
