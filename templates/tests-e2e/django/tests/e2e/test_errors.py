"""Errors no view raises, served for real: Django's own, as problems. Each resource's are tested
with it."""

import httpx2

from tests.e2e.problems import assert_problem


def test_a_path_no_view_serves_is_djangos_404_as_a_problem(client: httpx2.Client) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)
