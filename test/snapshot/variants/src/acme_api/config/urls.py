%%% if auth=none
"""Every feature app's URLs, and the handlers for errors outside the API views."""
%%% end
%%% if auth=jwt
"""Every feature app's URLs, the admin site, and the handlers for errors outside the API views."""
%%% end

%%% if auth=jwt
from django.contrib import admin
%%% end
from django.urls import include, path

%%% if auth=jwt
admin.site.site_header = admin.site.site_title = "Acme API admin"
# Nothing to go back to: everything else here is the API.
admin.site.site_url = None

%%% end
urlpatterns = [
%%% if auth=jwt
    # Users whose role is admin log in here (auth/models.py: `is_staff`).
    path("admin/", admin.site.urls),
%%% end
%%% if rbac=true
    path("", include("acme_api.admin.urls")),
%%% end
%%% if auth=jwt
    path("", include("acme_api.auth.jwt.urls")),
    path("", include("acme_api.auth.urls")),
%%% end
    path("", include("acme_api.core.urls")),
    path("", include("acme_api.items.urls")),
]

handler400 = "acme_api.core.errors.bad_request"
handler403 = "acme_api.core.errors.forbidden"
handler404 = "acme_api.core.errors.not_found"
handler500 = "acme_api.core.errors.server_error"
