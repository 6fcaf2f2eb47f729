import logging

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Health routes, middleware and error handling: what every feature shares."""

    name = __name__.rpartition(".")[0]
    label = "core"

    def ready(self) -> None:
        # The access log has one line per request, and core/errors.py logs each
        # unhandled error with its traceback: Django's own per-response lines
        # ("Not Found: ...", "Service Unavailable: ...") would repeat both.
        logging.getLogger("django.request").disabled = True
