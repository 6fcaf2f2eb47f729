"""Users and how they prove who they are: registration, login, the current user."""
