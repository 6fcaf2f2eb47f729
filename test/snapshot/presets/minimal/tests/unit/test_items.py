"""`/api/v1/items`: the routes called directly on an in-memory database."""

import asyncio
from collections.abc import Callable
from functools import partial

import pytest
from fastapi import HTTPException, Response
from sqlalchemy.orm import Session

from acme_api.auth.models import User
from acme_api.auth.ownership import Owner
from acme_api.core.pagination import PageParams
from acme_api.items import routes
from acme_api.items.models import Item
from acme_api.items.repository import ItemRepository
from acme_api.items.schemas import (
    ItemCreate,
    ItemRead,
    ItemUpdate,
)

from tests.resources import RESOURCES
from tests.users import new_email

PATH = "/api/v1/items"
VALID = RESOURCES[PATH][0]()
# A required field: what the tests change.
REQUIRED = "title"
CHANGED = "changed"


def new_owner(session: Session) -> Owner:
    user = User(email=new_email(), password_hash="not a real hash")
    session.add(user)
    session.flush()
    return Owner(user)


@pytest.fixture
def owner(session: Session) -> Owner:
    return new_owner(session)


@pytest.fixture
def repository(session: Session, owner: Owner) -> ItemRepository:
    return asyncio.run(routes.repository(session, owner))


@pytest.fixture
def create(
    repository: ItemRepository,
    owner: Owner,
) -> Callable[[Response], Item]:
    body = ItemCreate.model_validate(VALID)
    return partial(routes.create_item, body, repository, owner=owner)


def test_routes_create_list_read_change_delete(
    repository: ItemRepository,
    create: Callable[[Response], Item],
) -> None:
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


def test_another_users_rows_are_invisible(
    session: Session, owner: Owner, create: Callable[[Response], Item]
) -> None:
    created = create(Response())
    stranger = asyncio.run(routes.repository(session, new_owner(session)))
    assert stranger.get(created.id) is None
    assert stranger.page(20, 0) == ([], 0)
    everyone = asyncio.run(routes.repository(session, Owner(owner.user, sees_everyone=True)))
    assert everyone.get(created.id) is created
