"""A resource's errors over HTTP: what reaches DRF's handler and Django's own, served for real."""

import httpx2
import pytest

PATH = "/api/v1/items"


def _problem(response: httpx2.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    return body


@pytest.mark.parametrize("row_id", ["abc", "1.5", str(2**63)])
def test_an_id_that_is_not_a_row_id_is_a_422_naming_it(
    client: httpx2.Client, headers: dict[str, str], row_id: str
) -> None:
    body = _problem(client.get(f"{PATH}/{row_id}", headers=headers), 422)
    assert body["errors"] == [{"field": "item_id", "message": body["errors"][0]["message"]}]  # type: ignore[index]


def test_a_row_that_is_not_there_is_a_404(client: httpx2.Client, headers: dict[str, str]) -> None:
    body = _problem(client.get(f"{PATH}/{2**62}", headers=headers), 404)
    assert body["instance"] == f"{PATH}/{2**62}"


def test_a_path_no_view_serves_is_djangos_404_as_a_problem(client: httpx2.Client) -> None:
    _problem(client.get("/api/v1/nothing-here"), 404)


@pytest.mark.parametrize("query", [{"limit": "0"}, {"offset": "-1"}, {"limit": "many"}])
def test_a_bad_page_is_a_422_naming_the_parameter(
    client: httpx2.Client, headers: dict[str, str], query: dict[str, str]
) -> None:
    body = _problem(client.get(PATH, params=query, headers=headers), 422)
    fields = [error["field"] for error in body["errors"]]  # type: ignore[attr-defined]
    assert fields == list(query)


def test_a_field_of_the_wrong_shape_is_a_422_naming_it(
    client: httpx2.Client, headers: dict[str, str]
) -> None:
    body = _problem(client.post(PATH, json={"title": ["a", "list"]}, headers=headers), 422)
    assert "title" in [error["field"] for error in body["errors"]]  # type: ignore[attr-defined]
