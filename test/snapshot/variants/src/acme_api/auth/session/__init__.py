%%% if orm=sqlalchemy
"""Logging in with a session cookie: server-side sessions and a CSRF token for unsafe methods."""
%%% end
%%% if orm=django
"""Logging in with a session: a server-side session behind an HttpOnly cookie, and a CSRF token."""
%%% end
