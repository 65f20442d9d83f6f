"""Every change to the legal data goes through these functions: validated, atomic, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import transactions
from danchu.orgs import access

from . import calendar, deadlines
from .models import CalendarOverride, CalendarYear, OverrideKind


def _changed(cache):
    """The legal data behind `cache` (the calendar or the rules) changed: forget it at once, so the
    change applies to the very next computation in this transaction, and again on commit, so a
    computation another request made meanwhile from the old rows does not outlive the change."""
    cache.clear_cache()
    transaction.on_commit(cache.clear_cache)


def _require_admin(actor):
    if actor is None or not access.is_system_admin(actor):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được thay đổi lịch làm việc."))


def check_override_day(date, kind):
    """Raise ValidationError when `date` is already overridden or already is what `kind` would make it."""
    if CalendarOverride.objects.filter(date=date).exists():
        raise ValidationError(
            {
                "date": _("Ngày %(date)s đã được điều chỉnh; hãy xóa điều chỉnh cũ trước khi nhập lại.")
                % {"date": f"{date:%d/%m/%Y}"}
            }
        )
    working = calendar.is_working_day(date)
    if kind == OverrideKind.DAY_OFF and not working:
        raise ValidationError(
            {"date": _("Ngày %(date)s vốn đã là ngày nghỉ.") % {"date": f"{date:%d/%m/%Y}"}}
        )
    if kind == OverrideKind.WORKING_DAY and working:
        raise ValidationError(
            {"date": _("Ngày %(date)s vốn đã là ngày làm việc.") % {"date": f"{date:%d/%m/%Y}"}}
        )


@transactions.action()
def confirm_calendar_year(*, year, basis, actor):
    """Record that the days off of `year` were announced (after checking the calendar page and
    adding the announced swaps as overrides): its deadlines stop being provisional."""
    _require_admin(actor)
    basis = (basis or "").strip()
    errors = {}
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = None
    if year is None or not 1990 <= year <= 2100:
        errors["year"] = _("Năm không hợp lệ.")
    if not basis:
        errors["basis"] = _(
            "Hãy nhập văn bản công bố lịch nghỉ lễ, Tết của năm (số, ký hiệu, ngày), ví dụ: Thông báo số …/TB-BNV."
        )
    if errors:
        raise ValidationError(errors)
    if CalendarYear.objects.filter(year=year, confirmed=True).exists():
        raise ValidationError({"year": _("Lịch nghỉ năm %(year)s đã được xác nhận.") % {"year": year}})
    CalendarYear.objects.filter(year=year).delete()
    confirmed = CalendarYear.objects.create(year=year, confirmed=True, basis=basis[:300], confirmed_by=actor)
    record_create(confirmed, actor, verb="Xác nhận lịch nghỉ lễ, Tết của năm")
    _changed(calendar)
    return confirmed


@transactions.action()
def add_calendar_override(*, date, kind, name, actor, basis="", basis_date=None):
    """Register a day off or a make-up working day announced after the release."""
    _require_admin(actor)
    name = (name or "").strip()
    basis = (basis or "").strip()
    errors = {}
    if date is None:
        errors["date"] = _("Hãy nhập ngày.")
    if kind not in OverrideKind.values:
        errors["kind"] = _("Hãy chọn loại: ngày nghỉ hoặc ngày làm việc bù.")
    if not name:
        errors["name"] = _("Hãy nhập tên gọi của ngày (ví dụ: Nghỉ bù Quốc khánh).")
    if errors:
        raise ValidationError(errors)
    check_override_day(date, kind)
    override = CalendarOverride.objects.create(
        date=date, kind=kind, name=name, basis=basis, basis_date=basis_date, created_by=actor
    )
    record_create(override, actor, verb="Điều chỉnh lịch làm việc")
    _changed(calendar)
    return override


def _delete(instance, *, actor, reason, verb, cache):
    """Delete a row of legal data with its audit event; the computations follow at once."""
    _require_admin(actor)
    record(
        instance, AuditAction.DELETE, actor, changes=diff(snapshot(instance), {}), reason=reason, verb=verb
    )
    instance.delete()
    _changed(cache)


@transactions.action()
def remove_calendar_override(override, *, actor, reason=""):
    """Remove an override; the day goes back to what the holidays package says."""
    _delete(override, actor=actor, reason=reason, verb="Xóa điều chỉnh lịch làm việc", cache=calendar)


@transactions.action()
def save_deadline_rule(rule, *, actor, before=None, reason=""):
    """Save a deadline rule corrected by an administrator (through the admin site)."""
    _require_admin(actor)
    rule.full_clean()
    creating = rule.pk is None
    rule.save()
    if creating:
        record_create(rule, actor, verb="Thêm thời hạn xử lý đơn", reason=reason)
    else:
        record(
            rule,
            AuditAction.UPDATE,
            actor,
            changes=diff(before or {}, snapshot(rule)),
            reason=reason,
            verb="Sửa thời hạn xử lý đơn",
        )
    _changed(deadlines)
    return rule


@transactions.action()
def delete_deadline_rule(rule, *, actor, reason=""):
    """Delete a deadline rule (through the admin site); the petitions' deadlines follow at once."""
    _delete(rule, actor=actor, reason=reason, verb="Xóa thời hạn xử lý đơn", cache=deadlines)


@transactions.action()
def withdraw_calendar_year(confirmed, *, actor, reason=""):
    """Withdraw the confirmation of a year's days off (through the admin site): its deadlines are
    provisional again."""
    _delete(
        confirmed, actor=actor, reason=reason, verb="Hủy xác nhận lịch nghỉ lễ, Tết của năm", cache=calendar
    )
