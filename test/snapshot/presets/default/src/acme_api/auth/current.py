"""Who is calling: the user the project's auth method proves, or a 401.

Routes, ownership and permissions depend on `CurrentUser` from here, whatever the method.
"""

from .jwt.dependencies import CurrentUser

__all__ = ["CurrentUser"]
