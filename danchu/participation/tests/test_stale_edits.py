"""Issue 14, item 9, on participation's own edit forms: two people open the same record, both
save; the second is refused with a message, keeps what they typed, sees what changed, and nothing
stored is lost."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from danchu.audit.models import AuditAction
from danchu.audit.trail import history_for
from danchu.core import stale
from danchu.orgs.models import Person
from danchu.participation import actions

D = datetime.date
pytestmark = pytest.mark.django_db


def _clients(*users):
    clients = []
    for user in users:
        c = Client()
        c.force_login(user)
        clients.append(c)
    return clients


def closed_conference(world):
    """A conference that passed a resolution and closed: two six-monthly reviews to record."""
    c = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=D(2020, 1, 15)
    )
    for user in (world.head_a, world.clerk_a, world.handler_a, world.inspector_a):
        actions.check_in(c, actor=world.clerk_a, person=Person.objects.get(user=user))
    actions.record_resolution(c, actor=world.clerk_a, text="Quy chế chi tiêu nội bộ", votes_for=4)
    return actions.close_conference(c, actor=world.clerk_a)


def _review_version(page, pk):
    form = re.search(
        rf'name="follow_up" value="{pk}"><input type="hidden" name="opened_version" value="(\w*)"', page
    )
    assert form, "the review's form carries the version it was opened on"
    return form.group(1)


def test_the_second_of_two_concurrent_follow_up_reviews_is_refused_and_loses_nothing(world):
    conference = closed_conference(world)
    review = conference.follow_ups.order_by("due_on").first()
    url = reverse("participation:conference", args=[conference.uuid])
    first, second = _clients(world.clerk_a, world.head_a)
    v1 = _review_version(first.get(url).content.decode(), review.pk)
    v2 = _review_version(second.get(url).content.decode(), review.pk)
    assert v1 == v2 == stale.version_of(review)

    post = {"action": "followup", "follow_up": review.pk}
    saved = first.post(
        url, {**post, "done_on": "2020-07-15", "result": "của người thứ nhất", "opened_version": v1}
    )
    assert saved.status_code == 302
    response = second.post(
        url, {**post, "done_on": "2020-07-20", "result": "của người thứ hai", "opened_version": v2}
    )
    body = response.content.decode()
    assert "vừa được người khác sửa" in body
    table = body[body.index('id="stale-conflict"') :]
    assert "của người thứ nhất" in table and "15/07/2020" in table  # the stored values
    assert "của người thứ hai" in table and "20/07/2020" in table  # and the user's
    assert "của người thứ hai" in body[body.index('name="follow_up"') :]  # kept in the form
    review.refresh_from_db()
    assert (review.done_on, review.result) == (D(2020, 7, 15), "của người thứ nhất")
    assert history_for(review).filter(action=AuditAction.UPDATE).count() == 1

    # The form now carries the stored version: saving again, knowingly, overwrites.
    carried = _review_version(body, review.pk)
    assert carried == stale.version_of(review) != v2
    again = second.post(
        url, {**post, "done_on": "2020-07-20", "result": "của người thứ hai", "opened_version": carried}
    )
    assert again.status_code == 302
    review.refresh_from_db()
    assert review.result == "của người thứ hai"


def test_a_review_posted_without_its_version_cannot_overwrite_silently(world, client_for):
    conference = closed_conference(world)
    review = conference.follow_ups.order_by("due_on").first()
    actions.record_follow_up(review, actor=world.clerk_a, done_on=D(2020, 7, 15), result="đã ghi")
    url = reverse("participation:conference", args=[conference.uuid])
    data = {"action": "followup", "follow_up": review.pk, "done_on": "2020-07-16", "result": "ghi đè"}
    body = client_for(world.head_a).post(url, data).content.decode()
    assert "vừa được người khác sửa" in body
    review.refresh_from_db()
    assert review.result == "đã ghi"
    # What was typed equals what is stored: nothing to lose, no refusal.
    same = {**data, "done_on": "2020-07-15", "result": "đã ghi"}
    assert client_for(world.head_a).post(url, same).status_code == 302


def test_the_follow_up_action_checks_the_version_under_the_row_lock(world):
    conference = closed_conference(world)
    review = conference.follow_ups.order_by("due_on").first()
    opened = stale.version_of(review)
    type(review).objects.filter(pk=review.pk).update(done_on=D(2020, 7, 1), result="hai")  # meanwhile
    with pytest.raises(stale.StaleEdit) as caught:
        actions.record_follow_up(
            review, actor=world.clerk_a, done_on=D(2020, 7, 1), result="ba", expected_version=opened
        )
    assert [row[1:] for row in caught.value.rows] == [("hai", "ba")]
    review.refresh_from_db()
    assert review.result == "hai"
    # Without a version (no form shown: the demo, commands) nothing is checked.
    actions.record_follow_up(review, actor=world.clerk_a, done_on=D(2020, 7, 1), result="bốn")
    review.refresh_from_db()
    assert review.result == "bốn"


def _roll_call_version(page):
    form = re.search(r'value="checkin"><input type="hidden" name="opened_version" value="(\w*)"', page)
    assert form, "the roll-call form carries the attendance it was opened on"
    return form.group(1)


def test_a_roll_call_opened_before_another_clerks_check_in_does_not_undo_it(world):
    """Two clerks at the door: the second one's page still shows the first one's arrival as
    absent; saving it used to uncheck that person silently."""
    conference = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=D(2020, 1, 15)
    )
    head, clerk = (Person.objects.get(user=u) for u in (world.head_a, world.clerk_a))
    url = reverse("participation:conference", args=[conference.uuid])
    first, second = _clients(world.clerk_a, world.head_a)
    v1 = _roll_call_version(first.get(url).content.decode())
    v2 = _roll_call_version(second.get(url).content.decode())
    assert v1 == v2

    assert (
        first.post(url, {"action": "checkin", "present": [head.pk], "opened_version": v1}).status_code == 302
    )
    response = second.post(url, {"action": "checkin", "present": [clerk.pk], "opened_version": v2})
    body = response.content.decode()
    assert "vừa được người khác sửa" in body
    table = body[body.index('id="stale-conflict"') :]
    assert head.full_name in table and clerk.full_name in table and "Có mặt" in table and "Vắng mặt" in table
    # The ticks the second clerk made stay on the form; nothing stored changed.
    assert re.search(rf'name="present" value="{clerk.pk}" checked', body)
    assert not re.search(rf'name="present" value="{head.pk}" checked', body)
    present = set(conference.attendees.filter(present=True).values_list("person_id", flat=True))
    assert present == {head.pk}

    # Saving again with the carried version, knowingly, applies the second clerk's roll call.
    carried = _roll_call_version(body)
    assert carried == stale.fingerprint(actions.attendance(conference)) != v2
    again = second.post(url, {"action": "checkin", "present": [head.pk, clerk.pk], "opened_version": carried})
    assert again.status_code == 302
    present = set(conference.attendees.filter(present=True).values_list("person_id", flat=True))
    assert present == {head.pk, clerk.pk}


def test_a_roll_call_without_its_version_is_refused_unless_it_changes_nothing(world, client_for):
    conference = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=D(2020, 1, 15)
    )
    head = Person.objects.get(user=world.head_a)
    actions.check_in(conference, actor=world.clerk_a, person=head)
    url = reverse("participation:conference", args=[conference.uuid])
    client = client_for(world.clerk_a)
    assert "vừa được người khác sửa" in client.post(url, {"action": "checkin"}).content.decode()
    assert conference.attendees.get(person=head).present
    assert client.post(url, {"action": "checkin", "present": [head.pk]}).status_code == 302


def test_the_second_of_two_end_of_posting_days_is_refused_and_loses_nothing(world):
    from danchu.legal.models import Requirement
    from danchu.participation.models import Channel

    disclosure = actions.create_disclosure(
        organization=world.a,
        actor=world.clerk_a,
        title="Nâng bậc lương",
        requirement=Requirement.objects.get(framework="nd04_2015", area="disclosure", code="4"),
        decided_on=D(2020, 3, 2),
        channels=[Channel.NOTICE_BOARD],
    )
    disclosure = actions.publish_disclosure(disclosure, actor=world.clerk_a, published_on=D(2020, 3, 3))
    url = reverse("participation:disclosure", args=[disclosure.uuid])
    end = reverse("participation:disclosure_end_posting", args=[disclosure.uuid])
    first, second = _clients(world.clerk_a, world.head_a)
    pattern = r'name="opened_version" value="(\w+)"'
    v1 = re.search(pattern, first.get(url).content.decode()).group(1)
    v2 = re.search(pattern, second.get(url).content.decode()).group(1)
    first.post(end, {"posted_to": "2020-04-03", "opened_version": v1})
    page = second.post(end, {"posted_to": "2020-04-10", "opened_version": v2}, follow=True).content.decode()
    assert "vừa được người khác ghi" in page and "03/04/2020" in page and "10/04/2020" in page
    disclosure.refresh_from_db()
    assert disclosure.posted_to == D(2020, 4, 3)
    # Posted without a version, a different day is refused too; the same day is not.
    page = second.post(end, {"posted_to": "2020-04-10"}, follow=True).content.decode()
    assert "vừa được người khác ghi" in page
    disclosure.refresh_from_db()
    assert disclosure.posted_to == D(2020, 4, 3)
    same = second.post(end, {"posted_to": "2020-04-03"}, follow=True).content.decode()
    assert "Đã ghi ngày gỡ niêm yết" in same and "vừa được người khác ghi" not in same
