"""Users for tests: register and log in through the API, as any client would."""

import uuid

import httpx2

PASSWORD = "correct horse battery"


def new_email() -> str:
    return f"user-{uuid.uuid4().hex}@example.com"


def login(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """The token pair of a login; asserts it worked."""
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


def register(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, object]:
    response = client.post("/api/v1/auth/register", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    user: dict[str, object] = response.json()
    return user


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def new_user_headers(client: httpx2.Client) -> dict[str, str]:
    """Headers of a freshly registered, logged-in user."""
    email = new_email()
    register(client, email)
    return bearer(login(client, email)["access_token"])
