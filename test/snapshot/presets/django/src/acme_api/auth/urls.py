from django.urls import path

from .views import MeView, RegisterView

urlpatterns = [
    path("api/v1/auth/register", RegisterView.as_view(), name="register"),
    path("api/v1/auth/me", MeView.as_view(), name="me"),
]
