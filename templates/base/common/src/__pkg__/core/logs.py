"""Logging for the whole process: JSON lines for machines, key=value lines for people.

Every logger (ours, the server's, the ORM's) goes through the root handler set
up here, so one LOG_FORMAT covers them all. The request id of the request being
served is added to every record logged while serving it.
"""

import json
import logging
import sys
import time
from datetime import UTC, datetime

from .request_id import current_request_id
from .settings import Settings

# The one line per request goes to this logger.
ACCESS_LOGGER = f"{__name__.partition('.')[0]}.access"
# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's ANSI-coloured duplicate of the message
}


_access_logger = logging.getLogger(ACCESS_LOGGER)


def log_request(
    request_id: str, method: str | None, path: str, status: int | None, started: float
) -> None:
    """The one access-log line of a request.

    The path only, never its query string, which can carry tokens and codes;
    `started` is the `time.perf_counter()` reading taken when the request arrived.
    """
    _access_logger.info(
        "request",
        extra={
            "request_id": request_id,
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
        },
    )


def _extra_fields(record: logging.LogRecord) -> dict[str, object]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRIBUTES}


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds")


class RequestIdFilter(logging.Filter):
    """Adds the current request id, if any, to records that do not carry one."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = current_request_id.get()
        if request_id is not None and not hasattr(record, "request_id"):
            record.request_id = request_id
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: timestamp, level, logger, message, then the extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "timestamp": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **_extra_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def _printable(value: object) -> str:
    """`value` on one line: a newline in a request path must not start a forged log line."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


class ConsoleFormatter(logging.Formatter):
    """`timestamp LEVEL logger message key=value ...`, then the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={_printable(v)}" for k, v in _extra_fields(record).items())
        message = _printable(record.getMessage())
        line = f"{_timestamp(record)} {record.levelname:<7} {record.name} {message}"
        if fields:
            line = f"{line} {fields}"
        if record.exc_info:
            line = f"{line}\n{self.formatException(record.exc_info)}"
        return line


def configure_logging(settings: Settings) -> None:
    """Send every logger's records to stderr, in the configured format and level."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else ConsoleFormatter())
    handler.addFilter(RequestIdFilter())
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    # Warnings (a library's deprecation or weak-key notice) are records too, not
    # bare lines on stderr that would break a JSON log.
    logging.captureWarnings(True)
