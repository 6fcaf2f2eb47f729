from django.urls import path

from .views import LoginView, LogoutView, RefreshView

urlpatterns = [
    path("api/v1/auth/login", LoginView.as_view(), name="login"),
    path("api/v1/auth/refresh", RefreshView.as_view(), name="refresh"),
    path("api/v1/auth/logout", LogoutView.as_view(), name="logout"),
]
