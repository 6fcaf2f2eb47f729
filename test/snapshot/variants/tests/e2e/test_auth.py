%%% if auth=jwt | auth=oauth
"""Auth over HTTP against the production-configured server, and what its log keeps."""
%%% end
%%% if auth=session
"""Session auth over HTTP against the production-configured server, and what its log keeps."""
%%% end

%%% if auth=jwt | auth=oauth
from concurrent.futures import ThreadPoolExecutor

%%% end
import httpx2

%%% if auth=jwt | auth=oauth
from tests.e2e.conftest import Server, http_client
from tests.identity import bearer, login
%%% end
%%% if auth=session
from tests.e2e.conftest import Server
from tests.identity import COOKIE, session_cookie, session_headers
%%% end
from tests.users import PASSWORD, new_email, register


%%% if auth=jwt | auth=oauth
def test_login_refresh_logout_and_no_secret_in_the_log(
%%% end
%%% if auth=session
def test_login_sets_a_secure_cookie_logout_ends_it_and_no_secret_in_the_log(
%%% end
    client: httpx2.Client, server: Server
) -> None:
    email = new_email()
    register(client, email)
%%% if auth=jwt | auth=oauth
    tokens = login(client, email)
    headers = bearer(tokens["access_token"])
%%% end
%%% if auth=session
    response = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200
    client.cookies.clear()  # each request below says which session it carries
    cookie = session_cookie(response)[COOKIE]
    # Production: the browser sends it over HTTPS only, never to a script, never cross-site.
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"].lower()) == (
        True,
        True,
        "lax",
    )
    token, csrf_token = cookie.value, response.json()["csrf_token"]
    headers = session_headers(token, csrf_token)
%%% end
    assert client.get("/api/v1/auth/me", headers=headers).json()["email"] == email
%%% if auth=jwt | auth=oauth
    pair = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert pair.status_code == 200
    body = {"refresh_token": pair.json()["refresh_token"]}
    assert client.post("/api/v1/auth/logout", json=body, headers=headers).status_code == 204
%%% end
%%% if auth=session
    forged = client.post("/api/v1/auth/logout", headers={"Cookie": f"{COOKIE}={token}"})
    assert forged.status_code == 403
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 401
%%% end
    lines = server.wait_for_log("/api/v1/auth/logout")
    log = "\n".join(lines)
    assert "/api/v1/auth/logout" in log
%%% if auth=jwt | auth=oauth
    for secret in (PASSWORD, tokens["access_token"], tokens["refresh_token"], "Bearer "):
%%% end
%%% if auth=session
    for secret in (PASSWORD, token, csrf_token):
%%% end
        assert secret not in log

%%% if auth=jwt | auth=oauth

def test_a_refresh_token_sent_twenty_times_at_once_yields_one_pair(client: httpx2.Client) -> None:
    email = new_email()
    register(client, email)
    body = {"refresh_token": login(client, email)["refresh_token"]}

    def refresh(_: int) -> int:
        with http_client(str(client.base_url), timeout=30) as own:
            return own.post("/api/v1/auth/refresh", json=body).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = sorted(pool.map(refresh, range(20)))
    assert statuses == [200] + [401] * 19

%%% end