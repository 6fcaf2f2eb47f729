"""Auth over HTTP against the production-configured server, and what its log keeps."""

from concurrent.futures import ThreadPoolExecutor

import httpx2

from tests.e2e.conftest import Server, http_client
from tests.identity import bearer, login
from tests.users import PASSWORD, new_email, register


def test_login_refresh_logout_and_no_secret_in_the_log(
    client: httpx2.Client, server: Server
) -> None:
    email = new_email()
    register(client, email)
    tokens = login(client, email)
    headers = bearer(tokens["access_token"])
    assert client.get("/api/v1/auth/me", headers=headers).json()["email"] == email
    pair = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert pair.status_code == 200
    body = {"refresh_token": pair.json()["refresh_token"]}
    assert client.post("/api/v1/auth/logout", json=body, headers=headers).status_code == 204
    lines = server.wait_for_log("/api/v1/auth/logout")
    log = "\n".join(lines)
    assert "/api/v1/auth/logout" in log
    for secret in (PASSWORD, tokens["access_token"], tokens["refresh_token"], "Bearer "):
        assert secret not in log


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
