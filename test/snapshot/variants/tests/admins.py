"""Admins for the tests that need one, made as an operator makes them: with `create-admin`."""

import httpx2

from acme_api.cli import main

from tests.identity import login_headers
from tests.users import new_email

ADMIN_PASSWORD = "admin password"


def admin_headers(client: httpx2.Client) -> dict[str, str]:
    email = new_email()
    assert main(["create-admin", "--email", email, "--password", ADMIN_PASSWORD]) == 0
    return login_headers(client, email, ADMIN_PASSWORD)
