from acme_api.core import problems


def test_a_minimal_problem_has_type_title_status_and_request_id() -> None:
    assert problems.problem(404, request_id="r1") == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "request_id": "r1",
    }


def test_optional_members_appear_when_given() -> None:
    body = problems.problem(
        422,
        request_id="r2",
        detail="The request is invalid; see errors.",
        instance="/things",
        errors=[{"field": "title", "message": "Field required"}],
    )
    assert body["detail"] == "The request is invalid; see errors."
    assert body["instance"] == "/things"
    assert body["errors"] == [{"field": "title", "message": "Field required"}]


def test_an_unknown_status_still_has_a_title() -> None:
    assert problems.status_title(599) == "Error"
    assert problems.status_title(503) == "Service Unavailable"
