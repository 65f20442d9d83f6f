"""Issue 14, item 9: the API cannot overwrite an edit silently. It edits no register record and
no report section (it creates documents, letters and submissions only); if an update operation
is ever added, this test fails until its action takes the version the client read
(`expected_version`, danchu.core.stale) and this list is updated."""

import json

CREATING = {
    ("post", "/api/v1/documents"),
    ("post", "/api/v1/petitions"),
    ("post", "/api/v1/requests/{uuid}/submissions"),
}


def test_the_api_has_no_operation_that_updates_a_stored_record(client, db):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    writes = {
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }
    assert writes == CREATING


def test_an_update_through_the_api_is_a_json_404(client, world):
    from danchu.activities.actions import save_fund
    from danchu.activities.models import Fund

    fund = save_fund(Fund(organization=world.a, name="Quỹ", purpose="gốc"), actor=world.clerk_a)
    for method in ("put", "patch"):
        response = getattr(client, method)(
            f"/api/v1/funds/{fund.uuid}", data='{"purpose": "ghi đè"}', content_type="application/json"
        )
        assert response.status_code in (401, 404)
    fund.refresh_from_db()
    assert fund.purpose == "gốc"
