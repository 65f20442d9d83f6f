import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

from danchu.audit.trail import history_for
from danchu.participation import actions
from danchu.participation.models import Channel, DisclosureKind

D = datetime.date
pytestmark = pytest.mark.django_db


def make(world, req, decided, channels=(Channel.INTRANET,), framework="nd04_2015", **kw):
    return actions.create_disclosure(
        organization=world.a,
        actor=world.clerk_a,
        title=kw.pop("title", "Nâng bậc lương"),
        requirement=req(framework, kw.pop("code", "4")),
        decided_on=decided,
        channels=list(channels),
        **kw,
    )


@time_machine.travel("2024-06-01 09:00 +0700")
@pytest.mark.parametrize(
    "decided, published, special, late",
    [
        (D(2020, 3, 2), D(2020, 3, 5), False, False),  # Mon + 3 working days = Thu
        (D(2020, 3, 2), D(2020, 3, 6), False, True),
        (D(2020, 3, 2), D(2020, 3, 9), True, False),  # special case: 5 working days
        (D(2020, 3, 2), D(2020, 3, 10), True, True),
    ],
)
def test_nd04_discloses_within_3_or_5_working_days(world, req, decided, published, special, late):
    d = make(world, req, decided, special_case=special)
    d = actions.publish_disclosure(d, actor=world.clerk_a, published_on=published)
    assert d.timing().late is late


@time_machine.travel("2024-06-01 09:00 +0700")
def test_law_2022_allows_5_working_days_and_skips_holidays(world, req):
    # Decided Friday 26/04/2024; 29/4 a bridge day off, 30/4 and 1/5 holidays, Saturday 4/5 a
    # make-up working day: 2, 3, 4, 6, 7 May -> due 7/5; published 8/5 is late.
    d = make(world, req, D(2024, 4, 26), framework="law_2022", code="6")
    d = actions.publish_disclosure(d, actor=world.clerk_a, published_on=D(2024, 5, 8))
    assert d.due_on == D(2024, 5, 7)
    assert d.timing().late and d.timing().late_days == 1


@time_machine.travel("2024-06-01 09:00 +0700")
def test_category_must_belong_to_the_framework_of_the_decision_date(world, req):
    with pytest.raises(ValidationError) as exc:
        make(world, req, D(2024, 4, 26), framework="nd04_2015")
    assert "requirement" in exc.value.message_dict


@time_machine.travel("2024-06-01 09:00 +0700")
def test_posting_period_30_days_under_nd04_20_under_the_law(world, req):
    short = make(world, req, D(2020, 3, 2), channels=[Channel.NOTICE_BOARD], posted_to=D(2020, 3, 25))
    short = actions.publish_disclosure(short, actor=world.clerk_a, published_on=D(2020, 3, 3))
    assert short.timing().posting_short and short.timing().posting_required == 30
    law = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.NOTICE_BOARD])
    law = actions.publish_disclosure(law, actor=world.clerk_a, published_on=D(2024, 3, 5))
    law = actions.end_posting(law, actor=world.clerk_a, posted_to=D(2024, 3, 25))  # 20 days
    assert law.timing().ok and law.timing().posting_days == 20


@time_machine.travel("2024-06-01 09:00 +0700")
def test_posting_days_do_not_count_the_day_it_was_put_up(world, req):
    """Bộ luật Dân sự 2015 Art. 147: posted on Tuesday 05/03/2024 and taken down on 24/03 is 19
    days, short of the 20 the Law requires; 25/03 makes 20."""
    d = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.NOTICE_BOARD])
    d = actions.publish_disclosure(d, actor=world.clerk_a, published_on=D(2024, 3, 5))
    d = actions.end_posting(d, actor=world.clerk_a, posted_to=D(2024, 3, 24))
    assert d.timing().posting_short and d.timing().posting_days == 19


@time_machine.travel("2024-06-01 09:00 +0700")
def test_a_written_notice_does_not_exempt_the_posting_the_law_requires(world, req):
    """Luật 10/2022 Art. 48: an item put on the notice board stays up 20 days even when it was
    also sent in writing to every staff member."""
    d = make(
        world,
        req,
        D(2024, 3, 4),
        framework="law_2022",
        code="6",
        channels=[Channel.NOTICE_BOARD, Channel.WRITTEN],
    )
    d = actions.publish_disclosure(d, actor=world.clerk_a, published_on=D(2024, 3, 5))
    d = actions.end_posting(d, actor=world.clerk_a, posted_to=D(2024, 3, 6))
    assert d.timing().posting_short and d.timing().posting_days == 1


