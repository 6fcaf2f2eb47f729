"""A valid body for every resource, and rows made through the API for the tests that need them.

A body's references are filled in with rows made first (or with the caller, for
a reference to a user), and a unique field gets a fresh value on every call.
"""

import secrets
from collections.abc import Callable
from typing import Any
from uuid import uuid4

import httpx2


def fresh_text(length: int) -> str:
    return uuid4().hex[:length]


def fresh_int() -> int:
    return secrets.randbelow(2**62)


def _items() -> dict[str, Any]:
    return {"title": "a title", "description": "a description"}


RESOURCES: dict[str, tuple[Callable[[], dict[str, Any]], dict[str, str]]] = {
    # Path -> a function making a valid body, and body field -> the path it refers to
    # ("users": a user). Empty when the project has no resources left.
    "/api/v1/items": (_items, {}),
}


def valid_body(client: httpx2.Client, headers: dict[str, str], path: str) -> dict[str, Any]:
    make, references = RESOURCES[path]
    body = make()
    for field, target in references.items():
        if target == "users":
            body[field] = client.get("/api/v1/auth/me", headers=headers).json()["id"]
        else:
            body[field] = create(client, headers, target)["id"]
    return body


def create(
    client: httpx2.Client, headers: dict[str, str], path: str, **changes: Any
) -> dict[str, Any]:
    body = {**valid_body(client, headers, path), **changes}
    response = client.post(path, json=body, headers=headers)
    assert response.status_code == 201, response.text
    row: dict[str, Any] = response.json()
    return row
