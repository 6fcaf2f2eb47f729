"""Users, who log in with their email, and the failed attempts the throttles count."""

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models

from .emails import normalize_email
from .roles import DEFAULT_ROLE, ROLES


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str, **fields: Any) -> "User":
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str, **fields: Any) -> "User":
        """Django's `createsuperuser`: a user whose role is admin (there is no superuser flag)."""
        return self.create_user(email, password, **{**fields, "role": "admin"})

    def get_by_natural_key(self, username: str | None) -> "User":
        """The user an email names, in any case (`createsuperuser` checks the email is free)."""
        return self.get(email=normalize_email(username or ""))


class User(AbstractBaseUser):
    """The project's own user model from day one: swapping it later is a migration nightmare."""

    email = models.EmailField(max_length=320, unique=True)
    role = models.CharField(
        max_length=20, choices=[(role, role) for role in ROLES], default=DEFAULT_ROLE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()

    class Meta:
        db_table = "users"
        ordering = ("id",)

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