def test_posting_rule_follows_the_agencys_internal_site_law_2022_art_48():
    """Luật 10/2022 Art. 48(1): an agency with an internal site posts there, whatever else it uses;
    Art. 48(2): one without posts at its seat, unless it notified all staff in writing; ND 04/2015
    Art. 8(2): only a document posted at the seat has a (30-day) posting period."""
    from danchu.legal.frameworks import Framework
    from danchu.participation import rules

    law, nd04 = Framework.LAW_2022, Framework.ND04_2015
    # With an internal site: a written notice does not exempt, a conference alone does not meet it.
    assert rules.posting_rule(law, [Channel.WRITTEN], has_internal_site=True).missing
    assert rules.posting_rule(law, [Channel.CONFERENCE], has_internal_site=True).missing
    assert rules.posting_rule(law, [Channel.NOTICE_BOARD], has_internal_site=True).missing
    ok = rules.posting_rule(law, [Channel.INTRANET, Channel.WRITTEN], has_internal_site=True)
    assert ok.required and not ok.missing and ok.place == "online" and ok.days == 20
    # Without one: the written notice to all staff is the one exemption.
    assert not rules.posting_rule(law, [Channel.WRITTEN]).required
    assert rules.posting_rule(law, [Channel.CONFERENCE]).missing
    # Published on its internal system, the agency has one whatever its setting says: Art. 48(1).
    intranet = rules.posting_rule(law, [Channel.INTRANET, Channel.CONFERENCE])
    assert intranet.required and not intranet.missing and intranet.place == "online"
    seat = rules.posting_rule(law, [Channel.NOTICE_BOARD, Channel.CONFERENCE])
    assert seat.required and not seat.missing and seat.place == "seat"
    assert rules.posting_rule(nd04, [Channel.NOTICE_BOARD]).days == 30
    assert not rules.posting_rule(nd04, [Channel.INTRANET]).required


@time_machine.travel("2024-06-01 09:00 +0700")
def test_written_notice_does_not_exempt_an_agency_with_an_internal_site_art_48_1(world, req):
    """Art. 48(1): world.a has an internal system; a disclosure published on Tuesday 05/03/2024
    only by written notice is flagged as not posted online; the same at an agency without one is
    exempt (Art. 48(2)); posted on its intranet from 05/03 it meets 20 days on 25/03/2024."""
    from danchu.orgs.actions import update_organization

    update_organization(world.a, actor=world.admin, has_internal_site=True)
    world.a.refresh_from_db()
    written = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.WRITTEN])
    written = actions.publish_disclosure(written, actor=world.clerk_a, published_on=D(2024, 3, 5))
    assert written.internal_site is True
    timing = written.timing()
    assert timing.posting_missing and not timing.ok and timing.posting_required == 20
    assert "Điều 48 khoản 1" in timing.messages[0]
    assert written.posted_from is None

    online = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.INTRANET])
    online = actions.publish_disclosure(online, actor=world.clerk_a, published_on=D(2024, 3, 5))
    assert online.posted_from == D(2024, 3, 5)
    online = actions.end_posting(online, actor=world.clerk_a, posted_to=D(2024, 3, 25))
    assert online.timing().ok and online.timing().posting_days == 20

    # The agency gives up its intranet later: what was published stays judged as it was then.
    update_organization(world.a, actor=world.admin, has_internal_site=False)
    written.refresh_from_db()
    assert written.timing().posting_missing


@time_machine.travel("2024-06-01 09:00 +0700")
def test_list_judges_the_posting_as_the_detail_does_art_48(world, req, client_for):
    """The list reads each row's recorded internal site (and the agency's present setting for
    items published before it was recorded), as Disclosure.timing() does: at an agency with an
    internal system, a disclosure by written notice only is flagged under Art. 48(1), not 48(2)."""
    from danchu.orgs.actions import update_organization
    from danchu.participation.models import Disclosure

    update_organization(world.a, actor=world.admin, has_internal_site=True)
    world.a.refresh_from_db()
    written = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.WRITTEN])
    actions.publish_disclosure(written, actor=world.clerk_a, published_on=D(2024, 3, 5))
    page = client_for(world.clerk_a).get("/dan-chu/cong-khai/").content.decode()
    assert "Chưa đăng tải trên trang, hệ thống thông tin điện tử nội bộ" in page
    assert "Chưa niêm yết tại trụ sở" not in page
    # Published before the setting was recorded: judged by the agency's present setting.
    Disclosure.objects.filter(pk=written.pk).update(internal_site=None)
    update_organization(world.a, actor=world.admin, has_internal_site=False)
    page = client_for(world.clerk_a).get("/dan-chu/cong-khai/").content.decode()
    assert "Chưa đăng tải trên trang" not in page and "Đúng hạn" in page  # 48(2): written notice


