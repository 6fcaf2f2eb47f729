"""The `items` table."""

%%% if orm=sqlalchemy
from datetime import datetime
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
from django.conf import settings
%%% end
%%% if orm=django
from django.db import models
%%% end

%%% if orm=sqlalchemy auth=none
from sqlalchemy import String
%%% end
%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=session | orm=sqlalchemy auth=oauth
from sqlalchemy import ForeignKey, String
%%% end
%%% if orm=sqlalchemy
from sqlalchemy.orm import Mapped, mapped_column
%%% end

%%% if orm=sqlalchemy
from ..core.columns import ID, UtcDateTime, utc_now
from ..core.db import Base
%%% end
%%% if orm=django
class Item(models.Model):
    title = models.CharField(max_length=200)
    description = models.CharField(blank=True, max_length=2000, null=True)
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
%%% end
%%% if orm=django
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
%%% end

%%% if orm=django
    class Meta:
        db_table = "items"
        ordering = ("id",)
%%% end

%%% if orm=sqlalchemy
class Item(Base):
    __tablename__ = "items"
%%% end
%%% if orm=django
    def __str__(self) -> str:
        return f"item {self.pk}"
%%% end

%%% if orm=sqlalchemy
    id: Mapped[int] = mapped_column(ID, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(2000))
%%% end
%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=session | orm=sqlalchemy auth=oauth
    owner_id: Mapped[int] = mapped_column(
        ID, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
%%% end
%%% if orm=sqlalchemy
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

%%% end