from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users: the custom user model (email login), registration and who am I."""

    name = __name__.rpartition(".")[0]
    # `auth` is django.contrib.auth's label.
    label = "accounts"
    verbose_name = "Accounts"
