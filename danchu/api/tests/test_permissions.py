"""Each endpoint × role: the API answers what the pages would, an outsider gets 404, and a
denouncer's identity is in no answer of any petition endpoint, whatever the role."""

import datetime
import json

import pytest
import time_machine
from django.utils import timezone

from danchu.core import throttle
from danchu.documents import actions as document_actions
from danchu.petitions.models import Petition

from .conftest import DENOUNCER, assert_no_identity, bearer

EVERY_ROLE = ["admin", "officer", "head_a", "clerk_a", "handler_a", "inspector_a", "staff_a", "clerk_b"]


def get(client, user, url, **params):
    return client.get(url, params, **bearer(user))


def post(client, user, url, data, write=True):
    return client.post(url, json.dumps(data), content_type="application/json", **bearer(user, write=write))


@pytest.fixture
def doc_a(world):
    return document_actions.create_document(
        actor=world.clerk_a,
        organization=world.a,
        kind="KH",
        number="12",
        symbol="KH-SA",
        issued_on=datetime.date(2026, 2, 1),
        subject="Kế hoạch thực hiện dân chủ ở cơ sở năm 2026",
    )


# ------------------------------------------------------------------ authentication


def test_no_token_is_401_with_the_error_shape(client, world):
    r = client.get("/api/v1/organisations")
    assert r.status_code == 401
    assert r.json()["errors"][0]["code"] == "not_authenticated"


