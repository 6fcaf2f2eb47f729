"""The WSGI application: what `serve` runs under gunicorn, as any WSGI server can."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from ..core.middleware import ChunkedBodyMiddleware
from ..core.setup import configure_django

configure_django()
application = ChunkedBodyMiddleware(get_wsgi_application(), settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
