"""Routes of `/api/v1/items`: create, list, read, change and delete."""

%%% if framework=fastapi
from typing import Annotated
%%% end
%%% if framework=flask
from apiflask import APIBlueprint, HTTPError
from flask import url_for
%%% end

%%% if framework=fastapi
from fastapi import APIRouter, Depends, HTTPException, Response, status

%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
from ..auth.dependencies import OwnerDep
%%% end
%%% if framework=fastapi
from ..core.deps import Id, PageDep, SessionDep
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
from ..auth.current import auth, current_owner
%%% end
%%% if framework=flask
from ..core.ids import row_id
%%% end
from ..core.openapi import problem_responses
%%% if framework=fastapi
from ..core.pagination import Page
%%% end
%%% if framework=flask
from ..core.pagination import Page, PageParams
from ..core.unit_of_work import db_session
%%% end
from .models import Item
from .repository import ItemRepository
from .schemas import (
    ItemCreate,
    ItemRead,
    ItemUpdate,
)

%%% if framework=fastapi
PATH = "/api/v1/items"

router = APIRouter(
    prefix=PATH,
    tags=["items"],
%%% end
%%% if framework=fastapi auth=none
    responses=problem_responses(422),
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
    responses=problem_responses(401, 422),
%%% end
%%% if framework=flask
blueprint = APIBlueprint(
    "items",
    __name__,
    url_prefix="/api/v1/items",
    tag="items",
%%% end
)


%%% if framework=fastapi auth=none
async def repository(session: SessionDep) -> ItemRepository:
    return ItemRepository(session)
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
async def repository(session: SessionDep, owner: OwnerDep) -> ItemRepository:
    return ItemRepository(session, owner.owner_id)
%%% end
%%% if framework=flask auth=none
PROBLEMS = (422,)
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
# Every route needs a user, who sees their own rows (or everyone's, with the permission).
PROBLEMS = (401, 422)
%%% end


%%% if framework=fastapi
Repository = Annotated[ItemRepository, Depends(repository)]
%%% end
%%% if framework=flask
def repository() -> ItemRepository:
%%% end
%%% if framework=flask auth=none
    return ItemRepository(db_session())
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
    return ItemRepository(db_session(), current_owner().owner_id)
%%% end


%%% if framework=fastapi
def _found(row: Item | None) -> Item:
    # Another owner's row is as absent as a deleted one: no 403 that confirms it exists.
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such item.")
    return row
%%% end
%%% if framework=flask
def _found(
    items: ItemRepository,
    item_id: int,
) -> Item:
    checked_id = row_id("item_id", item_id)
    item = items.get(checked_id)
    if item is None:
        raise HTTPError(404, "No such item.")
    return item
%%% end


%%% if framework=fastapi
@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ItemRead,
    responses={201: {"headers": {"Location": {"schema": {"type": "string"}}}}},
)
%%% end
%%% if framework=flask
@blueprint.post("")
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
@blueprint.auth_required(auth)
%%% end
%%% if framework=flask
@blueprint.input(ItemCreate, arg_name="body")
@blueprint.output(ItemRead, status_code=201)
@blueprint.doc(responses=problem_responses(*PROBLEMS))
%%% end
def create_item(
    body: ItemCreate,
%%% if framework=fastapi
    items: Repository,
    response: Response,
%%% end
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
    owner: OwnerDep,
%%% end
%%% if framework=fastapi
) -> Item:
%%% end
%%% if framework=flask
) -> tuple[Item, int, dict[str, str]]:
    items = repository()
%%% end
    values = body.model_dump()
%%% if framework=fastapi auth=jwt | framework=fastapi auth=session | framework=fastapi auth=oauth
    values["owner_id"] = owner.user.id
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
    values["owner_id"] = current_owner().user.id
%%% end
    item = items.add(values)
%%% if framework=fastapi
    response.headers["Location"] = f"{PATH}/{item.id}"
    return item
%%% end
%%% if framework=flask
    location = url_for(
        ".read_item",
        item_id=item.id,
    )
    return item, 201, {"Location": location}
%%% end


%%% if framework=fastapi
@router.get("", response_model=Page[ItemRead])
%%% end
%%% if framework=flask
@blueprint.get("")
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
@blueprint.auth_required(auth)
%%% end
%%% if framework=flask
@blueprint.input(PageParams, location="query", arg_name="page")
@blueprint.output(Page[ItemRead])
@blueprint.doc(responses=problem_responses(*PROBLEMS))
%%% end
def list_items(
%%% if framework=fastapi
    items: Repository,
    page: PageDep,
%%% end
%%% if framework=flask
    page: PageParams,
%%% end
) -> Page[ItemRead]:
%%% if framework=fastapi
    rows, total = items.page(page.limit, page.offset)
%%% end
%%% if framework=flask
    rows, total = repository().page(page.limit, page.offset)
%%% end
    return Page(
        items=[ItemRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


%%% if framework=fastapi
@router.get(
    "/{item_id}",
    response_model=ItemRead,
    responses=problem_responses(404),
)
%%% end
%%% if framework=flask
@blueprint.get("/<int:item_id>")
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
@blueprint.auth_required(auth)
%%% end
%%% if framework=flask
@blueprint.output(ItemRead)
@blueprint.doc(responses=problem_responses(404, *PROBLEMS))
%%% end
def read_item(
%%% if framework=fastapi
    item_id: Id,
    items: Repository,
%%% end
%%% if framework=flask
    item_id: int,
%%% end
) -> Item:
%%% if framework=fastapi
    return _found(items.get(item_id))
%%% end
%%% if framework=flask
    return _found(repository(), item_id)
%%% end


%%% if framework=fastapi
@router.patch(
    "/{item_id}",
    response_model=ItemRead,
    responses=problem_responses(404),
)
%%% end
%%% if framework=flask
@blueprint.patch("/<int:item_id>")
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
@blueprint.auth_required(auth)
%%% end
%%% if framework=flask
@blueprint.input(ItemUpdate, arg_name="body")
@blueprint.output(ItemRead)
@blueprint.doc(responses=problem_responses(404, *PROBLEMS))
%%% end
def update_item(
%%% if framework=fastapi
    item_id: Id,
%%% end
%%% if framework=flask
    item_id: int,
%%% end
    body: ItemUpdate,
%%% if framework=fastapi
    items: Repository,
%%% end
) -> Item:
%%% if framework=fastapi
    row = _found(items.get(item_id))
%%% end
%%% if framework=flask
    items = repository()
    row = _found(items, item_id)
%%% end
    changes = body.model_dump(exclude_unset=True)
    return items.update(row, changes)


%%% if framework=fastapi
@router.delete(
    "/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
%%% end
%%% if framework=flask
@blueprint.delete("/<int:item_id>")
%%% end
%%% if framework=flask auth=jwt | framework=flask auth=session | framework=flask auth=oauth
@blueprint.auth_required(auth)
%%% end
%%% if framework=flask
@blueprint.output({}, status_code=204)
@blueprint.doc(responses=problem_responses(404, *PROBLEMS))
%%% end
def delete_item(
%%% if framework=fastapi
    item_id: Id,
    items: Repository,
) -> None:
    row = _found(items.get(item_id))
%%% end
%%% if framework=flask
    item_id: int,
) -> tuple[str, int]:
    items = repository()
    row = _found(items, item_id)
%%% end
    items.delete(row)
%%% if framework=flask
    return "", 204
%%% end
