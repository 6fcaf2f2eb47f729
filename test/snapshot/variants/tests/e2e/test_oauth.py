"""Social login against a served app, with the fake providers on their own port."""

from collections.abc import Iterator

import httpx2
import pytest

from tests.databases import isolated_database
from tests.e2e.conftest import (
    Server,
    command_env,
    http_client,
    run_command,
    started_server,
    wait_until_healthy,
)
from tests.oauth_login import CASES, Case, bearer, consent, log_in, login_url, provider_settings
from tests.oauth_provider import FakeProvider


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as provider:
        yield provider


@pytest.fixture(scope="module")
def oauth_server(
    provider: FakeProvider, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A production-configured server with both providers on.

    Its PUBLIC_BASE_URL is not its address: the tests take the callback's path and
    query from the provider's redirect and send them to the server themselves.
    """
    tmp_path = tmp_path_factory.mktemp("oauth")
    with isolated_database(tmp_path, "e2e_oauth") as database_url:
        env = command_env(
            tmp_path,
            APP_ENV="production",
            DATABASE_URL=database_url,
            SECRET_KEY="e2e-oauth-secret-key-long-enough-to-be-real",
            **provider_settings(provider),
        )
        # It boots while `migrate` runs: serving touches the database only when a request does.
        with started_server(env, tmp_path / "serve.log") as server:
            assert run_command(tmp_path, env, "migrate").returncode == 0
            wait_until_healthy(server)
            yield server
            assert server.stop() == 0


@pytest.fixture
def client(oauth_server: Server) -> Iterator[httpx2.Client]:
    with http_client(oauth_server.url) as client:
        yield client


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_login_is_trusted_only_as_far_as_the_provider_vouches(
    client: httpx2.Client, case: Case
) -> None:
    email = f"{case.name}@example.com"
    response = log_in(client, case.provider, **{"fake_email": email, **case.knobs})
    assert response.status_code == case.status, response.text
    if case.status == 200:
        me = client.get("/api/v1/auth/me", headers=bearer(response))
        assert me.json()["email"] == email


def test_a_replayed_callback_is_refused(client: httpx2.Client) -> None:
    callback = consent(login_url(client, "google"))
    assert client.get(callback).status_code == 200
    assert client.get(callback).status_code == 403  # the state was spent by the first


def test_an_unknown_provider_is_not_found(client: httpx2.Client) -> None:
    assert client.get("/api/v1/auth/oauth/gitlab/login").status_code == 404
