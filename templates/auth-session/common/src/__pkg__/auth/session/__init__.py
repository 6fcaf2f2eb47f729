"""Logging in with a session cookie: server-side sessions and a CSRF token for unsafe methods."""
