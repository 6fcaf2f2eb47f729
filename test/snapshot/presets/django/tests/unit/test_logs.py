import json
import logging
import sys
import warnings

import pytest

from acme_api.core.logs import (
    ACCESS_LOGGER,
    ConsoleFormatter,
    JsonFormatter,
    RequestIdFilter,
    configure_logging,
)
from acme_api.core.request_id import (
    current_request_id,
)
from acme_api.core.settings import Settings


def _record(message: str = "request", **extra: object) -> logging.LogRecord:
    record = logging.makeLogRecord({"name": ACCESS_LOGGER, "levelno": 20, "levelname": "INFO"})
    record.msg = message
    record.__dict__.update(extra)
    return record


def test_json_lines_carry_timestamp_level_message_and_extra_fields() -> None:
    line = JsonFormatter().format(_record(request_id="r1", status=200, duration_ms=1.5))
    entry = json.loads(line)
    assert entry["level"] == "info"
    assert entry["message"] == "request"
    assert entry["logger"] == ACCESS_LOGGER
    assert entry["timestamp"].endswith("+00:00")
    assert (entry["request_id"], entry["status"], entry["duration_ms"]) == ("r1", 200, 1.5)


def test_json_lines_hold_the_traceback_of_an_exception() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = _record("failed")
        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert "ValueError: boom" in entry["exception"]


def test_console_lines_are_key_value() -> None:
    line = ConsoleFormatter().format(_record(request_id="r1", status=404))
    assert line.endswith(f"INFO    {ACCESS_LOGGER} request request_id=r1 status=404")


def test_console_lines_escape_control_characters_so_a_path_cannot_forge_a_line() -> None:
    forged = "/x\n2030-01-01T00:00:00Z INFO    fake request status=200"
    line = ConsoleFormatter().format(_record(path=forged))
    assert len(line.splitlines()) == 1
    assert "path=/x\\n2030" in line


def test_console_lines_end_with_the_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = _record("failed")
        record.exc_info = sys.exc_info()
    assert ConsoleFormatter().format(record).splitlines()[-1] == "ValueError: boom"


def test_records_logged_during_a_request_get_its_id() -> None:
    record = _record()
    token = current_request_id.set("r42")
    try:
        assert RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    assert getattr(record, "request_id", None) == "r42"


def test_configure_logging_installs_one_handler_at_the_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging(Settings(log_format="json", log_level="WARNING"))
    logging.getLogger("tests.logs").info("hidden")
    logging.getLogger("tests.logs").warning("shown")
    lines = capsys.readouterr().err.splitlines()
    assert [json.loads(line)["message"] for line in lines] == ["shown"]


def test_warnings_are_json_lines_not_bare_text(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(log_format="json"))
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("the key is short", UserWarning, stacklevel=1)
    [line] = capsys.readouterr().err.splitlines()
    entry = json.loads(line)
    assert (entry["level"], entry["logger"]) == ("warning", "py.warnings")
    assert "the key is short" in entry["message"]
