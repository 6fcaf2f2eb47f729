"""`items` in Django's admin site.

For admins: every user's rows, with their owner.
"""

from django.contrib import admin

from .models import Item


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin[Item]):
    list_display = (
        "id",
        "title",
        "description",
        "owner",
        "created_at",
        "updated_at",
    )
    # One query for a page, not one per row and foreign key.
    list_select_related = ("owner",)
    # Rows are picked by id: a drop-down would load every user (and every referenced row).
    raw_id_fields = ("owner",)
    readonly_fields = ("created_at", "updated_at")
