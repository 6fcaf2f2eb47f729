from django.apps import AppConfig


class AdminApiConfig(AppConfig):
    """The admin API: users and their roles (Django's own admin site keeps the `admin` label)."""

    name = __name__.rpartition(".")[0]
    label = "admin_api"
    verbose_name = "Admin API"
