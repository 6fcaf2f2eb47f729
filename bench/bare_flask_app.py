"""The bare Flask app the generated Flask one is compared with: the same
framework and server (gunicorn's gthread worker, one process, as many threads as
the generated project's database pool), nothing else."""

from flask import Flask

app = Flask(__name__)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
