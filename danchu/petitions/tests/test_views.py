"""Pages: worklist (fixed queries, highlighting, filters), register form, actions through HTTP,
reception, reminders."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from danchu.notifications.models import Notification
from danchu.petitions import actions
from danchu.petitions.models import Petition, ReceptionSession, Status

D = datetime.date


def test_worklist_runs_a_fixed_number_of_queries(w, new_petition, client_for, django_assert_max_num_queries):
    client = client_for(w.clerk_a)
    client.get(reverse("petitions:list"))  # warm caches (calendar, rules)
    for _ in range(3):
        actions.assign(new_petition(), actor=w.clerk_a, handler=w.handler_a)
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("petitions:list"))
    for _ in range(12):
        actions.assign(new_petition(), actor=w.clerk_a, handler=w.handler_a)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("petitions:list"))
    assert response.content.decode().count("ĐT-2026-") >= 15


def test_worklist_counts_its_letters_without_joining_agencies_or_handlers(
    w, new_petition, client_for, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.LIST_CACHE_SECONDS = 0
    actions.assign(new_petition(), actor=w.clerk_a, handler=w.handler_a)
    new_petition()
    with CaptureQueriesContext(connection) as captured:
        body = client_for(w.clerk_a).get(reverse("petitions:list")).content.decode()
    # One count, inside the page's statement (core.paginator.CappedRowsPaginator), joining nothing.
    counts = [q["sql"] for q in captured.captured_queries if "SELECT COUNT(*) FROM (" in q["sql"]]
    assert len(counts) == 1 and "JOIN" not in counts[0].split("SELECT COUNT(*) FROM (", 1)[1]
    assert "2 đơn" in body


def test_worklist_rows_name_their_unit_and_handler_without_joining_them(
    w, new_petition, client_for, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danchu.petitions import listrows

    settings.LIST_CACHE_SECONDS = 0
    w.a_unit.short_name, w.handler_a.first_name, w.handler_a.last_name = "<Phòng> & Tổ", "Lê", '"Văn" A'
    w.a_unit.save()
    w.handler_a.save()
    below = new_petition(org=w.a_unit, subject="Đơn ở phòng")
    actions.assign(below, actor=w.clerk_a, handler=w.handler_a)
    new_petition(subject="Đơn chưa giao")
    with CaptureQueriesContext(connection) as captured:
        body = client_for(w.clerk_a).get(reverse("petitions:list")).content.decode()
    rows = [q["sql"] for q in captured.captured_queries if '"petitions_petition"."reference"' in q["sql"]]
    assert len(rows) == 1 and "JOIN" not in rows[0]
    at = body.index("Đơn ở phòng")
    row = body[body.rindex("<tr", 0, at) : body.index("</tr>", at)]
    assert '<small class="muted">&lt;Phòng&gt; &amp; Tổ</small>' in row
    assert "<td>Lê &quot;Văn&quot; A</td>" in row
    assert '<span class="muted">Chưa giao</span>' in body
    # A letter given to a handler after the handler filter's list was read is still named.
    letters = [{"handler_id": w.handler_a.pk}, {"handler_id": None}]
    assert listrows.handler_names([], letters) == {w.handler_a.pk: 'Lê "Văn" A'}
    assert listrows.handler_names([(w.handler_a.pk, "X")], letters) == {w.handler_a.pk: "X"}


def test_the_handler_filter_lists_the_subtrees_handlers_on_a_page_with_and_without_letters(
    w, new_petition, client_for, settings
):
    # The page's statement carries the choices (listrows.handlers_column); an empty page reads
    # them on their own (listrows.subtree_handlers): the same options either way.
    settings.LIST_CACHE_SECONDS = 0
    w.handler_a.first_name, w.handler_a.last_name = "Lê", '"Văn" A'
    w.handler_a.save()
    actions.assign(new_petition(subject="Đơn đã giao"), actor=w.clerk_a, handler=w.handler_a)
    client = client_for(w.clerk_a)
    option = f'<option value="{w.handler_a.pk}">Lê &quot;Văn&quot; A</option>'
    full = client.get(reverse("petitions:list")).content.decode()
    empty = client.get(reverse("petitions:list") + "?q=khongcodonnao").content.decode()
    assert "Đơn đã giao" in full and "Đơn đã giao" not in empty
    assert option in full and option in empty


def test_worklist_highlights_overdue_and_sorts_by_deadline(w, new_petition, client_for):
    late = new_petition(received=D(2026, 1, 5), subject="Đơn trễ hạn")
    new_petition(received=datetime.date.today(), subject="Đơn mới")
    body = client_for(w.clerk_a).get(reverse("petitions:list")).content.decode()
    assert body.index("Đơn trễ hạn") < body.index("Đơn mới")
    assert 'class="overdue"' in body
    body = client_for(w.clerk_a).get(reverse("petitions:list") + "?due=overdue").content.decode()
    assert late.reference in body and "Đơn mới" not in body


def test_worklist_filters_and_search(w, new_petition, client_for):
    new_petition(kind="feedback", subject="Phản ánh cống")
    new_petition(kind="complaint", subject="Khiếu nại đất")
    client = client_for(w.clerk_a)
    body = client.get(reverse("petitions:list") + "?kind=feedback").content.decode()
    assert "Phản ánh cống" in body and "Khiếu nại đất" not in body
    body = client.get(reverse("petitions:list") + "?q=đất").content.decode()
    assert "Khiếu nại đất" in body and "Phản ánh cống" not in body


def test_clerk_registers_a_letter_and_bad_input_keeps_what_was_typed(w, client_for):
    client = client_for(w.clerk_a)
    data = {
        "kind": "complaint",
        "channel": "paper",
        "received_on": "2026-03-02",
        "sender_type": "citizen",
        "subject": "Khiếu nại",
        "content": "Nội dung",
        "full_name": "",
        "address": "Xã A",
    }
    response = client.post(reverse("petitions:register"), data)
    assert (
        response.status_code == 200
        and "họ và tên" in response.content.decode()
        and "Xã A" in response.content.decode()
    )
    assert not Petition.objects.exists()
    data["full_name"] = "Nguyễn Văn B"
    response = client.post(reverse("petitions:register"), data)
    p = Petition.objects.get()
    assert response["Location"] == reverse("petitions:detail", args=[p.uuid])


def test_actions_through_http(w, new_petition, client_for):
    p = new_petition()
    clerk = client_for(w.clerk_a)
    clerk.post(
        reverse("petitions:act", args=[p.uuid, "classify"]),
        {"classify-kind": "complaint", "classify-outcome": "accept", "classify-on": "2026-03-03"},
    )
    clerk.post(reverse("petitions:act", args=[p.uuid, "assign"]), {"assign-handler": w.handler_a.pk})
    handler = client_for(w.handler_a)
    response = handler.post(reverse("petitions:act", args=[p.uuid, "accept"]), {"accept-on": "2026-03-04"})
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.status == Status.ACCEPTED and p.handler == w.handler_a
    bad = handler.post(
        reverse("petitions:act", args=[p.uuid, "suspend"]), {"suspend-on": "2026-03-05", "suspend-reason": ""}
    )
    assert bad.status_code == 400
    detail = handler.get(reverse("petitions:detail", args=[p.uuid])).content.decode()
    assert "Lịch sử thay đổi" in detail and "ngày (theo lịch)" in detail and "Luật Khiếu nại" in detail


def test_reception_session_form(w, new_petition, client_for):
    p = new_petition()
    client = client_for(w.clerk_a)
    response = client.post(
        reverse("petitions:reception_create"),
        {
            "held_on": "2026-03-05",
            "official_name": "Bà C",
            "visits": 2,
            "people": 3,
            "matters": 2,
            "answered_on_the_spot": 1,
            "letters": [p.pk],
        },
    )
    assert response.status_code == 302
    assert list(ReceptionSession.objects.get().letters.all()) == [p]
    assert "Bà C" in client.get(reverse("petitions:receptions")).content.decode()
    client.post(reverse("petitions:schedule"), {"text": "Sáng thứ Hai hằng tuần", "place": "Phòng tiếp dân"})
    assert "Sáng thứ Hai hằng tuần" in client.get(reverse("petitions:public_submit")).content.decode()


@pytest.mark.parametrize("run_twice", [True])
def test_reminders_are_idempotent_and_email_the_handler(
    w, new_petition, run_twice, django_capture_on_commit_callbacks
):
    w.handler_a.email = "xuly@example.com"
    w.handler_a.save()
    late = new_petition(received=D(2026, 1, 5))
    actions.assign(late, actor=w.clerk_a, handler=w.handler_a)
    unassigned = new_petition(received=D(2026, 1, 6))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("petition_reminders", "--today", "2026-03-02")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("petition_reminders", "--today", "2026-03-02")
    assert Notification.objects.about(late).filter(user=w.handler_a, kind="petitions.overdue").count() == 1
    assert Notification.objects.about(unassigned).filter(user=w.clerk_a).count() == 1
    assert len(mail.outbox) == 1 and late.reference in mail.outbox[0].subject


def test_home_panel_lists_notifications(w, new_petition, client_for):
    late = new_petition(received=D(2026, 1, 5))
    actions.assign(late, actor=w.clerk_a, handler=w.handler_a)
    call_command("petition_reminders")
    body = client_for(w.handler_a).get(reverse("home")).content.decode()
    assert late.reference in body and "Quá hạn" in body


def test_detail_of_a_public_submission_renders(w, client, client_for):
    client.post(
        reverse("petitions:public_submit"),
        {
            "organization": w.a.pk,
            "kind": "feedback",
            "full_name": "Dân",
            "address": "Ấp 1",
            "subject": "Phản ánh qua mạng",
            "content": "Nội dung",
        },
    )
    p = Petition.objects.get()
    response = client_for(w.clerk_a).get(reverse("petitions:detail", args=[p.uuid]))
    assert response.status_code == 200 and "Phản ánh qua mạng" in response.content.decode()


def test_open_rank_follows_the_status_and_orders_finished_letters_last(w, new_petition, client_for):
    from danchu.petitions.models import Outcome

    done = new_petition(received=D(2026, 1, 5), subject="Đơn đã hướng dẫn")
    new_petition(received=D(2026, 3, 2), subject="Đơn đang xử lý")
    assert Petition.objects.get(pk=done.pk).open_rank == 0
    actions.classify(done, actor=w.clerk_a, outcome=Outcome.GUIDANCE, reason="Hướng dẫn gửi UBND xã")
    assert Petition.objects.get(pk=done.pk).open_rank == 1
    body = client_for(w.clerk_a).get(reverse("petitions:list")).content.decode()
    assert body.index("Đơn đang xử lý") < body.index("Đơn đã hướng dẫn")
    body = client_for(w.clerk_a).get(reverse("petitions:list") + "?status=open").content.decode()
    assert "Đơn đang xử lý" in body and "Đơn đã hướng dẫn" not in body


def test_handler_filter_lists_everyone_handling_a_letter_of_the_subtree(w, new_petition, client_for):
    actions.assign(new_petition(), actor=w.clerk_a, handler=w.handler_a2)
    body = client_for(w.clerk_a).get(reverse("petitions:list")).content.decode()
    assert f'<option value="{w.handler_a2.pk}"' in body
    assert f'<option value="{w.handler_a.pk}"' not in body  # handles no letter yet


def test_worklist_count_is_capped_on_large_lists_and_every_page_stays_reachable(
    w, new_petition, client_for, monkeypatch
):
    from danchu.core import paginator
    from danchu.petitions.views import lists

    monkeypatch.setattr(paginator, "COUNT_CAP", 3)
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    for i in range(7):
        new_petition(subject=f"Đơn số {i}")
    client = client_for(w.clerk_a)
    body = client.get(reverse("petitions:list")).content.decode()
    assert "Hơn 3 đơn" in body and "Trang 1/hơn 1" in body and "page=2" in body
    body = client.get(reverse("petitions:list") + "?page=4").content.decode()
    assert "1 đơn" not in body and "Trang 4/4" in body and body.count("ĐT-2026-") == 1
    body = client.get(reverse("petitions:list") + "?kind=feedback").content.decode()
    assert "0 đơn" in body


def test_cached_worklist_shows_a_change_at_once_and_is_not_shared(
    w, new_petition, django_assert_max_num_queries
):
    from django.test import Client

    mine = new_petition(subject="Đơn của cán bộ xử lý 1")
    theirs = new_petition(subject="Đơn của cán bộ xử lý 2")
    actions.assign(mine, actor=w.clerk_a, handler=w.handler_a)
    clerk = Client()
    clerk.force_login(w.clerk_a)
    url = reverse("petitions:list")
    assert "Đơn của cán bộ xử lý 2" in clerk.get(url).content.decode()
    # Served again from the cache: the session, the user, the roles and the subtree's version.
    with django_assert_max_num_queries(5):
        clerk.get(url)
    # A letter of another agency leaves the page where it was.
    actions.register(
        w.b,
        actor=w.clerk_b,
        kind="feedback",
        channel="paper",
        received_on=D(2026, 3, 2),
        subject="Đơn cơ quan B",
        content="…",
        identity={"full_name": "Trần Văn B", "address": "Ấp 2"},
    )
    with django_assert_max_num_queries(5):
        clerk.get(url)
    # An action here shows on the very next view.
    actions.assign(theirs, actor=w.clerk_a, handler=w.handler_a2)
    body = clerk.get(url).content.decode()
    assert body.count("handler_a2") >= 2  # in the row and among the handlers to filter by
    # The handler sees only their own letters, whatever the clerk's page holds in the cache.
    handler = Client()
    handler.force_login(w.handler_a)
    body = handler.get(url).content.decode()
    assert "Đơn của cán bộ xử lý 1" in body and "Đơn của cán bộ xử lý 2" not in body
    # The language is part of the key too.
    clerk.cookies["django_language"] = "en"
    assert "Petitions" in clerk.get(url).content.decode()


def test_handler_records_the_sending_of_a_complaint_decision_on_the_case_page(
    w, client_for, accepted_petition, answer_doc
):
    """Luật Khiếu nại Art. 32: once the decision of 01/04/2026 is recorded, the case page shows
    the sending deadline (06/04/2026) and the step that records the sending."""
    from danchu.petitions import actions as petition_actions

    p = accepted_petition()
    petition_actions.answer(p, actor=w.handler_a, on=D(2026, 4, 1), document=answer_doc())
    handler = client_for(w.handler_a)
    html = handler.get(reverse("petitions:detail", args=[p.uuid])).content.decode()
    assert "06/04/2026" in html and "send_decision" in html
    response = handler.post(
        reverse("petitions:act", args=[p.uuid, "send_decision"]),
        {"send_decision-on": "2026-04-02", "send_decision-note": "Gửi qua bưu điện"},
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.decision_sent_on == D(2026, 4, 2) and p.next_due is None
