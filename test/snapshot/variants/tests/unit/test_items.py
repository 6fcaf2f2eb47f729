%%% if framework=fastapi
"""`/api/v1/items`: the routes called directly on an in-memory database."""
%%% end
%%% if framework=flask
"""`/api/v1/items` over Flask's test client, on an in-memory database."""
%%% end
%%% if orm=django auth=none
"""`/api/v1/items`'s own checks, before any query: what an id or a body is.
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
"""`/api/v1/items`'s own checks, before any query.
%%% end

%%% if framework=fastapi
import asyncio
from collections.abc import Callable
from functools import partial
%%% end
%%% if framework=flask
from collections.abc import Iterator
%%% end
%%% if orm=django auth=none
Nothing here reaches the database.
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
Who may call it, what an id or a body is.

The caller is an unsaved user; nothing here reaches the database.
%%% end
%%% if orm=django
"""
%%% end

%%% if framework=flask
import httpx2
%%% end
%%% if orm=django
from contextlib import nullcontext
from typing import Any

%%% end
import pytest
%%% if framework=fastapi
from fastapi import HTTPException, Response
from sqlalchemy.orm import Session
%%% end
%%% if orm=django
from django.db import IntegrityError, transaction
%%% end
%%% if orm=django auth=none
from rest_framework.test import APIRequestFactory
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
from rest_framework.test import APIRequestFactory, force_authenticate
%%% end

%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth | framework=django auth=jwt | framework=django auth=session | framework=django auth=oauth
from acme_api.auth.models import User
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
from acme_api.auth.ownership import Owner
%%% end
%%% if framework=fastapi
from acme_api.core.pagination import PageParams
from acme_api.items import routes
from acme_api.items.models import Item
from acme_api.items.repository import ItemRepository
from acme_api.items.schemas import (
    ItemCreate,
    ItemRead,
    ItemUpdate,
)
%%% end
%%% if framework=flask
from acme_api.core.db import IN_MEMORY
from acme_api.core.settings import Settings
%%% end
%%% if orm=django
from acme_api.core.errors import ConflictError
from acme_api.items.views import ItemViewSet, _unique_values_checked
%%% end

%%% if framework=fastapi
from tests.resources import RESOURCES
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
from tests.users import new_email
%%% end
%%% if framework=flask
from tests.app_client import app_client
%%% end
%%% if framework=flask auth=none
from tests.resources import valid_body
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
from tests.identity import new_user_headers
from tests.resources import create, valid_body
%%% end
%%% if orm=sqlalchemy

%%% end
PATH = "/api/v1/items"
%%% if framework=fastapi
VALID = RESOURCES[PATH][0]()
%%% end
%%% if framework=flask
PROBLEM = "application/problem+json"
%%% end
%%% if orm=sqlalchemy
# A required field: what the tests change.
REQUIRED = "title"
CHANGED = "changed"
%%% end
%%% if orm=django
KEY = "item_id"
factory = APIRequestFactory()
collection = ItemViewSet.as_view({"get": "list", "post": "create"})
member = ItemViewSet.as_view({"get": "retrieve"})
%%% end


%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
def new_owner(session: Session) -> Owner:
    user = User(email=new_email(), password_hash="not a real hash")
    session.add(user)
    session.flush()
    return Owner(user)
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
def as_a_user(request: Any) -> Any:
    force_authenticate(request, user=User(id=7, email="someone@example.com", role="user"))
    return request


%%% end
%%% if orm=django
def fields_refused(response: Any) -> list[str]:
    assert response.status_code == 422, response.data
    return [error["field"] for error in response.data["errors"]]
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth | framework=django auth=none | framework=django auth=jwt | framework=django auth=session | framework=django auth=oauth


%%% end
%%% if orm=sqlalchemy
@pytest.fixture
%%% end
%%% if framework=fastapi auth=none
def repository(session: Session) -> ItemRepository:
    return asyncio.run(routes.repository(session))
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
def owner(session: Session) -> Owner:
    return new_owner(session)
%%% end
%%% if framework=flask
def client() -> Iterator[httpx2.Client]:
    with app_client(Settings(database_url=IN_MEMORY)) as client:
        yield client
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
def test_without_credentials_is_401() -> None:
    assert collection(factory.get(PATH)).status_code == 401
    assert collection(factory.post(PATH, {}, format="json")).status_code == 401


%%% end
%%% if orm=django
@pytest.mark.parametrize("bad", ["abc", "-1", str(2**63)])
def test_ids_outside_a_database_integer_are_422(bad: str) -> None:
%%% end
%%% if orm=django auth=none
    response = member(factory.get(f"{PATH}/{bad}"), **{KEY: bad})
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
    response = member(as_a_user(factory.get(f"{PATH}/{bad}")), **{KEY: bad})
%%% end
%%% if orm=django
    assert fields_refused(response) == [KEY]
%%% end


%%% if framework=fastapi
@pytest.fixture
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
def repository(session: Session, owner: Owner) -> ItemRepository:
    return asyncio.run(routes.repository(session, owner))
%%% end
%%% if framework=flask
def test_create_list_read_change_delete(client: httpx2.Client, headers: dict[str, str]) -> None:
    created = client.post(PATH, json=valid_body(client, headers, PATH), headers=headers)
    assert created.status_code == 201
    row = created.json()
    assert created.headers["Location"] == f"{PATH}/{row['id']}"
    page = client.get(PATH, params={"limit": 100}, headers=headers).json()
    assert row in page["items"]
    assert client.get(f"{PATH}/{row['id']}", headers=headers).json() == row
    changed = client.patch(f"{PATH}/{row['id']}", json={REQUIRED: CHANGED}, headers=headers)
    assert changed.json()[REQUIRED] == CHANGED
    assert client.delete(f"{PATH}/{row['id']}", headers=headers).status_code == 204
    missing = client.get(f"{PATH}/{row['id']}", headers=headers)
    assert (missing.status_code, missing.headers["content-type"]) == (404, PROBLEM)
%%% end
%%% if orm=django
def test_unknown_and_server_owned_fields_are_422() -> None:
%%% end
%%% if orm=django auth=none
    body = {"id": 1, "bogus": "x"}
    response = collection(factory.post(PATH, body, format="json"))
    assert fields_refused(response) == ["bogus", "id"]
%%% end
%%% if orm=django auth=jwt | orm=django auth=session | orm=django auth=oauth
    body = {"id": 1, "owner_id": 7, "bogus": "x"}
    response = collection(as_a_user(factory.post(PATH, body, format="json")))
    assert fields_refused(response) == ["bogus", "id", "owner_id"]
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth | framework=flask auth=none | framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth | framework=django auth=none | framework=django auth=jwt | framework=django auth=session | framework=django auth=oauth


%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
@pytest.fixture
%%% end
%%% if framework=fastapi
def create(
    repository: ItemRepository,
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
    owner: Owner,
%%% end
%%% if framework=fastapi
) -> Callable[[Response], Item]:
    body = ItemCreate.model_validate(VALID)
%%% end
%%% if framework=fastapi auth=none
    return partial(routes.create_item, body, repository)
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
    return partial(routes.create_item, body, repository, owner=owner)
%%% end
%%% if orm=django
def test_a_taken_unique_value_is_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    # The transaction is the database's; what is tested is what its refusal becomes.
    monkeypatch.setattr(transaction, "atomic", nullcontext)
    with pytest.raises(ConflictError, match="must be unique"), _unique_values_checked():
        raise IntegrityError
%%% end
%%% if framework=fastapi | framework=django

%%% end
%%% if framework=fastapi

def test_routes_create_list_read_change_delete(
    repository: ItemRepository,
    create: Callable[[Response], Item],
%%% end
%%% if framework=flask
def test_ids_outside_a_database_integer_are_422(
    client: httpx2.Client, headers: dict[str, str]
%%% end
%%% if orm=sqlalchemy
) -> None:
%%% end
%%% if framework=fastapi
    response = Response()
    created = create(response)
    assert response.headers["Location"] == f"{PATH}/{created.id}"
    page = routes.list_items(repository, PageParams(limit=20, offset=0))
    assert page.total == 1
    assert page.items == [ItemRead.model_validate(created)]
    assert routes.read_item(created.id, repository) is created
    change = ItemUpdate.model_validate({REQUIRED: CHANGED})
    changed = routes.update_item(created.id, change, repository)
    read = ItemRead.model_validate(changed)
    assert read.model_dump(mode="json")[REQUIRED] == CHANGED
    routes.delete_item(created.id, repository)
    with pytest.raises(HTTPException) as missing:
        routes.read_item(created.id, repository)
    assert missing.value.status_code == 404
%%% end
%%% if framework=flask
    for bad in (0, 2**63):
        refused = client.get(f"{PATH}/{bad}", headers=headers)
        assert refused.status_code == 422
%%% end
%%% if orm=sqlalchemy

%%% end
%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=session | orm=sqlalchemy auth=oauth

%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
def test_another_users_rows_are_invisible(
    session: Session, owner: Owner, create: Callable[[Response], Item]
) -> None:
    created = create(Response())
    stranger = asyncio.run(routes.repository(session, new_owner(session)))
    assert stranger.get(created.id) is None
    assert stranger.page(20, 0) == ([], 0)
    everyone = asyncio.run(routes.repository(session, Owner(owner.user, sees_everyone=True)))
    assert everyone.get(created.id) is created
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
def test_another_users_rows_are_invisible(client: httpx2.Client, headers: dict[str, str]) -> None:
    row = create(client, headers, PATH)
    stranger = new_user_headers(client)
    assert client.get(f"{PATH}/{row['id']}", headers=stranger).status_code == 404
    assert client.get(PATH, headers=stranger).json()["total"] == 0
    assert client.get(PATH).status_code == 401
%%% end
%%% if orm=sqlalchemy auth=jwt | orm=sqlalchemy auth=session | orm=sqlalchemy auth=oauth

%%% end