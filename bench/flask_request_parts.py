"""Where a generated Flask app's GET /health time goes, in-process (no server, no network).

Run inside a generated Flask project, with its dependencies on the path:

    APP_ENV=production SECRET_KEY=$(python -c 'print("x" * 40)') LOG_FORMAT=json \
        PYTHONPATH=src python /path/to/bench/flask_request_parts.py PACKAGE

It calls the WSGI app directly, in interleaved rounds, and prints the median
microseconds per request of: a bare Flask app with the same route; the generated
app; the generated app with logging off; without its request hooks; with /health
returning a plain dict instead of APIFlask's response model; and with all three
removed. The differences say what each part costs; none of them is a variant
anyone should ship (each drops something the contract asks for).
"""

import importlib
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.util import setup_testing_defaults

from flask import Flask

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
ROUNDS = 7
REQUESTS = 2000


def _environ() -> dict[str, Any]:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = "/health"
    return environ


def _per_request(app: Wsgi, logging_on: bool) -> float:
    logging.disable(logging.NOTSET if logging_on else logging.CRITICAL)
    started = time.perf_counter()
    for _ in range(REQUESTS):
        for _chunk in app(_environ(), lambda *_: None):
            pass
    return (time.perf_counter() - started) / REQUESTS * 1e6


def main(package: str) -> None:
    settings = importlib.import_module(f"{package}.core.settings").load_settings()
    importlib.import_module(f"{package}.core.logs").configure_logging(settings)
    logging.getLogger().handlers[0].setStream(open(os.devnull, "w"))  # noqa: SIM115
    create_app = importlib.import_module(f"{package}.app").create_app

    def generated(hooks: bool = True, model: bool = True) -> Flask:
        app: Flask = create_app(settings)
        if not hooks:
            app.before_request_funcs, app.after_request_funcs = {}, {}
            app.teardown_request_funcs = {}
        if not model:
            app.view_functions["health.health"] = lambda: {"status": "ok"}
        return app

    bare = Flask("bare")
    bare.get("/health")(lambda: {"status": "ok"})
    cases: dict[str, tuple[Wsgi, bool]] = {
        "bare Flask": (bare, True),
        "generated": (generated(), True),
        "generated, logging off": (generated(), False),
        "generated, no request hooks": (generated(hooks=False), True),
        "generated, /health without the response model": (generated(model=False), True),
        "generated, none of the three": (generated(hooks=False, model=False), False),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, (app, logging_on) in cases.items():
            times[name].append(_per_request(app, logging_on))
    for name, values in times.items():
        sys.stdout.write(f"{statistics.median(values):6.0f} us  {name}\n")


if __name__ == "__main__":
    main(sys.argv[1])
