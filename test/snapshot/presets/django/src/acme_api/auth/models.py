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


class LoginFailure(models.Model):
    """One counted attempt under a throttle key (`login:email:...`, `registration:client:...`)."""

    key = models.CharField(max_length=400)
    failed_at = models.DateTimeField()

    class Meta:
        db_table = "login_failures"
        indexes = (models.Index(fields=("key", "failed_at")),)

    def __str__(self) -> str:
        return self.key
