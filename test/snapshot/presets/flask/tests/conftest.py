"""Wiring for every test layer: a marker per folder, and a clean environment."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import use_test_settings

# The `headers` fixture: what a request sends to act as a user, if there are users.
pytest_plugins = ["tests.identity"]

TESTS = Path(__file__).parent
LAYERS = frozenset({"unit", "integration", "e2e"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """tests/unit/... is marked `unit`, and so on, so `pytest -m unit` selects a layer."""
    for item in items:
        if item.path.is_relative_to(TESTS):
            layer = item.path.relative_to(TESTS).parts[0]
            if layer in LAYERS:
                item.add_marker(layer)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    use_test_settings(monkeypatch)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """Undo `configure_logging`, which tests of the command line call."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.captureWarnings(False)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """pytest-xdist's `loadfile`, except that the e2e files sharing a server are one unit.

    One worker then runs them all, and a run starts and migrates that server
    once, not once a worker. test_operations.py starts servers of its own, so
    it stays a unit of its own and may run beside them.
    """
    # pytest-xdist ships no type information.
    from xdist.scheduler import LoadFileScheduling  # type: ignore[import-untyped]

    class SharedServerScheduling(LoadFileScheduling):  # type: ignore[misc]
        # What xdist's own `loadfile` and `loadscope` override to say what a unit is.
        def _split_scope(self, nodeid: str) -> str:
            path: str = super()._split_scope(nodeid)
            shared = path.startswith("tests/e2e/") and path != "tests/e2e/test_operations.py"
            return "tests/e2e/" if shared else path

    return SharedServerScheduling(config, log)
