"""Routes of `/api/v1/items`: create, list, read, change and delete."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response, status

from ..auth.dependencies import OwnerDep
from ..core.deps import Id, PageDep, SessionDep
from ..core.openapi import problem_responses
from ..core.pagination import Page
from .models import Item
from .repository import ItemRepository
from .schemas import (
    ItemCreate,
    ItemRead,
    ItemUpdate,
)

PATH = "/api/v1/items"

router = APIRouter(
    prefix=PATH,
    tags=["items"],
    responses=problem_responses(401, 422),
)


async def repository(session: SessionDep, owner: OwnerDep) -> ItemRepository:
    return ItemRepository(session, owner.owner_id)


Repository = Annotated[ItemRepository, Depends(repository)]


def _found(row: Item | None) -> Item:
    # Another owner's row is as absent as a deleted one: no 403 that confirms it exists.
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such item.")
    return row


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ItemRead,
    responses={201: {"headers": {"Location": {"schema": {"type": "string"}}}}},
)
def create_item(
    body: ItemCreate,
    items: Repository,
    response: Response,
    owner: OwnerDep,
) -> Item:
    values = body.model_dump()
    values["owner_id"] = owner.user.id
    item = items.add(values)
    response.headers["Location"] = f"{PATH}/{item.id}"
    return item


@router.get("", response_model=Page[ItemRead])
def list_items(
    items: Repository,
    page: PageDep,
) -> Page[ItemRead]:
    rows, total = items.page(page.limit, page.offset)
    return Page(
        items=[ItemRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{item_id}",
    response_model=ItemRead,
    responses=problem_responses(404),
)
def read_item(
    item_id: Id,
    items: Repository,
) -> Item:
    return _found(items.get(item_id))


@router.patch(
    "/{item_id}",
    response_model=ItemRead,
    responses=problem_responses(404),
)
def update_item(
    item_id: Id,
    body: ItemUpdate,
    items: Repository,
) -> Item:
    row = _found(items.get(item_id))
    changes = body.model_dump(exclude_unset=True)
    return items.update(row, changes)


@router.delete(
    "/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
def delete_item(
    item_id: Id,
    items: Repository,
) -> None:
    row = _found(items.get(item_id))
    items.delete(row)
