"""Logging in with a session: a server-side session behind an HttpOnly cookie, and a CSRF token."""
