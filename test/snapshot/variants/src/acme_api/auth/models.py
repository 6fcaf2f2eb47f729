%%% if orm=sqlalchemy
"""Users, and their throttled attempts (failed logins, registrations), kept for their
window in the database, so N processes count as one."""
%%% end
%%% if orm=django
"""Users, who log in with their email, and the failed attempts the throttles count."""
%%% end

%%% if orm=sqlalchemy
import uuid
from datetime import datetime
%%% end
%%% if orm=django
from typing import Any, ClassVar
%%% end

%%% if orm=sqlalchemy
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column
%%% end
%%% if orm=django
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
%%% end

%%% if orm=sqlalchemy
from ..core.columns import ID, UtcDateTime, utc_now
from ..core.db import Base
from .roles import DEFAULT_ROLE
%%% end
%%% if orm=django
from .emails import normalize_email
from .roles import DEFAULT_ROLE, ROLES
%%% end


%%% if orm=sqlalchemy
class User(Base):
    __tablename__ = "users"
%%% end
%%% if orm=django
class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str, **fields: Any) -> "User":
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user
%%% end

%%% if orm=sqlalchemy
    id: Mapped[int] = mapped_column(ID, primary_key=True)
    # Stored normalized (NFKC, lower case), so uniqueness ignores case and look-alikes.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default=DEFAULT_ROLE)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
%%% end
%%% if orm=django
    def create_superuser(self, email: str, password: str, **fields: Any) -> "User":
        """Django's `createsuperuser`: a user whose role is admin (there is no superuser flag)."""
        return self.create_user(email, password, **{**fields, "role": "admin"})
%%% end

%%% if orm=django
    def get_by_natural_key(self, username: str | None) -> "User":
        """The user an email names, in any case (`createsuperuser` checks the email is free)."""
        return self.get(email=normalize_email(username or ""))
%%% end

%%% if orm=sqlalchemy
def _new_id() -> str:
    return str(uuid.uuid4())
%%% end

%%% if orm=django
class User(AbstractBaseUser):
    """The project's own user model from day one: swapping it later is a migration nightmare."""
%%% end

%%% if orm=sqlalchemy
class LoginFailure(Base):
    """One counted attempt under one key.
%%% end
%%% if orm=django
    email = models.EmailField(max_length=320, unique=True)
    role = models.CharField(
        max_length=20, choices=[(role, role) for role in ROLES], default=DEFAULT_ROLE
    )
    created_at = models.DateTimeField(auto_now_add=True)
%%% end

%%% if orm=sqlalchemy
    A failed login counts under `login:email:...` and `login:client:...`, a
    registration under `registration:client:...`.
    """
%%% end
%%% if orm=django
    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
%%% end

%%% if orm=sqlalchemy
    __tablename__ = "login_failures"
%%% end
%%% if orm=django
    objects = UserManager()
%%% end

%%% if orm=sqlalchemy
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_new_id)
    key: Mapped[str] = mapped_column(String(400), index=True)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
%%% end
%%% if orm=django
    class Meta:
        db_table = "users"
        ordering = ("id",)
%%% end

%%% if orm=django
    def __str__(self) -> str:
        return self.email

    # Django's admin site asks these. The role decides, not Django's per-model permissions
    # (no groups or permission tables): an admin is staff and may do everything there.
    @property
    def is_staff(self) -> bool:
        return self.role == "admin"

    def has_perm(self, perm: str, obj: object = None) -> bool:
        return self.is_active and self.is_staff

    def has_module_perms(self, app_label: str) -> bool:
        return self.is_active and self.is_staff


class LoginFailure(models.Model):
    """One counted attempt under a throttle key (`login:email:...`, `registration:client:...`)."""

    key = models.CharField(max_length=400)
    failed_at = models.DateTimeField()

    class Meta:
        db_table = "login_failures"
        indexes = (models.Index(fields=("key", "failed_at")),)

    def __str__(self) -> str:
        return self.key

%%% end