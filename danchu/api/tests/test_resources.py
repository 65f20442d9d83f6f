"""Indicators, reports and the province's exchange through the API, per role: what the pages
would show, 404 for an outsider, the frozen snapshot (not a recomputation) of a signed report."""

import base64
import datetime
import json

import pytest

from danchu.consolidation.models import Submission
from danchu.consolidation.tests.conftest import docx_upload
from danchu.reporting import actions as reporting
from danchu.reporting.tests.conftest import make_draft

from .conftest import bearer


def get(client, user, url, **params):
    return client.get(url, params, **bearer(user))


def post(client, user, url, data):
    return client.post(url, json.dumps(data), content_type="application/json", **bearer(user, write=True))


def letters(world, n):
    from danchu.petitions import actions as petitions

    for i in range(n):
        petitions.register(
            world.a,
            actor=world.clerk_a,
            kind="feedback",
            channel="paper",
            received_on=datetime.date(2020, 6, 15),
            subject=f"Phản ánh {i}",
            content="Nội dung",
            identity={"full_name": f"Người gửi {i}"},
        )


@pytest.fixture
def submitted(world, settings):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"  # DOCX and XLSX only: no LibreOffice run here
    letters(world, 4)
    report = make_draft(world, world.period_2020, datetime.date(2020, 11, 9))
    report = reporting.sign(reporting.mark_reviewed(report, actor=world.clerk_a), actor=world.head_a)
    return reporting.submit(report, actor=world.clerk_a)


def _value(indicators, code):
    return next(i for i in indicators if i["code"] == code)


def _letters_code(indicators):
    """The indicator counting letters received (the first computed one from the petitions register)."""
    return next(
        i["code"]
        for i in indicators
        if i["source"] == "petitions" and i["origin"] == "computed" and i["value"] == 4
    )


@pytest.mark.parametrize(
    "role,status",
    [
        ("clerk_a", 200),
        ("head_a", 200),
        ("officer", 200),
        ("admin", 200),
        ("handler_a", 404),
        ("clerk_b", 404),
    ],
)
def test_indicators_per_role_with_their_origin(client, world, role, status):
    letters(world, 4)
    r = get(client, getattr(world, role), "/api/v1/organisations/TV.A/indicators", period="2020")
    assert r.status_code == status
    if status == 200:
        body = r.json()
        assert body["data_end"] == "2020-12-14"
        assert {i["origin"] for i in body["indicators"]} <= {"computed", "manual", "missing"}
        assert _letters_code(body["indicators"])


def test_a_manual_figure_carries_its_reason(client, world):
    from danchu.reporting.indicators import INDICATORS

    code = next(i.code for i in INDICATORS if not i.is_derived)
    reporting.set_override(world.a, world.period_2020, code, 7, "Lấy theo báo cáo giấy", actor=world.clerk_a)
    body = get(client, world.clerk_a, "/api/v1/organisations/TV.A/indicators", period="2020").json()
    row = _value(body["indicators"], code)
    assert (row["value"], row["origin"], row["reason"]) == (7, "manual", "Lấy theo báo cáo giấy")
    assert (
        get(client, world.clerk_a, "/api/v1/organisations/TV.A/indicators", period="1999").status_code == 404
    )


def test_a_submitted_report_answers_its_frozen_snapshot_and_files(client, world, submitted):
    listed = get(client, world.officer, "/api/v1/reports", organisation="TV")
    assert [r["uuid"] for r in listed.json()["results"]] == [str(submitted.uuid)]
    detail = get(client, world.officer, f"/api/v1/reports/{submitted.uuid}").json()
    assert detail["status"] == "submitted" and detail["snapshot"]["reference"] == submitted.reference
    code = _letters_code(detail["snapshot"]["indicators"])
    letters(world, 3)  # the registers move on; the snapshot does not
    again = get(client, world.officer, f"/api/v1/reports/{submitted.uuid}").json()
    assert _value(again["snapshot"]["indicators"], code)["value"] == 4
    live = get(client, world.officer, "/api/v1/organisations/TV.A/indicators", period="2020").json()
    assert _value(live["indicators"], code)["value"] == 7
    formats = {f["format"] for f in detail["files"]}
    assert {"docx", "xlsx"} <= formats
    docx = next(f for f in detail["files"] if f["format"] == "docx")
    r = client.get(docx["url"], **bearer(world.officer))
    assert r.status_code == 200 and b"".join(r.streaming_content)[:2] == b"PK"
    assert client.get(docx["url"], **bearer(world.clerk_b)).status_code == 404
    assert get(client, world.clerk_b, f"/api/v1/reports/{submitted.uuid}").status_code == 404
    assert get(client, world.handler_a, "/api/v1/reports", organisation="TV.A").status_code == 404


