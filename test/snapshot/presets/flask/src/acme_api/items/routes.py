"""Routes of `/api/v1/items`: create, list, read, change and delete."""

from apiflask import APIBlueprint, HTTPError
from flask import url_for

from ..auth.current import auth, current_owner
from ..core.ids import row_id
from ..core.openapi import problem_responses
from ..core.pagination import Page, PageParams
from ..core.unit_of_work import db_session
from .models import Item
from .repository import ItemRepository
from .schemas import (
    ItemCreate,
    ItemRead,
    ItemUpdate,
)

blueprint = APIBlueprint(
    "items",
    __name__,
    url_prefix="/api/v1/items",
    tag="items",
)


# Every route needs a user, who sees their own rows (or everyone's, with the permission).
PROBLEMS = (401, 422)


def repository() -> ItemRepository:
    return ItemRepository(db_session(), current_owner().owner_id)


def _found(
    items: ItemRepository,
    item_id: int,
) -> Item:
    checked_id = row_id("item_id", item_id)
    item = items.get(checked_id)
    if item is None:
        raise HTTPError(404, "No such item.")
    return item


@blueprint.post("")
@blueprint.auth_required(auth)
@blueprint.input(ItemCreate, arg_name="body")
@blueprint.output(ItemRead, status_code=201)
@blueprint.doc(responses=problem_responses(*PROBLEMS))
def create_item(
    body: ItemCreate,
) -> tuple[Item, int, dict[str, str]]:
    items = repository()
    values = body.model_dump()
    values["owner_id"] = current_owner().user.id
    item = items.add(values)
    location = url_for(
        ".read_item",
        item_id=item.id,
    )
    return item, 201, {"Location": location}


@blueprint.get("")
@blueprint.auth_required(auth)
@blueprint.input(PageParams, location="query", arg_name="page")
@blueprint.output(Page[ItemRead])
@blueprint.doc(responses=problem_responses(*PROBLEMS))
def list_items(
    page: PageParams,
) -> Page[ItemRead]:
    rows, total = repository().page(page.limit, page.offset)
    return Page(
        items=[ItemRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@blueprint.get("/<int:item_id>")
@blueprint.auth_required(auth)
@blueprint.output(ItemRead)
@blueprint.doc(responses=problem_responses(404, *PROBLEMS))
def read_item(
    item_id: int,
) -> Item:
    return _found(repository(), item_id)


@blueprint.patch("/<int:item_id>")
@blueprint.auth_required(auth)
@blueprint.input(ItemUpdate, arg_name="body")
@blueprint.output(ItemRead)
@blueprint.doc(responses=problem_responses(404, *PROBLEMS))
def update_item(
    item_id: int,
    body: ItemUpdate,
) -> Item:
    items = repository()
    row = _found(items, item_id)
    changes = body.model_dump(exclude_unset=True)
    return items.update(row, changes)


@blueprint.delete("/<int:item_id>")
@blueprint.auth_required(auth)
@blueprint.output({}, status_code=204)
@blueprint.doc(responses=problem_responses(404, *PROBLEMS))
def delete_item(
    item_id: int,
) -> tuple[str, int]:
    items = repository()
    row = _found(items, item_id)
    items.delete(row)
    return "", 204
