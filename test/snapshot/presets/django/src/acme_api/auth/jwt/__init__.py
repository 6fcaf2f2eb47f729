"""Logging in with JWTs: a short-lived bearer access token and a rotating refresh token."""