def test_revoked_and_expired_tokens_are_refused(client, world):
    from django.utils import timezone

    from danchu.api import actions
    from danchu.api.models import ApiToken

    token, secret = actions.create_token(world.clerk_a, actor=world.clerk_a, name="x")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/periods", **auth).status_code == 200
    actions.revoke_token(token, actor=world.clerk_a)
    assert client.get("/api/v1/periods", **auth).status_code == 401
    token2, secret2 = actions.create_token(world.clerk_a, actor=world.clerk_a, name="y")
    ApiToken.objects.filter(pk=token2.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/api/v1/periods", HTTP_AUTHORIZATION=f"Bearer {secret2}").status_code == 401


def test_the_secret_is_stored_only_as_a_hash(world):
    from danchu.api import actions
    from danchu.api.models import ApiToken

    token, secret = actions.create_token(world.clerk_a, actor=world.clerk_a, name="x")
    row = ApiToken.objects.values().get(pk=token.pk)
    assert secret not in json.dumps(row, default=str)
    assert token.hint and secret.startswith(token.hint)


def test_wrong_tokens_are_throttled_per_address_like_the_login(client, world, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    good = bearer(world.clerk_a)
    for _ in range(3):
        assert client.get("/api/v1/periods", HTTP_AUTHORIZATION="Bearer dcu_wrong").status_code == 401
    r = client.get("/api/v1/periods", **good)  # even the right token, from that address
    assert r.status_code == 429
    assert r.json()["errors"][0]["code"] == "throttled"
    other = client.get("/api/v1/periods", REMOTE_ADDR="10.9.9.9", **good)
    assert other.status_code == 200


def test_each_token_has_a_request_budget(client, world, settings):
    settings.API_REQUESTS_PER_MINUTE = 2
    auth = bearer(world.clerk_a)
    assert [client.get("/api/v1/periods", **auth).status_code for _ in range(3)] == [200, 200, 429]


def test_a_read_token_cannot_write(client, world):
    r = post(
        client,
        world.clerk_a,
        "/api/v1/documents",
        {"organisation": "TV.A", "kind": "KH", "number": "1", "symbol": "KH-SA", "subject": "x"},
        write=False,
    )
    assert r.status_code == 403
    assert r.json()["errors"][0]["code"] == "permission_denied"


# ------------------------------------------------------------------ organisations and periods


@pytest.mark.parametrize(
    "role,visible",
    [
        ("admin", {"TV", "TV.A", "TV.A.VP", "TV.B"}),
        ("officer", {"TV", "TV.A", "TV.A.VP", "TV.B"}),
        ("clerk_a", {"TV.A", "TV.A.VP"}),
        ("staff_a", {"TV.A.VP"}),
        ("clerk_b", {"TV.B"}),
    ],
)
def test_organisations_are_those_the_user_may_see(client, world, role, visible):
    r = get(client, getattr(world, role), "/api/v1/organisations")
    assert r.status_code == 200
    assert {o["code"] for o in r.json()["results"]} == visible
    assert get(client, getattr(world, role), "/api/v1/organisations/TV.A").status_code == (
        200 if "TV.A" in visible else 404
    )


def test_periods_are_shared(client, world):
    for role in EVERY_ROLE:
        r = get(client, getattr(world, role), "/api/v1/periods")
        assert [p["code"] for p in r.json()] == ["2020"]
    assert get(client, world.clerk_b, "/api/v1/periods/2020").json()["cutoff_end"] == "2020-12-14"
    assert get(client, world.clerk_b, "/api/v1/periods/1999").status_code == 404


# ------------------------------------------------------------------ documents


def test_document_search_finds_what_the_registry_page_finds(client, world, doc_a):
    """`q` searches as the registry page does: accents and case folded, the exact number too."""
    page = client
    page.force_login(world.clerk_a)
    for q, found in [("dan chu o co so", True), ("KẾ HOẠCH", True), ("12", True), ("ngân sách", False)]:
        listed = get(client, world.clerk_a, "/api/v1/documents", q=q)
        assert listed.status_code == 200
        assert (str(doc_a.uuid) in {d["uuid"] for d in listed.json()["results"]}) == found, q
        html = page.get("/van-ban/", {"q": q}).content.decode()
        assert ("KH-SA" in html) == found, q


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_documents_of_a_are_seen_by_a_and_the_province_only(client, world, doc_a, role):
    sees = role != "clerk_b" and role != "staff_a"  # staff_a holds a role in the unit below A only
    listed = get(client, getattr(world, role), "/api/v1/documents")
    assert listed.status_code == 200
    assert (str(doc_a.uuid) in {d["uuid"] for d in listed.json()["results"]}) == sees
    assert get(client, getattr(world, role), f"/api/v1/documents/{doc_a.uuid}").status_code == (
        200 if sees else 404
    )
    assert get(client, getattr(world, role), "/api/v1/documents", organisation="TV.A").status_code == (
        200 if sees else 404
    )


@pytest.mark.parametrize(
    "role,status", [("clerk_a", 201), ("head_a", 201), ("admin", 201), ("handler_a", 403), ("clerk_b", 404)]
)
def test_creating_a_document_needs_the_registry_permission(client, world, role, status):
    r = post(
        client,
        getattr(world, role),
        "/api/v1/documents",
        {
            "organisation": "TV.A",
            "kind": "KH",
            "number": "20",
            "symbol": "KH-SA",
            "issued_on": "2026-03-01",
            "subject": "Kế hoạch tiếp công dân",
        },
    )
    assert r.status_code == status, r.content
    if status == 201:
        assert r.json()["ref"] == "20/KH-SA"
        assert r.json()["organisation"] == "TV.A"


def test_an_action_refusal_becomes_field_errors(client, world, doc_a):
    r = post(
        client,
        world.clerk_a,
        "/api/v1/documents",
        {
            "organisation": "TV.A",
            "kind": "KH",
            "number": "12",
            "symbol": "KH-SA",
            "issued_on": "2026-05-05",
            "subject": "Trùng số",
        },
    )
    assert r.status_code == 400
    errors = r.json()["errors"]
    assert errors and all(set(e) == {"field", "code", "message"} for e in errors)
    assert any("12/KH-SA" in e["message"] for e in errors)


def test_a_malformed_body_is_a_400_in_vietnamese(client, world):
    r = post(client, world.clerk_a, "/api/v1/documents", {"organisation": "TV.A", "issued_on": "hôm qua"})
    assert r.status_code == 400
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"kind", "number", "subject", "issued_on"} <= fields
    assert any(e["message"] == "Thiếu giá trị bắt buộc." for e in r.json()["errors"])
    bad_json = client.post(
        "/api/v1/documents", "{not json", content_type="application/json", **bearer(world.clerk_a, write=True)
    )
    assert bad_json.status_code == 400


# ------------------------------------------------------------------ petitions


@pytest.mark.parametrize(
    "role,status,count",
    [
        ("head_a", 200, 1),
        ("clerk_a", 200, 1),
        ("handler_a", 200, 1),  # assigned to the case
        ("inspector_a", 404, None),
        ("staff_a", 404, None),
        ("officer", 404, None),  # the province reads statistics, not letters
        ("clerk_b", 404, None),
    ],
)
def test_petition_list_and_detail_per_role(client, world, denunciation, role, status, count):
    listed = get(client, getattr(world, role), "/api/v1/petitions", organisation="TV.A")
    assert listed.status_code == status
    assert_no_identity(listed)
    if count is not None:
        assert listed.json()["count"] == count
        row = listed.json()["results"][0]
        assert row["reference"] == denunciation.reference and row["handler"] == "handler_a"
    detail = get(client, getattr(world, role), f"/api/v1/petitions/{denunciation.uuid}")
    assert detail.status_code == status
    assert_no_identity(detail)


def test_a_second_handler_does_not_see_a_case_not_assigned_to_them(client, world, denunciation):
    from conftest import make_user
    from danchu.orgs.models import Role

    other = make_user("handler_a2", Role.PETITION_HANDLER, world.a)
    assert get(client, other, "/api/v1/petitions", organisation="TV.A").json()["count"] == 0
    assert get(client, other, f"/api/v1/petitions/{denunciation.uuid}").status_code == 404


def test_the_worklist_filters_apply(client, world, denunciation):
    def codes(**f):
        r = get(client, world.clerk_a, "/api/v1/petitions", organisation="TV.A", **f)
        assert r.status_code == 200, r.content
        return [p["reference"] for p in r.json()["results"]]

    assert codes(kind="denunciation") == [denunciation.reference]
    assert codes(kind="complaint") == []
    assert codes(status="open") == [denunciation.reference]
    assert codes(status="closed") == []
    assert codes(handler="none") == []
    assert codes(handler=str(world.handler_a.pk)) == [denunciation.reference]
    assert codes(year="2026") == [denunciation.reference]
    assert codes(year="2025") == []
    assert codes(q="đấu thầu") == [denunciation.reference]
    assert get(client, world.clerk_a, "/api/v1/petitions", organisation="TV.A", kind="x").status_code == 400


REGISTER = {
    "organisation": "TV.A",
    "kind": "denunciation",
    "channel": "web",
    "received_on": "2026-03-10",
    "subject": "Tố cáo qua Cổng dịch vụ công",
    "content": "Nội dung tố cáo về việc thu phí.",
    "sender": DENOUNCER,
    "external_source": "PAKN",
    "external_code": "PAKN-2026-000123",
}


@pytest.mark.parametrize(
    "role,status",
    [("clerk_a", 201), ("head_a", 201), ("handler_a", 403), ("inspector_a", 404), ("clerk_b", 404)],
)
def test_registering_a_letter_per_role_never_echoes_the_identity(client, world, role, status):
    r = post(client, getattr(world, role), "/api/v1/petitions", REGISTER)
    assert r.status_code == status, r.content
    assert_no_identity(r)
    if status == 201:
        p = Petition.objects.get(uuid=r.json()["uuid"])
        assert (p.external_source, p.external_code, p.identity_protected) == (
            "PAKN",
            "PAKN-2026-000123",
            True,
        )
        assert r.json()["status"] == "received"


def test_an_external_code_is_registered_once_per_source(client, world):
    assert post(client, world.clerk_a, "/api/v1/petitions", REGISTER).status_code == 201
    again = post(client, world.clerk_a, "/api/v1/petitions", REGISTER)
    assert again.status_code == 400
    assert again.json()["errors"][0]["field"] == "external_code"
    assert_no_identity(again)
    other_source = post(client, world.clerk_a, "/api/v1/petitions", {**REGISTER, "external_source": "KNTC"})
    assert other_source.status_code == 201
    assert Petition.objects.filter(external_code="PAKN-2026-000123").count() == 2
    found = get(
        client,
        world.clerk_a,
        "/api/v1/petitions",
        organisation="TV.A",
        external_source="PAKN",
        external_code="PAKN-2026-000123",
    )
    assert found.json()["count"] == 1


def test_an_action_refusal_on_register_names_the_field(client, world):
    r = post(
        client,
        world.clerk_a,
        "/api/v1/petitions",
        {**REGISTER, "kind": "complaint", "sender": None, "external_code": ""},
    )
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "full_name"
    assert "họ và tên" in r.json()["errors"][0]["message"]


def test_every_petition_answer_of_every_role_is_free_of_the_identity(client, world, denunciation):
    urls = [
        ("/api/v1/petitions", {"organisation": "TV.A"}),
        ("/api/v1/petitions", {"organisation": "TV.A", "q": DENOUNCER["full_name"]}),
        ("/api/v1/petitions", {"organisation": "TV"}),
        (f"/api/v1/petitions/{denunciation.uuid}", {}),
    ]
    for role in EVERY_ROLE:
        for url, params in urls:
            assert_no_identity(get(client, getattr(world, role), url, **params))


def test_lists_run_a_fixed_number_of_queries(client, world, denunciation, django_assert_max_num_queries):
    from danchu.petitions import actions as petition_actions

    auth = bearer(world.clerk_a)
    urls = [
        ("/api/v1/petitions", {"organisation": "TV.A"}),
        ("/api/v1/documents", {}),
        ("/api/v1/organisations", {}),
    ]

    def add(start):
        for i in range(start, start + 5):
            document_actions.create_document(
                actor=world.clerk_a,
                organization=world.a,
                kind="KH",
                number=str(100 + i),
                symbol="KH-SA",
                subject=f"Văn bản {i}",
            )
            petition_actions.register(
                world.a,
                actor=world.clerk_a,
                kind="feedback",
                channel="paper",
                received_on=datetime.date(2026, 3, 2),
                subject=f"Phản ánh {i}",
                content="Nội dung",
                identity={"full_name": f"Người {i}"},
            )

    def counts():
        result = []
        for url, params in urls:
            with django_assert_max_num_queries(15) as ctx:
                assert client.get(url, params, **auth).status_code == 200
            result.append(len(ctx))
        return result

    # The clock stands still: a request in a new minute opens a new throttle window (and a minute
    # later the token's last use is stamped again), extra queries that have nothing to do with the
    # data size; on a loaded machine the three rounds could straddle a minute. Nor is it a minute
    # whose first hit also drops the windows that are over (throttle.PRUNE_EVERY).
    moment = timezone.now()
    if int(moment.timestamp() // 60) % throttle.PRUNE_EVERY == 0:  # the token's 60 s window
        moment += datetime.timedelta(minutes=1)
    with time_machine.travel(moment, tick=False):
        add(0)
        counts()  # the token's first use stamps last_used_at once
        few = counts()
        add(5)
        assert counts() == few


def test_a_nul_character_in_a_body_is_refused_not_stored(client, world):
    r = post(client, world.clerk_a, "/api/v1/petitions", {**REGISTER, "subject": "Tố cáo\u0000"})
    assert r.status_code == 400
    assert "NUL" in r.json()["errors"][0]["message"]
    assert not Petition.objects.exists()
