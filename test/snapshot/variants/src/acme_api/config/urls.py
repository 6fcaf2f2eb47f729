%%% if auth=none
"""Every feature app's URLs, and the handlers for errors outside the API views."""
%%% end
%%% if auth=jwt | auth=session | auth=oauth
"""Every feature app's URLs, the admin site, and the handlers for errors outside the API views."""
%%% end

%%% if auth=jwt | auth=session | auth=oauth
from django.contrib import admin
%%% end
from django.urls import include, path

# The project's package: each feature app's URLs are the `urls` module of its folder.
PACKAGE = __name__.split(".")[0]

%%% if auth=jwt | auth=session | auth=oauth
admin.site.site_header = admin.site.site_title = "Acme API admin"
# Nothing to go back to: everything else here is the API.
admin.site.site_url = None

%%% end
urlpatterns = [
%%% if auth=jwt | auth=session | auth=oauth
    # Users whose role is admin log in here (auth/models.py: `is_staff`).
    path("admin/", admin.site.urls),
%%% end
%%% if rbac=true
    path("", include(f"{PACKAGE}.admin.urls")),
%%% end
%%% if auth=jwt | auth=oauth
    path("", include(f"{PACKAGE}.auth.jwt.urls")),
%%% end
%%% if auth=oauth
    path("", include(f"{PACKAGE}.auth.oauth.urls")),
%%% end
%%% if auth=jwt | auth=session | auth=oauth
    path("", include(f"{PACKAGE}.auth.urls")),
%%% end
%%% if auth=session
    path("", include(f"{PACKAGE}.auth.session.urls")),
%%% end
    path("", include(f"{PACKAGE}.core.urls")),
    path("", include(f"{PACKAGE}.items.urls")),
]

handler400 = "acme_api.core.errors.bad_request"
handler403 = "acme_api.core.errors.forbidden"
handler404 = "acme_api.core.errors.not_found"
handler500 = "acme_api.core.errors.server_error"
