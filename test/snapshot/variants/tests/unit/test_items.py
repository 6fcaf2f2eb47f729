"""`/api/v1/items`: the routes called directly on an in-memory database."""

from collections.abc import Callable

import pytest
from fastapi import HTTPException, Response
from sqlalchemy.orm import Session

%%% if auth=jwt
from acme_api.auth.models import User
from acme_api.auth.ownership import Owner
%%% end
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
%%% if auth=jwt
from tests.users import new_email
%%% end

PATH = "/api/v1/items"
VALID = RESOURCES[PATH][0]()
# A required field: what the tests change.
REQUIRED = "title"
CHANGED = "changed"


%%% if auth=jwt
def new_owner(session: Session) -> Owner:
    user = User(email=new_email(), password_hash="not a real hash")
    session.add(user)
    session.flush()
    return Owner(user)


%%% end
@pytest.fixture
%%% if auth=none
def items(session: Session) -> ItemRepository:
    return routes.repository(session)
%%% end
%%% if auth=jwt
def owner(session: Session) -> Owner:
    return new_owner(session)
%%% end


@pytest.fixture
%%% if auth=none
def create(items: ItemRepository) -> Callable[[Response], Item]:
%%% end
%%% if auth=jwt
def items(session: Session, owner: Owner) -> ItemRepository:
    return routes.repository(session, owner)


@pytest.fixture
def create(items: ItemRepository, owner: Owner) -> Callable[[Response], Item]:
%%% end
    body = ItemCreate.model_validate(VALID)
%%% if auth=none
    return lambda response: routes.create_item(body, items, response)
%%% end
%%% if auth=jwt
    return lambda response: routes.create_item(body, items, response, owner)
%%% end


def test_routes_create_list_read_change_delete(
    items: ItemRepository,
    create: Callable[[Response], Item],
) -> None:
    response = Response()
    created = create(response)
    assert response.headers["Location"] == f"{PATH}/{created.id}"
    page = routes.list_items(items, PageParams(limit=20, offset=0))
    assert (page.items, page.total) == ([ItemRead.model_validate(created)], 1)
    assert routes.read_item(created.id, items) is created
    change = ItemUpdate.model_validate({REQUIRED: CHANGED})
    changed = routes.update_item(created.id, change, items)
    read = ItemRead.model_validate(changed)
    assert read.model_dump(mode="json")[REQUIRED] == CHANGED
    routes.delete_item(created.id, items)
    with pytest.raises(HTTPException) as missing:
        routes.read_item(created.id, items)
    assert missing.value.status_code == 404

%%% if auth=jwt

def test_another_users_rows_are_invisible(
    session: Session, owner: Owner, create: Callable[[Response], Item]
) -> None:
    created = create(Response())
    stranger = routes.repository(session, new_owner(session))
    assert stranger.get(created.id) is None
    assert stranger.page(20, 0) == ([], 0)
    everyone = routes.repository(session, Owner(owner.user, sees_everyone=True))
    assert everyone.get(created.id) is created

%%% end