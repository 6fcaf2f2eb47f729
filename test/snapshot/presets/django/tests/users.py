"""Users for tests: registered through the API, as any client would."""

import uuid

import httpx2

PASSWORD = "correct horse battery"


def new_email() -> str:
    return f"user-{uuid.uuid4().hex}@example.com"


def register(client: httpx2.Client, email: str, password: str = PASSWORD) -> dict[str, object]:
    response = client.post("/api/v1/auth/register", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    user: dict[str, object] = response.json()
    return user
