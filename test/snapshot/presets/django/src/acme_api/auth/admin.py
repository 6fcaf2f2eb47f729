"""Users in Django's admin site: email and role; a password is neither shown nor typed here."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from .emails import normalize_email
from .models import User


class UserForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ("email", "role")

    def clean_email(self) -> str:
        """In its one stored form, as registration stores it, so that its owner can still log in."""
        return normalize_email(self.cleaned_data["email"])

    def clean_role(self) -> str:
        """As the API says (409), the last admin keeps the role: someone must be able to log in."""
        role: str = self.cleaned_data["role"]
        demoted = self.instance.role == "admin" and role != "admin"
        if demoted and not User.objects.filter(role="admin").exclude(pk=self.instance.pk).exists():
            msg = "The last admin cannot be demoted."
            raise forms.ValidationError(msg)
        return role


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    form = UserForm
    list_display = ("email", "role", "created_at", "last_login")
    list_filter = ("role",)
    search_fields = ("email",)
    # The password hash stays out of the form: `set-password` sets a password.
    fields = ("email", "role", "created_at", "last_login")
    readonly_fields = ("created_at", "last_login")

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Users register through the API (or `createsuperuser`), which hashes their password."""
        return False
