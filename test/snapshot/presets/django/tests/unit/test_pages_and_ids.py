"""Paging and path ids, apart from any query: what a page of rows is, and what an id is."""

from typing import Any, cast

import pytest
from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from acme_api.core.ids import MAX_ID, RowIdConverter, check_row_id
from acme_api.core.pagination import MAX_LIMIT, EnvelopePagination

factory = APIRequestFactory()


class Rows:
    """Stands for a queryset of `total` rows: counted, and sliced as a query would be."""

    def __init__(self, total: int) -> None:
        self.rows = list(range(total))
        self.slices: list[slice] = []

    def count(self) -> int:
        return len(self.rows)

    def __getitem__(self, window: slice) -> list[int]:
        self.slices.append(window)
        return self.rows[window]


def paginate(query: str, rows: Rows) -> tuple[EnvelopePagination, list[Any]]:
    pages = EnvelopePagination()
    page = pages.paginate_queryset(cast("QuerySet[Any]", rows), Request(factory.get(f"/?{query}")))
    return pages, page


def test_a_page_is_the_window_and_the_envelope_counts_every_row() -> None:
    rows = Rows(5)
    pages, page = paginate("limit=2&offset=1", rows)
    assert page == [1, 2]
    assert rows.slices == [slice(1, 3)]
    assert pages.get_paginated_response(page).data == {
        "items": [1, 2],
        "total": 5,
        "limit": 2,
        "offset": 1,
    }


def test_the_default_page_is_the_first_twenty() -> None:
    pages, page = paginate("", Rows(30))
    assert (pages.limit, pages.offset, len(page)) == (20, 0, 20)


@pytest.mark.parametrize(
    "query",
    ["limit=0", f"limit={MAX_LIMIT + 1}", "offset=-1", f"offset={2**63}", "limit=", "limit=ten"],
)
def test_a_bad_page_is_refused_before_any_query(query: str) -> None:
    rows = Rows(5)
    with pytest.raises(ValidationError):
        paginate(query, rows)
    assert rows.slices == []


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "\u0661", str(MAX_ID + 1)])
def test_a_path_segment_that_is_no_row_id_is_422_naming_it(value: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_row_id(value, "item_id")
    assert list(cast("dict[str, Any]", refused.value.detail)) == ["item_id"]


def test_a_row_id_reads_as_its_number() -> None:
    assert check_row_id(str(MAX_ID), "item_id") == MAX_ID
    converter = RowIdConverter()
    assert converter.to_python("abc") == "abc"
    assert converter.to_url(42) == "42"
