"""The home page opens on the organisation the user works in, and its figures and reminders are
that organisation's, both (two organisations, one user holding a role in each)."""

import datetime

import pytest

from danchu.notifications.actions import notify
from danchu.orgs.models import Membership, Person, Role, RoleAssignment
from danchu.petitions import actions
from danchu.petitions.models import Outcome
from danchu.petitions.notifications import DUE_SOON

pytestmark = pytest.mark.django_db


def _letter(world, org, clerk, handler, subject):
    p = actions.register(
        org,
        actor=clerk,
        kind="feedback",
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        subject=subject,
        content="Nội dung",
        identity={"full_name": "Người gửi"},
    )
    actions.classify(p, actor=clerk, outcome=Outcome.ACCEPT, on=datetime.date(2026, 3, 2))
    actions.assign(p, actor=clerk, handler=handler, on=datetime.date(2026, 3, 2))
    return p


@pytest.fixture
def two_org_handler(world, django_user_model):
    """A handler of A (where the roles sort first) who works on B's staff."""
    user = django_user_model.objects.create_user(username="hai_noi", password="pw")
    RoleAssignment.objects.create(user=user, organization=world.a, role=Role.PETITION_HANDLER)
    RoleAssignment.objects.create(user=user, organization=world.b, role=Role.PETITION_HANDLER)
    Membership.objects.create(
        person=Person.objects.create(full_name="Hai Nơi", user=user), organization=world.b
    )
    return user


def test_the_home_page_opens_on_the_organisation_the_user_works_in(world, two_org_handler, client_for):
    assert world.a.path < world.b.path  # without the staff rule, A would be chosen
    response = client_for(two_org_handler).get("/")
    assert response.wsgi_request.org == world.b


def test_the_home_figures_agree_with_its_reminders(world, two_org_handler, client_for):
    in_a = [_letter(world, world.a, world.clerk_a, two_org_handler, f"Việc A {i}") for i in range(2)]
    in_b = _letter(world, world.b, world.clerk_b, two_org_handler, "Việc B")
    for p in (*in_a, in_b):
        notify(
            DUE_SOON,
            [two_org_handler],
            params={"ref": p.reference, "due": "01/04/2026", "subject": p.subject},
            target=p,
            organization=p.organization,
            due=datetime.date(2026, 4, 1),
        )
    client = client_for(two_org_handler)
    page = client.get("/").content.decode()
    assert "1 đơn đang xử lý" in page and "1 đơn giao cho bạn" in page
    assert "Việc B" in page and "Việc A" not in page
    # Switching to A shows A's figures and A's reminders.
    session = client.session
    session["danchu_active_org"] = world.a.pk
    session.save()
    page = client.get("/").content.decode()
    assert "2 đơn đang xử lý" in page and "Việc A 0" in page and "Việc B" not in page
