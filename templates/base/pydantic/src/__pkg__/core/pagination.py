"""The list envelope every collection endpoint answers with, and the query that picks the page."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

MAX_LIMIT = 100
# The largest offset a 64-bit database integer holds; beyond it is a 422, not a 500.
MAX_OFFSET = 2**63 - 1


class PageParams(BaseModel):
    """`?limit=&offset=`: the page a list endpoint answers with."""

    limit: int = Field(default=20, ge=1, le=MAX_LIMIT, description="Page size")
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="How many to skip")


T = TypeVar("T")


# Generic[T], not `class Page[T]`: the project supports Python 3.11.
class Page(BaseModel, Generic[T]):
    """One page of a collection, ordered by id, and the size of the whole."""

    items: list[T]
    total: int
    limit: int
    offset: int
