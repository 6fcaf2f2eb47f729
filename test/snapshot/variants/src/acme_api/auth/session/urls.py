from django.urls import path

from .views import LoginView, LogoutView

urlpatterns = [
    path("api/v1/auth/login", LoginView.as_view(), name="login"),
    path("api/v1/auth/logout", LogoutView.as_view(), name="logout"),
]
