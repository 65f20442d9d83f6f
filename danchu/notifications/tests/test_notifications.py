"""One notifications app: kinds, the in-app list of each user, the e-mail sent on commit."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from danchu.consolidation import notifications as consolidation_kinds
from danchu.notifications import actions, kinds
from danchu.notifications.models import EmailState, Notification
from danchu.notifications.tasks import send_notification_email

PARAMS = {"ref": "12/YC-UBND", "deadline": "15/12/2020"}


def _remind(*users, **kw):
    return actions.notify(consolidation_kinds.REMINDER, users, params=PARAMS, **kw)


class Boom(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_a_notification_in_a_transaction_that_rolls_back_sends_no_email(world):
    world.clerk_a.email = "clerk@example.vn"
    world.clerk_a.save()
    with pytest.raises(Boom), transaction.atomic():
        _remind(world.clerk_a)
        raise Boom
    assert mail.outbox == []
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_committed_notification_sends_exactly_one_email(world):
    world.clerk_a.email = "clerk@example.vn"
    world.clerk_a.save()
    with transaction.atomic():
        (note,) = _remind(world.clerk_a)
        assert mail.outbox == []  # nothing leaves while the transaction is open
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clerk@example.vn"]
    assert mail.outbox[0].body == "Nhắc gửi báo cáo theo 12/YC-UBND, hạn 15/12/2020."
    note.refresh_from_db()
    assert note.email_state == EmailState.SENT and note.emailed_at is not None
    assert send_notification_email.call(note.pk) is False  # a re-run of the task sends nothing
    assert len(mail.outbox) == 1


def test_a_user_without_an_address_is_notified_in_danchu_only(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        (note,) = _remind(world.clerk_b)
    assert callbacks == [] and mail.outbox == []
    assert note.email_state == EmailState.NONE and note.user == world.clerk_b


def test_an_address_is_written_to_once_per_notice(world, django_capture_on_commit_callbacks):
    world.head_a.email = world.clerk_a.email = "vanphong@example.vn"
    with django_capture_on_commit_callbacks(execute=True):
        notes = _remind(world.head_a, world.clerk_a, (None, "vanphong@example.vn"), (None, "khac@example.vn"))
    # both users are notified in danchu; the shared mailbox gets one e-mail, the outsider one
    assert [n.user for n in notes] == [world.head_a, world.clerk_a, None]
    assert sorted(m.to[0] for m in mail.outbox) == ["khac@example.vn", "vanphong@example.vn"]


def test_a_once_key_raises_a_notice_once(world):
    for _ in range(2):
        _remind(world.clerk_a, once_key="x:1")
    assert Notification.objects.filter(user=world.clerk_a).count() == 1


def test_an_undeclared_kind_is_refused(world):
    with pytest.raises(LookupError):
        actions.notify("nowhere.kind", [world.clerk_a])
    assert kinds.get("petitions.overdue").label == "Quá hạn"


def test_a_user_sees_only_their_own_notifications(world, client_for):
    actions.notify(
        consolidation_kinds.RETURNED, [world.clerk_a], params={"ref": "R-A", "reason": "thiếu số liệu"}
    )
    (theirs,) = actions.notify(
        consolidation_kinds.RETURNED, [world.clerk_b], params={"ref": "R-B", "reason": "sai mẫu"}
    )
    page = client_for(world.clerk_a).get(reverse("notifications:list")).content.decode()
    assert "R-A" in page and "R-B" not in page
    # marking someone else's notification read touches nothing
    client_for(world.clerk_a).post(reverse("notifications:mark_read"), {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert actions.mark_read(world.clerk_a, notifications=[theirs.pk]) == 0


def test_the_list_filters_searches_and_marks_read(world, client_for):
    (reminder,) = _remind(world.clerk_a)
    actions.notify(
        consolidation_kinds.RETURNED, [world.clerk_a], params={"ref": "R-9", "reason": "Thiếu biểu mẫu"}
    )
    client = client_for(world.clerk_a)
    url = reverse("notifications:list")
    page = client.get(url, {"kind": "consolidation.returned"}).content.decode()
    assert "R-9" in page and "12/YC-UBND" not in page
    page = client.get(url, {"q": "thieu bieu mau"}).content.decode()  # diacritics and case folded
    assert "R-9" in page and "12/YC-UBND" not in page
    client.post(reverse("notifications:mark_read"), {"id": reminder.pk})
    reminder.refresh_from_db()
    assert reminder.read_at is not None
    page = client.get(url, {"state": "unread"}).content.decode()
    assert "R-9" in page and "12/YC-UBND" not in page
    client.post(reverse("notifications:mark_read"))
    assert not Notification.objects.for_user(world.clerk_a).unread().exists()


def test_a_bad_id_marks_nothing_read(world, client_for):
    _remind(world.clerk_a)
    response = client_for(world.clerk_a).post(reverse("notifications:mark_read"), {"id": "²"})
    assert response.status_code == 302
    assert Notification.objects.for_user(world.clerk_a).unread().count() == 1


def test_a_bad_filter_is_named_and_ignored(world, client_for):
    _remind(world.clerk_a)
    response = client_for(world.clerk_a).get(reverse("notifications:list"), {"kind": "x<y", "page": "²"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "x&lt;y" in body and "12/YC-UBND" in body


def test_the_list_runs_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    client = client_for(world.clerk_a)
    url = reverse("notifications:list")
    _remind(world.clerk_a, organization=world.a)
    client.get(url)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for _ in range(20):
        _remind(world.clerk_a, organization=world.b, due=datetime.date(2020, 12, 15))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_page_needs_a_login(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
