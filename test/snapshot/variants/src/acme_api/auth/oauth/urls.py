from django.urls import path

from .views import OAuthCallbackView, OAuthLoginView

urlpatterns = [
    path("api/v1/auth/oauth/<str:provider>/login", OAuthLoginView.as_view(), name="oauth-login"),
    path(
        "api/v1/auth/oauth/<str:provider>/callback",
        OAuthCallbackView.as_view(),
        name="oauth-callback",
    ),
]
