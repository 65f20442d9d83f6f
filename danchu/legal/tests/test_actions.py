import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danchu.audit.models import AuditAction
from danchu.audit.trail import history_for, snapshot
from danchu.legal import actions
from danchu.legal.deadlines import compute
from danchu.legal.models import CalendarOverride, DeadlineRule

D = datetime.date
pytestmark = pytest.mark.django_db


def test_non_admin_cannot_add_an_override(world):
    with pytest.raises(PermissionDenied):
        actions.add_calendar_override(date=D(2026, 7, 10), kind="day_off", name="X", actor=world.head_a)
    assert not CalendarOverride.objects.filter(date=D(2026, 7, 10)).exists()


def test_duplicate_override_is_refused_in_vietnamese(world):
    actions.add_calendar_override(date=D(2026, 7, 10), kind="day_off", name="Nghỉ", actor=world.admin)
    with pytest.raises(ValidationError, match="đã được điều chỉnh"):
        actions.add_calendar_override(date=D(2026, 7, 10), kind="day_off", name="Nghỉ", actor=world.admin)


def test_admin_corrects_a_rule_and_the_change_is_audited(world):
    rule = DeadlineRule.objects.get(kind="letter", step="process", applies_to=None)
    before = snapshot(rule)
    rule.days, rule.basis, rule.needs_check = 15, "Thông tư 05/2021/TT-TTCP, Điều 6", False
    actions.save_deadline_rule(rule, actor=world.admin, before=before, reason="Đối chiếu nguyên văn")
    event = history_for(rule).get(action=AuditAction.UPDATE)
    assert event.changes["days"] == [10, 15] and event.reason == "Đối chiếu nguyên văn"
    assert compute("letter", D(2026, 7, 6))[0].days == 15


def test_rule_with_period_ending_before_it_starts_is_refused(world):
    rule = DeadlineRule.objects.get(kind="letter", step="process", applies_to=None)
    rule.applies_to = D(2020, 1, 1)
    with pytest.raises(ValidationError):
        actions.save_deadline_rule(rule, actor=world.admin, before=snapshot(rule))


def test_non_admin_cannot_change_a_rule(world):
    rule = DeadlineRule.objects.first()
    with pytest.raises(PermissionDenied):
        actions.save_deadline_rule(rule, actor=world.clerk_a)
