"""Social login: GitHub (OAuth 2) and Google (OpenID Connect), ending in the app's own tokens."""
