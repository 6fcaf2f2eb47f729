"""The `items` table."""

from django.conf import settings
from django.db import models


class Item(models.Model):
    title = models.CharField(max_length=200)
    description = models.CharField(blank=True, max_length=2000, null=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "items"
        ordering = ("id",)

    def __str__(self) -> str:
        return f"item {self.pk}"
