"""The list envelope every collection endpoint answers with."""

from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

MAX_LIMIT = 100
# The largest offset a 64-bit database integer holds; beyond it is a 422, not a 500.
MAX_OFFSET = 2**63 - 1


class PageParams(BaseModel):
    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]


T = TypeVar("T")


# Generic[T], not `class Page[T]`: the project supports Python 3.11.
class Page(BaseModel, Generic[T]):
    """One page of a collection, ordered by id, and the size of the whole."""

    items: list[T]
    total: int
    limit: int
    offset: int
