"""Whose `/api/v1/items` rows a user may reach, on the test database."""

import httpx2

from tests.admins import admin_headers
from tests.identity import new_user_headers
from tests.resources import create

PATH = "/api/v1/items"


def test_another_users_row_is_not_found(client: httpx2.Client) -> None:
    alice, bob = new_user_headers(client), new_user_headers(client)
    url = f"{PATH}/{create(client, alice, PATH)['id']}"
    assert client.get(url, headers=bob).status_code == 404
    assert client.delete(url, headers=bob).status_code == 404
    assert client.get(PATH, headers=bob).json()["total"] == 0
    assert client.get(url, headers=alice).status_code == 200


def test_an_admin_reaches_every_users_rows(client: httpx2.Client) -> None:
    url = f"{PATH}/{create(client, new_user_headers(client), PATH)['id']}"
    admin = admin_headers(client)
    assert client.get(url, headers=admin).status_code == 200
    assert client.get(PATH, headers=admin).json()["total"] == 1
