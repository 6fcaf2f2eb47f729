"""The WSGI application gunicorn serves (`python -m acme_api serve`)."""

from django.core.wsgi import get_wsgi_application

from ..core.setup import configure_django

configure_django()
application = get_wsgi_application()
