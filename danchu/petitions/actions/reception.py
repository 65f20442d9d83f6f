"""Citizen reception and its published schedule."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core import transactions
from danchu.orgs import access

from ..models import (
    ReceptionSchedule,
    ReceptionSession,
)
from .shared import _date, _is_user

# ---------------------------------------------------------------- citizen reception


def record_reception(
    organization,
    *,
    actor,
    held_on,
    official_name,
    visits,
    people,
    matters,
    answered_on_the_spot=0,
    letters=(),
    official=None,
    notes="",
):
    """Record a citizen reception session."""
    if actor is not None and not access.can(actor, "petitions.reception", organization):
        raise PermissionDenied
    held_on = _date(held_on, "held_on")
    if not (official_name or "").strip():
        raise ValidationError({"official_name": _("Vui lòng nhập người tiếp công dân.")})
    numbers = {
        "visits": visits,
        "people": people,
        "matters": matters,
        "answered_on_the_spot": answered_on_the_spot,
    }
    for name, value in numbers.items():
        if value is None or int(value) < 0:
            raise ValidationError({name: _("Số liệu phải là số không âm.")})
    if answered_on_the_spot > matters:
        raise ValidationError(
            {"answered_on_the_spot": _("Số vụ việc trả lời trực tiếp không vượt quá số vụ việc.")}
        )
    if people < visits and people == 0 and visits > 0:
        raise ValidationError({"people": _("Có lượt tiếp thì phải có ít nhất một người.")})
    letters = list(letters)
    for letter in letters:
        if not letter.organization.path.startswith(organization.path):
            raise ValidationError({"letters": _("Đơn phát sinh phải thuộc cơ quan này.")})
    with transactions.action():
        session = ReceptionSession.objects.create(
            organization=organization,
            held_on=held_on,
            official=official,
            official_name=official_name.strip(),
            visits=visits,
            people=people,
            matters=matters,
            answered_on_the_spot=answered_on_the_spot,
            notes=(notes or "").strip(),
            created_by=actor if _is_user(actor) else None,
        )
        session.letters.set(letters)
        changes = diff({}, snapshot(session))
        changes["letters"] = [None, [p.reference for p in letters]]
        record(session, AuditAction.CREATE, actor, changes=changes, verb=_("Ghi nhận buổi tiếp công dân"))
    return session


def publish_schedule(organization, *, actor, text, place=""):
    """Publish (or update) the agency's citizen reception schedule."""
    if actor is not None and not access.can(actor, "petitions.reception", organization):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Vui lòng nhập lịch tiếp công dân.")})
    with transactions.action():
        schedule = ReceptionSchedule.objects.select_for_update().filter(organization=organization).first()
        before = snapshot(schedule) if schedule else {}
        if schedule is None:
            schedule = ReceptionSchedule(organization=organization)
        schedule.text, schedule.place, schedule.updated_at = text, (place or "").strip(), timezone.now()
        schedule.save()
        record(
            schedule,
            AuditAction.UPDATE if before else AuditAction.CREATE,
            actor,
            changes=diff(before, snapshot(schedule)),
            verb=_("Công khai lịch tiếp công dân"),
        )
    return schedule
