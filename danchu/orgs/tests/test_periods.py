"""Reporting periods added from a page, with the cut-off of Nghị định 09/2019 Điều 12 (check)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danchu.audit.models import AuditEvent
from danchu.orgs import actions
from danchu.orgs.models import PeriodKind, ReportingPeriod
from danchu.orgs.periods import default_dates

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    "persona,status", [("admin", 200), ("officer", 200), ("clerk_a", 404), ("head_a", 404)]
)
def test_who_may_open_the_period_page(world, client_for, persona, status):
    assert client_for(getattr(world, persona)).get("/co-quan/ky-bao-cao/").status_code == status


def test_the_officer_adds_the_year_with_the_default_cutoff(world, client_for):
    response = client_for(world.officer).post("/co-quan/ky-bao-cao/", {"kind": "annual", "year": "2026"})
    assert response.status_code == 302
    p = ReportingPeriod.objects.get(code="2026")
    assert (p.name, p.start, p.end) == ("Năm 2026", D(2026, 1, 1), D(2026, 12, 31))
    assert (p.cutoff_start, p.cutoff_end) == (D(2025, 12, 15), D(2026, 12, 14))
    assert AuditEvent.objects.filter(verb="thêm kỳ báo cáo", object_id=str(p.pk)).exists()


def test_the_page_says_the_cutoff_is_unconfirmed(world, client_for):
    page = client_for(world.admin).get("/co-quan/ky-bao-cao/").content.decode()
    assert "09/2019/NĐ-CP" in page and "chưa đối chiếu văn bản" in page and "cần kiểm tra" not in page


def test_half_year_and_quarter_defaults():
    assert default_dates(PeriodKind.HALF_YEAR, 2026, 1)[2:] == (D(2025, 12, 15), D(2026, 6, 14))
    assert default_dates(PeriodKind.HALF_YEAR, 2026, 2)[2:] == (D(2026, 6, 15), D(2026, 12, 14))
    assert default_dates(PeriodKind.QUARTER, 2026, 1) == (
        D(2026, 1, 1),
        D(2026, 3, 31),
        D(2025, 12, 15),
        D(2026, 3, 14),
    )
    assert default_dates(PeriodKind.QUARTER, 2026, 3)[1:] == (D(2026, 9, 30), D(2026, 6, 15), D(2026, 9, 14))


def test_a_quarter_needs_its_number_and_gets_its_code(world):
    with pytest.raises(ValidationError) as exc:
        actions.create_period(actor=world.admin, kind=PeriodKind.QUARTER, year=2026)
    assert "quý" in exc.value.message_dict["part"][0]
    q = actions.create_period(actor=world.admin, kind=PeriodKind.QUARTER, year=2026, part=2)
    assert (q.code, q.name, q.part) == ("2026-Q2", "Quý II năm 2026", 2)


def test_a_duplicate_period_is_refused_keeping_what_was_typed(world, client_for):
    response = client_for(world.admin).post("/co-quan/ky-bao-cao/", {"kind": "annual", "year": "2020"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Đã có kỳ báo cáo “2020”" in body and 'value="2020"' in body


def test_a_clerk_may_not_add_a_period(world):
    with pytest.raises(PermissionDenied):
        actions.create_period(actor=world.clerk_a, kind=PeriodKind.ANNUAL, year=2027)
