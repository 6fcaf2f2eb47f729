"""The bare Django app the generated Django one is compared with: the same
framework and server (gunicorn's gthread worker, one process, as many threads as
the generated project's worker), one JsonResponse view, nothing else: no
middleware, no apps, no database."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="bench-only-" + "x" * 40,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def health(_request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


urlpatterns = [path("health", health)]

app = get_wsgi_application()
