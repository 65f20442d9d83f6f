"""Role × action × state (before opening, open, closed) for consultations and votes."""

import datetime

import pytest
import time_machine

from danchu.participation import actions
from danchu.participation.models import Comment, Disclosure, VoteKind, VoterRoll

D = datetime.date
pytestmark = pytest.mark.django_db
OPENS, CLOSES = D(2020, 3, 9), D(2020, 3, 13)
STATES = {
    "before": "2020-03-05 09:00 +0700",
    "open": "2020-03-10 09:00 +0700",
    "closed": "2020-03-20 09:00 +0700",
}
TAKE_PART = {"head_a", "clerk_a", "handler_a", "inspector_a", "staff_a"}
MANAGE = {"head_a", "clerk_a"}
ROLES = ["head_a", "clerk_a", "handler_a", "inspector_a", "staff_a", "officer", "clerk_b"]


def consultation(world):
    return actions.create_consultation(
        organization=world.a, actor=world.clerk_a, title="Dự thảo", opens_on=OPENS, closes_on=CLOSES
    )


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", ROLES)
def test_comment_matrix(world, client_for, role, state):
    c = consultation(world)
    with time_machine.travel(STATES[state]):
        response = client_for(getattr(world, role)).post(f"/dan-chu/lay-y-kien/{c.uuid}/", {"body": "Ý kiến"})
    allowed = role in TAKE_PART and state == "open"
    assert Comment.objects.exists() is allowed
    assert response.status_code in ((302,) if allowed else (200, 404))
    if role == "clerk_b":
        assert response.status_code == 404  # an outsider learns nothing


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", ROLES)
def test_publish_summary_matrix(world, client_for, role, state):
    c = consultation(world)
    with time_machine.travel(STATES[state]):
        client_for(getattr(world, role)).post(
            f"/dan-chu/lay-y-kien/{c.uuid}/",
            {"s-summary": "Tổng hợp", "s-uptake": "Tiếp thu", "s-channels": ["intranet"]},
        )
    assert Disclosure.objects.filter(consultation=c).exists() is (role in MANAGE and state == "closed")


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", ROLES)
def test_vote_matrix(world, client_for, role, state):
    v = actions.create_vote(
        organization=world.a,
        actor=world.clerk_a,
        title="Biểu quyết",
        kind=VoteKind.YES_NO,
        secret=True,
        opens_on=OPENS,
        closes_on=CLOSES,
    )
    with time_machine.travel(STATES[state]):
        client_for(getattr(world, role)).post(
            f"/dan-chu/bieu-quyet/{v.uuid}/", {"option": v.options.first().pk}
        )
    assert VoterRoll.objects.filter(vote=v).exists() is (role in TAKE_PART and state == "open")


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_open_the_creation_forms(world, client_for, role):
    client = client_for(getattr(world, role))
    for url in (
        "/dan-chu/cong-khai/moi/",
        "/dan-chu/hoi-nghi/moi/",
        "/dan-chu/lay-y-kien/moi/",
        "/dan-chu/bieu-quyet/moi/",
    ):
        status = client.get(url).status_code
        # Each manages in the organisation they work in: clerk_b in agency B.
        assert status == (200 if role in MANAGE | {"clerk_b"} else 404), (url, status)
