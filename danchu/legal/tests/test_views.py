import datetime

import pytest
import time_machine
from django.urls import reverse

from danchu.audit.models import AuditAction, AuditEvent
from danchu.audit.trail import history_for
from danchu.legal import actions, calendar
from danchu.legal.models import CalendarOverride, OverrideKind
from danchu.legal.tests.conftest import SHIPPED_OVERRIDE_DATES as SHIPPED_OVERRIDES

D = datetime.date
pytestmark = pytest.mark.django_db


def test_calculator_requires_login(client):
    response = client.get(reverse("legal:deadlines"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_calculator_shows_each_step_with_due_date_and_basis(world, client_for):
    response = client_for(world.staff_a).get(
        reverse("legal:deadlines"),
        {"kind": "complaint", "received": "2026-07-06", "accepted": "2026-07-10", "complexity": "complex"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-step="accept"' in html and "15/07/2026" in html
    assert "07 ngày làm việc" in html and "Luật 136/2025/QH15" in html
    # The 07 days are not confirmed from an official decree: the page says so plainly, with no
    # internal marker.
    assert "chưa đối chiếu được văn bản chính thức" in html and "cần kiểm tra" not in html
    assert 'data-step="resolve"' in html and "45 ngày" in html and "Điều 28" in html


def test_calculator_accepts_vietnamese_date_format(world, client_for):
    response = client_for(world.clerk_a).get(
        reverse("legal:deadlines"), {"kind": "complaint", "received": "06/07/2026"}
    )
    assert "15/07/2026" in response.content.decode()


def test_calculator_bad_input_answers_in_vietnamese_and_keeps_input(world, client_for):
    response = client_for(world.clerk_a).get(
        reverse("legal:deadlines"), {"kind": "complaint", "received": "31/02/2026", "accepted": "hôm qua"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ngày không hợp lệ" in html
    assert 'value="31/02/2026"' in html and 'value="hôm qua"' in html
    assert 'id="deadline-steps"' not in html


def test_calculator_refuses_acceptance_before_receipt_and_unknown_kind(world, client_for):
    c = client_for(world.clerk_a)
    html = c.get(
        reverse("legal:deadlines"), {"kind": "complaint", "received": "2026-07-06", "accepted": "2026-07-01"}
    ).content.decode()
    assert "Ngày thụ lý không được trước ngày nhận đơn" in html
    html = c.get(reverse("legal:deadlines"), {"kind": "kiennghi", "received": "2026-07-06"}).content.decode()
    assert "Loại đơn không hợp lệ" in html


def test_calendar_page_lists_holidays_and_make_up_days(world, client_for):
    html = client_for(world.clerk_a).get(reverse("legal:calendar_year", args=[2026])).content.decode()
    assert "17/02/2026" in html and "Tết" in html
    assert "22/08/2026" in html and "Làm việc bù" in html
    assert "31/08/2026" in html
    assert "Bổ sung ngày nghỉ" not in html  # not an administrator


def test_calendar_page_rejects_out_of_range_year(world, client_for):
    assert client_for(world.clerk_a).get(reverse("legal:calendar_year", args=[3000])).status_code == 404


def test_admin_adds_a_day_off_and_deadlines_change(world, client_for):
    c = client_for(world.admin)
    response = c.post(
        reverse("legal:calendar_year", args=[2026]),
        {"date": "10/07/2026", "kind": "day_off", "name": "Nghỉ bổ sung", "basis": "Thông báo 1/TB-BNV"},
    )
    assert response.status_code == 302
    override = CalendarOverride.objects.get(date=D(2026, 7, 10))
    assert override.created_by == world.admin
    event = history_for(override).get(action=AuditAction.CREATE)
    assert event.actor == world.admin
    assert not calendar.is_working_day(D(2026, 7, 10))
    html = c.get(reverse("legal:deadlines"), {"kind": "complaint", "received": "2026-07-06"}).content.decode()
    assert "16/07/2026" in html


def test_admin_form_errors_are_vietnamese_and_store_nothing(world, client_for):
    c = client_for(world.admin)
    response = c.post(
        reverse("legal:calendar_year", args=[2026]), {"date": "2026-02-17", "kind": "day_off", "name": ""}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Hãy nhập tên gọi" in html
    response = c.post(
        reverse("legal:calendar_year", args=[2026]), {"date": "2026-02-17", "kind": "day_off", "name": "Tết"}
    )
    assert "vốn đã là ngày nghỉ" in response.content.decode()
    response = c.post(
        reverse("legal:calendar_year", args=[2026]),
        {"date": "2026-07-08", "kind": "working_day", "name": "Bù"},
    )
    assert "vốn đã là ngày làm việc" in response.content.decode()
    assert not CalendarOverride.objects.exclude(date__in=SHIPPED_OVERRIDES).exists()


@pytest.mark.parametrize("persona", ["clerk_a", "head_a", "officer", "handler_a"])
def test_only_system_admins_change_overrides(world, client_for, persona):
    override = CalendarOverride.objects.create(
        date=D(2026, 7, 11), kind=OverrideKind.WORKING_DAY, name="Làm bù"
    )
    c = client_for(getattr(world, persona))
    response = c.post(
        reverse("legal:calendar_year", args=[2026]), {"date": "2026-07-10", "kind": "day_off", "name": "X"}
    )
    assert response.status_code == 403
    assert c.get(reverse("legal:override_delete", args=[override.pk])).status_code == 403
    assert c.post(reverse("legal:override_delete", args=[override.pk])).status_code == 403
    assert CalendarOverride.objects.exclude(date__in=SHIPPED_OVERRIDES).count() == 1


def test_removal_asks_for_confirmation_then_audits(world, client_for):
    override = actions.add_calendar_override(
        date=D(2026, 7, 11), kind=OverrideKind.WORKING_DAY, name="Làm bù", actor=world.admin
    )
    assert calendar.is_working_day(D(2026, 7, 11))
    c = client_for(world.admin)
    confirm = c.get(reverse("legal:override_delete", args=[override.pk]))
    assert confirm.status_code == 200 and "Xóa điều chỉnh ngày 11/07/2026" in confirm.content.decode()
    assert CalendarOverride.objects.exclude(date__in=SHIPPED_OVERRIDES).exists()
    response = c.post(reverse("legal:override_delete", args=[override.pk]), {"reason": "Nhập nhầm"})
    assert response.status_code == 302
    assert not CalendarOverride.objects.exclude(date__in=SHIPPED_OVERRIDES).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, reason="Nhập nhầm").count() == 1
    assert not calendar.is_working_day(D(2026, 7, 11))


def test_navigation_lists_the_legal_pages(world, client_for):
    html = client_for(world.staff_a).get(reverse("legal:calendar")).content.decode()
    assert reverse("legal:deadlines") in html and "Tính thời hạn" in html


def test_calendar_page_shows_the_swap_with_its_source(world, client_for):
    html = client_for(world.staff_a).get(reverse("legal:calendar_year", args=[2026])).content.decode()
    assert "02/01/2026" in html and "Công văn số 12729/VPCP-KGVX ngày 25/12/2025" in html
    assert 'id="calendar-provisional"' not in html


def test_provisional_year_is_announced_and_the_admin_confirms_it(world, client_for):
    """Tết 2027 is not announced: the page says the year is provisional; a system admin confirms
    it with the announcing document, audited; a clerk sees the notice but no form."""
    from danchu.legal.models import CalendarYear

    clerk_html = client_for(world.clerk_a).get(reverse("legal:calendar_year", args=[2027])).content.decode()
    assert 'id="calendar-provisional"' in clerk_html and "confirm_year" not in clerk_html
    c = client_for(world.admin)
    assert "confirm_year" in c.get(reverse("legal:calendar_year", args=[2027])).content.decode()
    refused = c.post(reverse("legal:calendar_year", args=[2027]), {"confirm_year": "1", "basis": ""})
    assert refused.status_code == 400 and "Hãy nhập văn bản công bố" in refused.content.decode()
    response = c.post(
        reverse("legal:calendar_year", args=[2027]),
        {"confirm_year": "1", "basis": "Thông báo số 9/TB-BNV ngày 20/11/2026"},
    )
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2027).confirmed_by == world.admin
    assert not calendar.is_provisional(2027)
    assert AuditEvent.objects.filter(verb="Xác nhận lịch nghỉ lễ, Tết của năm").count() == 1


def test_review_page_lists_unconfirmed_rules_with_sources_tried_for_admins_only(world, client_for):
    assert client_for(world.clerk_a).get(reverse("legal:review")).status_code == 403
    html = client_for(world.admin).get(reverse("legal:review")).content.decode()
    assert "05/2021/TT-TTCP" in html and "Đã tra" in html and "155/2026/NĐ-CP" in html
    assert 'data-rule="complaint-send_decision-second"' not in html  # Art. 41 is confirmed now
    assert "2027" in html  # provisional year


def test_calculator_send_decision_from_the_decision_date(world, client_for):
    html = (
        client_for(world.clerk_a)
        .get(
            reverse("legal:deadlines"),
            {
                "kind": "complaint",
                "received": "2026-07-06",
                "accepted": "2026-07-10",
                "decided": "2026-08-05",
            },
        )
        .content.decode()
    )
    assert 'data-step="send_decision"' in html and "10/08/2026" in html and "Điều 32" in html


def test_calculator_refuses_a_decision_before_acceptance(world, client_for):
    html = (
        client_for(world.clerk_a)
        .get(
            reverse("legal:deadlines"),
            {
                "kind": "complaint",
                "received": "2026-07-06",
                "accepted": "2026-07-10",
                "decided": "2026-07-08",
            },
        )
        .content.decode()
    )
    assert "Ngày ban hành quyết định không được trước ngày thụ lý" in html
    assert 'data-step="send_decision"' not in html


def test_the_admin_home_page_asks_to_confirm_a_provisional_year(world, client_for):
    """In December 2026, 2026 is confirmed and Tết 2027 is not announced: the system admin's home
    page asks to confirm 2027 and links the calendar page; a clerk is not asked. (A state of the
    data, so a home panel, not a system check: `check --deploy` stays clean.)"""
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        admin_home = client_for(world.admin).get("/").content.decode()
        clerk_home = client_for(world.clerk_a).get("/").content.decode()
    assert (
        "Lịch năm 2027 là tạm tính" in admin_home
        and reverse("legal:calendar_year", args=[2027]) in admin_home
    )
    assert "Lịch năm 2027 là tạm tính" not in clerk_home
