"""The admin site edits the legal data through the actions: audited, and applied to the very next
deadline computed (no model hook clears a cache any more)."""

import datetime

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from danchu.audit.models import AuditAction
from danchu.audit.trail import history_for
from danchu.legal import calendar
from danchu.legal.deadlines import compute
from danchu.legal.models import CalendarOverride, CalendarYear, DeadlineRule

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(world, client_for):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    return client_for(world.admin)


def _form_data(rule, **changes):
    data = {k: ("" if v is None else v) for k, v in model_to_dict(rule).items() if k != "id"}
    data["needs_check"] = "on" if data["needs_check"] else ""
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_a_rule_edited_in_the_admin_applies_at_once_and_is_audited(admin_client):
    rule = DeadlineRule.objects.get(kind="letter", step="process", applies_to=None)
    assert compute("letter", D(2026, 7, 6))[0].days == 10
    response = admin_client.post(
        reverse("admin:legal_deadlinerule_change", args=[rule.pk]), _form_data(rule, days=15)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert compute("letter", D(2026, 7, 6))[0].days == 15
    assert history_for(rule).get(action=AuditAction.UPDATE).changes["days"] == [10, 15]


def test_a_rule_deleted_in_the_admin_stops_applying_at_once_and_is_audited(admin_client):
    rule = DeadlineRule.objects.get(kind="letter", step="process", applies_to=None)
    assert compute("letter", D(2026, 7, 6))[0].days == 10
    response = admin_client.post(reverse("admin:legal_deadlinerule_delete", args=[rule.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not DeadlineRule.objects.filter(pk=rule.pk).exists()
    assert [d.days for d in compute("letter", D(2026, 7, 6))] == []
    assert history_for(rule).filter(action=AuditAction.DELETE).count() == 1


def test_an_override_added_in_the_admin_moves_the_due_date_at_once(admin_client):
    assert calendar.is_working_day(D(2026, 7, 10))
    response = admin_client.post(
        reverse("admin:legal_calendaroverride_add"),
        {"date": "10/07/2026", "kind": "day_off", "name": "Nghỉ đột xuất", "basis": "Thông báo thử"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not calendar.is_working_day(D(2026, 7, 10))
    override = CalendarOverride.objects.get(date=D(2026, 7, 10))
    response = admin_client.post(
        reverse("admin:legal_calendaroverride_delete", args=[override.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert calendar.is_working_day(D(2026, 7, 10))


def test_a_confirmation_withdrawn_in_the_admin_makes_the_year_provisional_at_once(world, admin_client):
    from danchu.legal import actions

    confirmed = actions.confirm_calendar_year(year=2027, basis="Thông báo thử", actor=world.admin)
    assert not calendar.is_provisional(2027)
    response = admin_client.post(
        reverse("admin:legal_calendaryear_delete", args=[confirmed.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert calendar.is_provisional(2027)
    assert history_for(confirmed).filter(action=AuditAction.DELETE).count() == 1
