"""Session auth over HTTP against the production-configured server, behind TLS as deployed.

The load balancer ends TLS and says so in `X-Forwarded-Proto`: the cookie is
`Secure`, and Django's CSRF check applies its HTTPS rules.
"""

from http.cookies import SimpleCookie

import httpx2

from tests.e2e.conftest import Server
from tests.identity import CSRF_HEADER, SESSION_COOKIE, login, session_headers
from tests.users import PASSWORD, new_email, register

TLS = {"X-Forwarded-Proto": "https"}
LOGOUT = "/api/v1/auth/logout"


def test_login_sets_a_secure_session_cookie_and_logout_ends_it(
    client: httpx2.Client, server: Server
) -> None:
    email = new_email()
    register(client, email)
    logged_in = login(client, email)
    cookie = SimpleCookie(logged_in.headers["set-cookie"])[SESSION_COOKIE]
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    headers = session_headers(logged_in)
    assert client.get("/api/v1/auth/me", headers=headers).json()["email"] == email
    assert client.post(LOGOUT, headers=headers).status_code == 204
    after = client.get("/api/v1/auth/me", headers=headers)
    assert after.status_code == 401
    assert after.headers["www-authenticate"] == "Session"
    log = "\n".join(server.wait_for_log("/api/v1/auth/logout"))
    for secret in (PASSWORD, cookie.value, headers[CSRF_HEADER]):
        assert secret not in log


def test_behind_tls_the_header_passes_without_origin_and_another_origin_does_not(
    client: httpx2.Client, server: Server
) -> None:
    email = new_email()
    register(client, email)
    headers = {**session_headers(login(client, email)), **TLS}
    evil = {**headers, "Origin": "https://evil.example"}
    refused = client.post(LOGOUT, headers=evil)
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    no_token = {k: v for k, v in headers.items() if k != CSRF_HEADER}
    assert client.post(LOGOUT, headers=no_token).status_code == 403
    # A page of the site's own origin passes, and so does an API client that sends none.
    same_origin = {**headers, "Origin": server.url.replace("http://", "https://")}
    assert client.post(LOGOUT, headers=same_origin).status_code == 204
    api_client = {**session_headers(login(client, email)), **TLS}
    assert client.post(LOGOUT, headers=api_client).status_code == 204
