"""DRF's nested validation errors as the contract's flat `errors` list."""

from acme_api.core.errors import field_errors


def test_nested_errors_get_dotted_paths() -> None:
    detail = {"title": ["Too long."], "tags": {"0": ["Not a string."]}, "non_field_errors": ["No."]}
    assert field_errors(detail) == [
        {"field": "title", "message": "Too long."},
        {"field": "tags.0", "message": "Not a string."},
        {"field": "body", "message": "No."},
    ]


def test_list_items_are_numbered() -> None:
    assert field_errors({"items": [{"name": ["Required."]}, {}]}) == [
        {"field": "items.0.name", "message": "Required."},
    ]


def test_a_bare_message_is_about_the_body() -> None:
    assert field_errors("Invalid.") == [{"field": "body", "message": "Invalid."}]
