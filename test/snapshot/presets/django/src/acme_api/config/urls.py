"""Every feature app's URLs, and the handlers for errors outside the API views."""

from django.urls import include, path

urlpatterns = [
    path("", include("acme_api.admin.urls")),
    path("", include("acme_api.auth.jwt.urls")),
    path("", include("acme_api.auth.urls")),
    path("", include("acme_api.core.urls")),
    path("", include("acme_api.items.urls")),
]

handler400 = "acme_api.core.errors.bad_request"
handler403 = "acme_api.core.errors.forbidden"
handler404 = "acme_api.core.errors.not_found"
handler500 = "acme_api.core.errors.server_error"
