"""Every feature app's URLs, and the handlers for errors outside the API views."""

from django.urls import include, path

# The project's package: each feature app's URLs are the `urls` module of its folder.
PACKAGE = __name__.split(".")[0]

urlpatterns = [
%%% if rbac=true
    path("", include(f"{PACKAGE}.admin.urls")),
%%% end
%%% if auth=jwt
    path("", include(f"{PACKAGE}.auth.jwt.urls")),
    path("", include(f"{PACKAGE}.auth.urls")),
%%% end
    path("", include(f"{PACKAGE}.core.urls")),
    path("", include(f"{PACKAGE}.items.urls")),
]

handler400 = "acme_api.core.errors.bad_request"
handler403 = "acme_api.core.errors.forbidden"
handler404 = "acme_api.core.errors.not_found"
handler500 = "acme_api.core.errors.server_error"
