"""This resource's errors over HTTP, served for real: DRF's handler's and Django's own."""

import httpx2
import pytest

from tests.e2e.problems import assert_problem
from tests.resources import valid_body

PATH = "/api/v1/items"


@pytest.mark.parametrize("row_id", ["abc", "1.5", str(2**63)])
def test_an_id_that_is_not_a_row_id_is_a_422_naming_it(
    client: httpx2.Client, headers: dict[str, str], row_id: str
) -> None:
    body = assert_problem(client.get(f"{PATH}/{row_id}", headers=headers), 422)
    assert [error["field"] for error in body["errors"]] == ["item_id"]


def test_a_row_that_is_not_there_is_a_404(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = assert_problem(client.get(f"{PATH}/{2**62}", headers=headers), 404)
    assert body["instance"] == f"{PATH}/{2**62}"


@pytest.mark.parametrize("query", [{"limit": "0"}, {"offset": "-1"}, {"limit": "many"}])
def test_a_bad_page_is_a_422_naming_the_parameter(
    client: httpx2.Client, headers: dict[str, str], query: dict[str, str]
) -> None:
    body = assert_problem(client.get(PATH, params=query, headers=headers), 422)
    fields = [error["field"] for error in body["errors"]]
    assert fields == list(query)


def test_a_field_of_the_wrong_shape_is_a_422_naming_it(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    body = {**valid_body(client, headers, PATH), "title": ["a", "list"]}
    problem = assert_problem(client.post(PATH, json=body, headers=headers), 422)
    assert "title" in [error["field"] for error in problem["errors"]]
