"""`/api/v1/items`'s own checks, before any query.

Who may call it, what an id or a body is.

The caller is an unsaved user; nothing here reaches the database.
"""

from contextlib import nullcontext
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIRequestFactory, force_authenticate

from acme_api.auth.models import User
from acme_api.core.errors import ConflictError
from acme_api.items.views import ItemViewSet, _unique_values_checked

PATH = "/api/v1/items"
KEY = "item_id"
factory = APIRequestFactory()
collection = ItemViewSet.as_view({"get": "list", "post": "create"})
member = ItemViewSet.as_view({"get": "retrieve"})


def as_a_user(request: Any) -> Any:
    force_authenticate(request, user=User(id=7, email="someone@example.com", role="user"))
    return request


def fields_refused(response: Any) -> list[str]:
    assert response.status_code == 422, response.data
    return [error["field"] for error in response.data["errors"]]


def test_without_credentials_is_401() -> None:
    assert collection(factory.get(PATH)).status_code == 401
    assert collection(factory.post(PATH, {}, format="json")).status_code == 401


@pytest.mark.parametrize("bad", ["abc", "-1", str(2**63)])
def test_ids_outside_a_database_integer_are_422(bad: str) -> None:
    response = member(as_a_user(factory.get(f"{PATH}/{bad}")), **{KEY: bad})
    assert fields_refused(response) == [KEY]


def test_unknown_and_server_owned_fields_are_422() -> None:
    body = {"id": 1, "owner_id": 7, "bogus": "x"}
    response = collection(as_a_user(factory.post(PATH, body, format="json")))
    assert fields_refused(response) == ["bogus", "id", "owner_id"]


def test_a_taken_unique_value_is_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    # The transaction is the database's; what is tested is what its refusal becomes.
    monkeypatch.setattr(transaction, "atomic", nullcontext)
    with pytest.raises(ConflictError, match="must be unique"), _unique_values_checked():
        raise IntegrityError
