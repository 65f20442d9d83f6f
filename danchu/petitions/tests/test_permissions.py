"""The role × action × state matrix, and what each role may see."""

import datetime

import pytest
from django.urls import reverse

from danchu.petitions import actions
from danchu.petitions.models import Kind, Outcome, Status
from danchu.petitions.permissions import may

D = datetime.date
ROLES = [
    "head_a",
    "clerk_a",
    "handler_a",
    "handler_a2",
    "staff_a",
    "inspector_a",
    "clerk_b",
    "officer",
    "admin",
]
STATES = ["received", "classified", "accepted", "suspended", "resolved", "not_eligible", "closed"]

HEAD, CLERK, HANDLER = "head_a", "clerk_a", "handler_a"  # handler_a is the assigned handler
# action -> (roles allowed, states allowed), written out from the law and the issue.
EXPECTED = {
    "classify": ({HEAD, CLERK}, {"received", "classified"}),
    "assign": ({HEAD, CLERK}, {"received", "classified", "accepted", "suspended"}),
    "link_duplicate": ({HEAD, CLERK}, {"received", "classified"}),
    "accept": ({HEAD, HANDLER}, {"classified"}),
    "mark_complex": ({HEAD, HANDLER}, {"accepted", "suspended"}),
    "extend": ({HEAD, HANDLER}, {"accepted"}),
    "suspend": ({HEAD, HANDLER}, {"accepted"}),
    "resume": ({HEAD, HANDLER}, {"suspended"}),
    "record_verification": ({HEAD, HANDLER}, {"accepted", "suspended"}),
    "answer": ({HEAD, HANDLER}, {"accepted"}),
    "close": ({HEAD, CLERK, HANDLER}, {"resolved", "not_eligible"}),
    "reveal": ({HEAD, CLERK, HANDLER}, set(STATES)),
}


@pytest.fixture
def cases(w, new_petition, answer_doc):
    def build(kind=Kind.COMPLAINT):
        out = {}
        for state in STATES:
            p = new_petition(kind=kind, received=D(2026, 3, 2))
            actions.assign(p, actor=w.clerk_a, handler=w.handler_a)
            if state == "not_eligible":
                actions.classify(
                    p, actor=w.clerk_a, outcome=Outcome.FILE, reason="Không đủ điều kiện", on=D(2026, 3, 3)
                )
            elif state != "received":
                actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=D(2026, 3, 3))
                if state not in ("classified",):
                    actions.accept(p, actor=w.handler_a, on=D(2026, 3, 4))
                if state == "suspended":
                    actions.suspend(p, actor=w.handler_a, on=D(2026, 3, 10), reason="Chờ")
                if state in ("resolved", "closed"):
                    actions.answer(
                        p, actor=w.handler_a, on=D(2026, 3, 20), document=answer_doc(number=str(p.pk))
                    )
                if state == "closed":
                    actions.close(p, actor=w.handler_a, on=D(2026, 3, 21))
            assert p.status == Status(state)
            out[state] = p
        return out

    return build


def test_permission_matrix_role_action_state(w, cases):
    by_state = cases(Kind.COMPLAINT)
    mismatches = []
    for action, (roles, states) in EXPECTED.items():
        for role in ROLES:
            for state in STATES:
                expected = role in roles and state in states
                if may(getattr(w, role), action, by_state[state]) != expected:
                    mismatches.append((action, role, state, expected))
    assert mismatches == []


def test_only_the_assigned_handler_and_the_head_may_reveal_a_denouncer(w, cases):
    by_state = cases(Kind.DENUNCIATION)
    for state, p in by_state.items():
        allowed = {r for r in ROLES if may(getattr(w, r), "reveal", p)}
        assert allowed == {HEAD, HANDLER}, state


def test_detail_page_visibility_by_role(w, new_petition, client_for):
    p = new_petition()
    actions.assign(p, actor=w.clerk_a, handler=w.handler_a)
    url = reverse("petitions:detail", args=[p.uuid])
    expected = {
        "head_a": 200,
        "clerk_a": 200,
        "handler_a": 200,
        "handler_a2": 404,
        "staff_a": 404,
        "inspector_a": 404,
        "clerk_b": 404,
        "officer": 404,
    }
    got = {}
    for role in expected:
        got[role] = client_for(getattr(w, role)).get(url).status_code
    assert got == expected


def test_worklist_is_404_for_staff_and_shows_handlers_only_their_cases(w, new_petition, client_for):
    mine = new_petition(subject="Đơn của handler_a")
    actions.assign(mine, actor=w.clerk_a, handler=w.handler_a)
    new_petition(subject="Đơn chưa giao")
    assert client_for(w.staff_a).get(reverse("petitions:list")).status_code == 404
    body = client_for(w.handler_a).get(reverse("petitions:list")).content.decode()
    assert "Đơn của handler_a" in body and "Đơn chưa giao" not in body
    body = client_for(w.clerk_a).get(reverse("petitions:list")).content.decode()
    assert "Đơn của handler_a" in body and "Đơn chưa giao" in body


def test_a_forbidden_action_posted_changes_nothing(w, new_petition, client_for):
    p = new_petition()
    actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=D(2026, 3, 3))
    url = reverse("petitions:act", args=[p.uuid, "accept"])
    client_for(w.clerk_a).post(url, {"accept-on": "2026-03-05"})
    p.refresh_from_db()
    assert p.status == Status.CLASSIFIED
    assert client_for(w.clerk_b).post(url, {"accept-on": "2026-03-05"}).status_code == 404
