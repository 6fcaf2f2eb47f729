from django.apps import AppConfig


class ItemConfig(AppConfig):
    name = __name__.rpartition(".")[0]
    label = "items"
