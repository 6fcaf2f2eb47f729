"""Administration: roles mapped to permissions, user management, the create-admin command."""