@time_machine.travel("2024-06-01 09:00 +0700")
def test_agency_without_internal_site_art_48_2(world, req):
    """Art. 48(2): without an internal system, a written notice to all staff exempts from posting;
    a disclosure made only at a conference must still be posted at the seat (48(3): the other
    forms only add to it)."""
    written = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.WRITTEN])
    written = actions.publish_disclosure(written, actor=world.clerk_a, published_on=D(2024, 3, 5))
    assert written.timing().ok and written.timing().posting_required is None
    conference = make(
        world, req, D(2024, 3, 4), framework="law_2022", code="6", channels=[Channel.CONFERENCE]
    )
    conference = actions.publish_disclosure(conference, actor=world.clerk_a, published_on=D(2024, 3, 5))
    assert conference.timing().posting_missing
    assert "Điều 48 khoản 2" in conference.timing().messages[0]


def test_posting_needs_its_item_count(world, req):
    with pytest.raises(ValidationError) as exc:
        make(world, req, D(2020, 1, 6), kind=DisclosureKind.POSTING, code="1")
    assert "item_count" in exc.value.message_dict


@time_machine.travel("2020-03-10 09:00 +0700")
def test_audience_acknowledges_and_clerk_sees_who_has_not_read_and_reminds(world, req):
    world.staff_a.email = "staff@example.vn"
    world.staff_a.save()
    d = actions.publish_disclosure(make(world, req, D(2020, 3, 9)), actor=world.clerk_a)
    assert d.audience_size == 5  # head, clerk, handler, inspector of A and the staff of its office
    actions.acknowledge(d, actor=world.head_a)
    unread = set(
        d.recipients.filter(acknowledged_at__isnull=True).values_list("person__full_name", flat=True)
    )
    assert unread == {"clerk_a", "handler_a", "inspector_a", "staff_a"}
    with pytest.raises(ValidationError):
        actions.acknowledge(d, actor=world.clerk_b)  # an outsider is not in the audience
    with django_capture_on_commit():
        n, emails = actions.remind_unread(d, actor=world.clerk_a)
    assert (n, emails) == (4, 1)
    assert mail.outbox[0].to == ["staff@example.vn"]
    assert d.recipients.get(person__user=world.staff_a).reminders == 1
    from danchu.notifications.models import Notification

    notes = Notification.objects.about(d).filter(kind="participation.disclosure_unread")
    assert set(notes.values_list("user__username", flat=True)) == {
        "clerk_a",
        "handler_a",
        "inspector_a",
        "staff_a",
    }
    assert notes.get(user=world.staff_a).emailed
    assert history_for(d).filter(verb__contains="xác nhận đã đọc").count() == 1


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


@time_machine.travel("2020-03-10 09:00 +0700")
def test_staff_page_lists_what_was_disclosed_to_them_and_the_clerk_sees_the_unread(world, req, client_for):
    d = actions.publish_disclosure(make(world, req, D(2020, 3, 9)), actor=world.clerk_a)
    page = client_for(world.staff_a).get("/dan-chu/cong-khai/?only=unread").content.decode()
    assert d.title in page and "chưa đọc" in page
    client_for(world.staff_a).post(f"/dan-chu/cong-khai/{d.uuid}/da-doc/")
    page = client_for(world.clerk_a).get(f"/dan-chu/cong-khai/{d.uuid}/").content.decode()
    unread = page.split('id="unread"')[1].split("</section>")[0]
    assert "staff_a" not in unread and "handler_a" in unread
    assert client_for(world.clerk_b).get(f"/dan-chu/cong-khai/{d.uuid}/").status_code == 404


