"""Helpers shared by the workflows: permission checks, locks, deadlines, references."""

import datetime
import hashlib
import hmac
import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core import numbering
from danchu.core.jsonsafe import plain
from danchu.legal import deadlines

from .. import crypto
from ..models import (
    Kind,
    Petition,
    PetitionEvent,
    Status,
    new_tracking_code,
)
from ..permissions import may

IDENTITY_FIELDS = ("full_name", "address", "phone", "email", "id_number")
AUDIT_EXCLUDE = ("id", "deadline_steps", "sender_fingerprint", "search_text")
REFERENCE_PREFIX = "ĐT"


# ---------------------------------------------------------------- helpers


def _today():
    return timezone.localdate()


def _snap(p):
    return snapshot(p, exclude=AUDIT_EXCLUDE)


def _check(actor, action, petition):
    if actor is not None and not may(actor, action, petition):
        raise PermissionDenied


def _lock(petition):
    """Lock the case's row for the transaction and reload it in place, so the caller's object
    reflects the change the action makes."""
    petition.refresh_from_db(from_queryset=Petition.objects.select_for_update())
    return petition


def _event(petition, kind, on, actor, note=""):
    return PetitionEvent.objects.create(
        petition=petition, kind=kind, on=on, note=note, actor=actor if _is_user(actor) else None
    )


def _is_user(actor):
    return actor is not None and getattr(actor, "is_authenticated", False)


def _save_and_audit(p, before, actor, verb, reason="", action=AuditAction.TRANSITION):
    p.save()
    record(
        p,
        action,
        actor if _is_user(actor) else None,
        changes=diff(before, _snap(p)),
        verb=verb,
        reason=reason,
    )


def _date(value, field):
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        raise ValidationError({field: _("Ngày không hợp lệ.")})
    if value > _today():
        raise ValidationError({field: _("Ngày không được sau ngày hôm nay.")})
    return value


def _not_before(day, earlier, field, message):
    if earlier and day < earlier:
        raise ValidationError({field: message})


def _step_dict(step):
    if hasattr(step, "as_dict"):
        return step.as_dict()

    return {
        "step": step.step,
        "due": plain(step.due),
        "days": step.days,
        "day_kind": step.day_kind,
        "basis": str(step.basis),
        "counted_from": plain(getattr(step, "counted_from", None)),
        "label": str(getattr(step, "label", "") or step.step),
    }


def refresh_deadlines(p):
    """Recompute and store the case's deadlines from the law (danchu.legal.deadlines).

    A suspension stops the clock: the resolution period is counted from the acceptance date
    moved by the days the case was suspended.
    """
    accepted = None
    if p.accepted_on:
        accepted = p.accepted_on + datetime.timedelta(days=p.suspended_days)
    decided = None
    if p.kind == Kind.COMPLAINT and p.resolved_on and p.status in (Status.RESOLVED, Status.CLOSED):
        # Sending the decision is counted from the date of the decision (Art. 32, 41).
        decided = max(p.resolved_on, accepted or p.received_on)
    steps = deadlines.compute(
        p.kind,
        p.received_on,
        accepted=accepted,
        complex=p.is_complex or p.is_especially_complex,
        especially_complex=p.is_especially_complex,
        remote=p.is_remote,
        second=p.second_time,
        several_places=p.several_places,
        decided=decided,
    )
    by_step = {s.step: s for s in steps}
    p.send_due = by_step["send_decision"].due if "send_decision" in by_step else None
    first = by_step.get("accept") or by_step.get("process")
    p.accept_due = first.due if first else None
    if p.kind == Kind.FEEDBACK:
        # The handler set the answer date (no statutory period); a suspension moves it.
        p.resolve_due = p.handler_due + datetime.timedelta(days=p.suspended_days) if p.handler_due else None
    elif p.accepted_on:
        resolve = by_step.get("resolve")
        for n in range(p.extensions, 0, -1):
            if f"extension_{n}" in by_step:
                resolve = by_step[f"extension_{n}"]
                break
        p.resolve_due = resolve.due if resolve else None
    else:
        p.resolve_due = None
    p.deadline_steps = [_step_dict(s) for s in steps]
    _set_next_due(p)


def _set_next_due(p):
    if p.status in (Status.RECEIVED, Status.CLASSIFIED):
        p.next_due = p.accept_due
    elif p.status == Status.ACCEPTED:
        p.next_due = p.resolve_due
    elif p.status == Status.RESOLVED and p.kind == Kind.COMPLAINT and not p.decision_sent_on:
        p.next_due = p.send_due  # the decision must still be sent to the parties
    else:
        p.next_due = None


ANONYMOUS_DENUNCIATION = gettext_lazy(
    "Đơn tố cáo không rõ họ tên, địa chỉ người tố cáo không được thụ lý, giải quyết như tố cáo "
    "(Luật Tố cáo 2018, Điều 25 khoản 1). Nếu thông tin có nội dung rõ ràng về người có hành vi vi "
    "phạm, có tài liệu, chứng cứ cụ thể và có cơ sở để thẩm tra, xác minh, cơ quan tiến hành thanh "
    "tra, kiểm tra theo thẩm quyền hoặc chuyển đến cơ quan có thẩm quyền (Điều 25 khoản 2): hãy chọn "
    "“Chuyển đơn đến cơ quan có thẩm quyền”, hoặc “Không đủ điều kiện thụ lý, lưu đơn” rồi ghi nhận "
    "kết quả xem xét, kiểm tra ở bước “Ghi nhận xác minh”."
)


def _refuse_anonymous_denunciation(petition, field):
    if petition.is_anonymous and petition.kind == Kind.DENUNCIATION:
        raise ValidationError({field: str(ANONYMOUS_DENUNCIATION)})


def _normalize(text):
    text = unicodedata.normalize("NFC", (text or "").strip().lower())
    return " ".join(text.split())


def sender_fingerprint(identity):
    """A keyed hash of who sent the letter, to find duplicates without decrypting identities."""
    identity = identity or {}
    key_parts = [_normalize(identity.get("id_number"))] if identity.get("id_number") else []
    if not key_parts and identity.get("full_name"):
        contact = identity.get("phone") or identity.get("email") or identity.get("address")
        key_parts = [_normalize(identity.get("full_name")), _normalize(contact)]
    if not key_parts:
        return ""
    return hmac.new(crypto.fingerprint_key(), "|".join(key_parts).encode(), hashlib.sha256).hexdigest()


def _next_reference(org, year):
    return f"{REFERENCE_PREFIX}-{year}-{numbering.allocate(org, numbering.PETITION, year):04d}"


def _unique_code():
    for _attempt in range(10):
        code = new_tracking_code()
        if not Petition.objects.filter(tracking_code=code).exists():
            return code
    raise RuntimeError("could not draw a unique tracking code")


class _Files:
    """Files written during a transaction, deleted again if it fails (nothing half-way)."""

    def __init__(self):
        self.saved = []

    def track(self, field_file):
        self.saved.append((field_file.storage, field_file.name))

    def discard(self):
        for storage, name in self.saved:
            try:
                storage.delete(name)
            except OSError:
                pass