@pytest.fixture
def req(world):
    from danchu.consolidation import actions
    from danchu.consolidation.models import TargetMode
    from danchu.orgs.models import Organization, OrganizationKind

    org = Organization.objects.create(
        code="TV.SNV", name="Sở Nội vụ", short_name="SNV", kind=OrganizationKind.DEPARTMENT, parent=world.tv
    )
    return actions.create_request(
        actor=world.officer,
        requesting_org=org,
        reference="1457/SNV-XDCQCTTN",
        issued_on=datetime.date(2020, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2020",
        period=world.period_2020,
        deadline=datetime.date(2030, 11, 13),
        target_mode=TargetMode.LIST,
        chosen=[world.a, world.b],
    )


def test_requests_are_seen_by_the_province_and_their_targets(client, world, req):
    officer = get(client, world.officer, f"/api/v1/requests/{req.uuid}").json()
    assert officer["managed"] and officer["targets"] == ["TV.A", "TV.B"]
    agency = get(client, world.clerk_a, f"/api/v1/requests/{req.uuid}").json()
    assert not agency["managed"] and agency["targets"] == ["TV.A"]
    assert [r["uuid"] for r in get(client, world.clerk_b, "/api/v1/requests").json()["results"]] == [
        str(req.uuid)
    ]
    assert get(client, world.handler_a, f"/api/v1/requests/{req.uuid}").status_code == 404
    assert get(client, world.handler_a, "/api/v1/requests").json()["count"] == 0
    assert get(client, world.clerk_a, f"/api/v1/requests/{req.uuid}/consolidation").status_code == 404


def test_an_agency_system_submits_figures_and_the_province_consolidates(client, world, req):
    from danchu.reporting.indicators import INDICATORS

    code = next(i.code for i in INDICATORS if not i.is_derived and i.unit == "count")
    payload = {
        "organisation": "TV.A",
        "file": {"name": "bao-cao.docx", "content_base64": base64.b64encode(docx_upload().read()).decode()},
        "values": {code: 12},
        "note": "Gửi từ iOffice",
    }
    r = post(client, world.clerk_a, f"/api/v1/requests/{req.uuid}/submissions", payload)
    assert r.status_code == 201, r.content
    assert r.json()["values"][code] == 12 and r.json()["version"] == 1
    again = post(client, world.clerk_a, f"/api/v1/requests/{req.uuid}/submissions", payload)
    assert again.status_code == 400 and "phiên bản 1" in again.json()["errors"][0]["message"]
    outsider = post(client, world.clerk_b, f"/api/v1/requests/{req.uuid}/submissions", payload)
    assert outsider.status_code == 404  # B cannot see A
    bad = post(
        client,
        world.clerk_b,
        f"/api/v1/requests/{req.uuid}/submissions",
        {**payload, "organisation": "TV.B", "values": {"no-such-code": 1}},
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "no-such-code"
    assert Submission.objects.count() == 1

    assert [
        s["organisation"]
        for s in get(client, world.officer, f"/api/v1/requests/{req.uuid}/submissions").json()
    ] == ["TV.A"]
    assert get(client, world.clerk_b, f"/api/v1/requests/{req.uuid}/submissions").json() == []
    totals = get(client, world.officer, f"/api/v1/requests/{req.uuid}/consolidation").json()
    assert totals["submissions"] == 1 and totals["targets"] == 2 and totals["totals"][code] == 12