@time_machine.travel("2020-03-10 09:00 +0700")
def test_form_with_bad_input_keeps_what_was_typed_and_stores_nothing(world, client_for):
    from danchu.participation.models import Disclosure

    response = client_for(world.clerk_a).post(
        "/dan-chu/cong-khai/moi/", {"title": "Tiêu đề giữ lại", "kind": "disclosure", "decided_on": "sai"}
    )
    assert response.status_code == 200
    assert "Tiêu đề giữ lại" in response.content.decode()
    assert not Disclosure.objects.exists()


def test_disclosure_list_runs_a_fixed_number_of_queries(
    world, req, client_for, django_assert_max_num_queries, django_assert_num_queries
):
    with time_machine.travel("2020-03-10 09:00 +0700"):
        for _ in range(12):
            actions.publish_disclosure(make(world, req, D(2020, 3, 9)), actor=world.clerk_a)
        client = client_for(world.clerk_a)
        with django_assert_max_num_queries(12):
            assert client.get("/dan-chu/cong-khai/").status_code == 200
        # Uncached (as after any change in the subtree): session, user, roles, subtree, and one
        # statement for the page, its count (core.paginator.CappedRowsPaginator) and its rows,
        # channels and readings (listrows.page_reader).
        with override_settings(LIST_CACHE_SECONDS=0), django_assert_num_queries(5):
            page = client.get("/dan-chu/cong-khai/").content.decode()
        assert page.count('<td class="num">0/') == 12
        with django_assert_max_num_queries(12):
            assert client.get("/dan-chu/cong-khai/?format=xlsx").status_code == 200


@time_machine.travel("2020-03-10 09:00 +0700")
def test_list_counts_readers_and_the_users_own_unread_for_the_page_only(world, req, client_for):
    read = actions.publish_disclosure(make(world, req, D(2020, 3, 8)), actor=world.clerk_a)
    other = actions.create_disclosure(
        organization=world.a,
        actor=world.clerk_a,
        title="Quy chế chi tiêu",
        requirement=req("nd04_2015", "4"),
        decided_on=D(2020, 3, 9),
        channels=[Channel.INTRANET],
    )
    actions.publish_disclosure(other, actor=world.clerk_a)
    actions.acknowledge(read, actor=world.head_a)
    actions.acknowledge(read, actor=world.clerk_a)
    page = client_for(world.clerk_a).get("/dan-chu/cong-khai/").content.decode()
    assert page.count(">2/5<") == 1 and page.count(">0/5<") == 1
    assert page.count("chưa đọc</span>") == 1  # the clerk has read one of the two
    unread = client_for(world.clerk_a).get("/dan-chu/cong-khai/?only=unread").content.decode()
    assert "Quy chế chi tiêu" in unread and "Nâng bậc lương" not in unread
    # The page is cached for the clerk; a reading recorded since shows on the next view.
    other.refresh_from_db()
    actions.acknowledge(other, actor=world.clerk_a)
    page = client_for(world.clerk_a).get("/dan-chu/cong-khai/").content.decode()
    assert page.count(">2/5<") == 1 and page.count(">1/5<") == 1 and "chưa đọc</span>" not in page


def test_attachments_are_checked_by_content_not_extension(world, req):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from danchu.participation.models import Disclosure

    fake = SimpleUploadedFile("x.pdf", b"\xff\xfe not a pdf \x81", "application/pdf")
    with pytest.raises(ValidationError) as exc:
        make(world, req, D(2020, 3, 2), files=[fake])
    assert "attachment" in exc.value.message_dict
    assert not Disclosure.objects.exists()
    real = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF\n", "text/plain")
    d = make(world, req, D(2020, 3, 2), files=[real])
    assert d.attachments.get().content_type == "application/pdf"


@time_machine.travel("2024-06-01 09:00 +0700")
def test_list_filters_the_disclosures_published_late(world, req, client_for):
    """The list's "Công khai chậm" filter (only=late) keeps the disclosures published after their
    due day and is not refused as an unknown choice."""
    on_time = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", title="Đúng hạn A")
    actions.publish_disclosure(on_time, actor=world.clerk_a, published_on=D(2024, 3, 5))
    late = make(world, req, D(2024, 3, 4), framework="law_2022", code="6", title="Chậm B")
    actions.publish_disclosure(late, actor=world.clerk_a, published_on=D(2024, 4, 15))
    late.refresh_from_db()
    assert late.published_on > late.due_on
    page = client_for(world.clerk_a).get("/dan-chu/cong-khai/?only=late").content.decode()
    assert "Chậm B" in page and "Đúng hạn A" not in page
    assert 'value="late" selected' in page
