"""Every step of a petition's life, one function each: atomic, validated (ValidationError with
a Vietnamese message), permission-checked (PermissionDenied) and audited in the same
transaction. Views, commands and the demo call these; nothing else changes workflow state.

Deadlines come from danchu.legal.deadlines.compute (the law lives there); the due dates are
stored on the case and recomputed here whenever a step changes them.
"""

import datetime
import hashlib
import hmac
import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core import numbering
from danchu.legal import deadlines
from danchu.notifications.actions import notify
from danchu.orgs import access
from danchu.orgs.models import Role

from . import crypto, uploads
from .models import (
    EventKind,
    IdentityScan,
    Kind,
    Outcome,
    Petition,
    PetitionAttachment,
    PetitionEvent,
    ReceptionSchedule,
    ReceptionSession,
    SenderIdentity,
    SenderType,
    Status,
    new_tracking_code,
)
from .notifications import DOCUMENT_REQUEST
from .permissions import may

IDENTITY_FIELDS = ("full_name", "address", "phone", "email", "id_number")
AUDIT_EXCLUDE = ("id", "deadline_steps", "sender_fingerprint")
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

    def plain(v):
        return v.isoformat() if isinstance(v, datetime.date) else v

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


# ---------------------------------------------------------------- intake


def register(
    organization,
    *,
    actor,
    kind,
    channel,
    received_on,
    subject,
    content,
    sender_type=SenderType.CITIZEN,
    is_anonymous=False,
    identity=None,
    scans=(),
    attachments=(),
    second_time=False,
    several_places=False,
    transferred_from="",
    internal_notes="",
    external_source="",
    external_code="",
):
    """Register a letter (clerk), or a public submission when `actor` is None. `external_code` is
    the letter's code in `external_source` (e.g. the PAKN portal): one letter per code and source."""
    if actor is not None and not access.can(actor, "petitions.register", organization):
        raise PermissionDenied
    received_on = _date(received_on, "received_on")
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Loại đơn không hợp lệ.")})
    subject, content = (subject or "").strip(), (content or "").strip()
    if not subject:
        raise ValidationError({"subject": _("Vui lòng nhập nội dung tóm tắt.")})
    if not content:
        raise ValidationError({"content": _("Vui lòng nhập nội dung đơn.")})
    if organization.valid_to and received_on > organization.valid_to:
        from danchu.orgs.ceased import live_successor

        successor = live_successor(organization, received_on)
        raise ValidationError(
            {
                "organization": _(
                    "Cơ quan này đã chấm dứt hoạt động từ sau ngày %(day)s; đơn gửi cơ quan kế thừa: %(successor)s."
                )
                % {
                    "day": organization.valid_to.strftime("%d/%m/%Y"),
                    "successor": successor.name if successor is not None else _("không có"),
                }
            }
        )
    identity = {k: (identity or {}).get(k, "").strip() for k in IDENTITY_FIELDS}
    if is_anonymous and kind != Kind.DENUNCIATION:
        raise ValidationError(
            {
                "is_anonymous": _(
                    "Chỉ đơn tố cáo mới được gửi không ghi danh tính; khiếu nại, phản ánh phải ghi rõ họ tên."
                )
            }
        )
    if not is_anonymous and not identity["full_name"]:
        raise ValidationError({"full_name": _("Vui lòng nhập họ và tên người gửi.")})
    if kind == Kind.COMPLAINT and not identity["address"]:
        # Luật Khiếu nại 2011, Điều 8 khoản 2: the letter states the complainant's name and address.
        raise ValidationError(
            {
                "address": _(
                    "Đơn khiếu nại phải ghi địa chỉ của người khiếu nại (Luật Khiếu nại 2011, Điều 8): "
                    "vui lòng nhập địa chỉ để cơ quan gửi thông báo, quyết định giải quyết."
                )
            }
        )
    if channel == "transferred" and not transferred_from.strip():
        raise ValidationError({"transferred_from": _("Vui lòng nhập cơ quan đã chuyển đơn đến.")})
    external_source, external_code = (external_source or "").strip(), (external_code or "").strip()
    if external_code and not external_source:
        raise ValidationError({"external_source": _("Vui lòng ghi hệ thống nguồn của mã đơn.")})
    if (
        external_code
        and Petition.objects.filter(external_source=external_source, external_code=external_code).exists()
    ):
        raise ValidationError(
            {
                "external_code": _("Đơn có mã %(code)s của %(source)s đã được tiếp nhận.")
                % {"code": external_code, "source": external_source}
            }
        )
    checked = uploads.check_all(attachments)
    checked_scans = uploads.check_all(scans)

    files = _Files()
    try:
        with transaction.atomic():
            p = Petition(
                organization=organization,
                reference=_next_reference(organization, received_on.year),
                tracking_code=_unique_code(),
                kind=kind,
                channel=channel,
                sender_type=sender_type,
                received_on=received_on,
                subject=subject[:255],
                content=content,
                is_anonymous=bool(is_anonymous),
                identity_protected=kind == Kind.DENUNCIATION,
                second_time=bool(second_time) and kind == Kind.COMPLAINT,
                several_places=bool(several_places) and kind == Kind.DENUNCIATION,
                transferred_from=transferred_from.strip(),
                internal_notes=internal_notes.strip(),
                external_source=external_source,
                external_code=external_code,
                created_by=actor if _is_user(actor) else None,
            )
            has_identity = any(identity.values())
            p.sender_fingerprint = sender_fingerprint(identity) if has_identity else ""
            refresh_deadlines(p)
            p.full_clean(exclude=["handler", "answer_document", "duplicate_of", "created_by"])
            p.save()
            if has_identity or checked_scans:
                ident = SenderIdentity.objects.create(petition=p, ciphertext=crypto.encrypt_json(identity))
                for f in checked_scans:
                    f.upload.seek(0)
                    scan = IdentityScan(
                        identity=ident,
                        name_ciphertext=crypto.encrypt_json(f.name),
                        content_type=f.content_type,
                        size=f.size,
                    )
                    scan.file.save("scan.bin", ContentFile(crypto.encrypt_bytes(f.upload.read())), save=False)
                    files.track(scan.file)
                    scan.save()
            for f in checked:
                f.upload.seek(0)
                att = PetitionAttachment(
                    petition=p,
                    original_name=f.name,
                    content_type=f.content_type,
                    size=f.size,
                    uploaded_by=actor if _is_user(actor) else None,
                )
                att.file.save(f"{f.kind}", f.upload, save=False)
                files.track(att.file)
                att.save()
            note = _("Nhận đơn qua: %(channel)s") % {"channel": p.get_channel_display()}
            _event(p, EventKind.REGISTER, received_on, actor, note)
            record(
                p,
                AuditAction.CREATE,
                actor if _is_user(actor) else None,
                changes=diff({}, _snap(p)),
                verb=_("Tiếp nhận đơn"),
            )
    except Exception:
        files.discard()
        raise
    return p


def possible_duplicates(petition):
    """Earlier letters of the same organisation from the same sender (by keyed fingerprint).

    Only letters on the same side of the denouncer's protection match: a feedback whose sender
    a clerk may reveal must never point at a denunciation from the same person (nor the other
    way round), or the link itself would name the denouncer."""
    if not petition.sender_fingerprint:
        return Petition.objects.none()
    return (
        Petition.objects.filter(
            organization=petition.organization,
            sender_fingerprint=petition.sender_fingerprint,
            identity_protected=petition.identity_protected,
            duplicate_of__isnull=True,
            received_on__lte=petition.received_on,
        )
        .exclude(pk=petition.pk)
        .order_by("-received_on")
    )


def classify(petition, *, actor, outcome, reason="", kind=None, transferred_to="", on=None):
    """Classify and decide what to do with the letter: accept for handling, transfer, send
    guidance, or file it as not eligible."""
    _check(actor, "classify", petition)
    on = _date(on or _today(), "on")
    _not_before(on, petition.received_on, "on", _("Ngày phân loại không được trước ngày nhận đơn."))
    reason = (reason or "").strip()
    if outcome not in (Outcome.ACCEPT, Outcome.TRANSFER, Outcome.GUIDANCE, Outcome.FILE):
        raise ValidationError({"outcome": _("Kết quả xử lý đơn không hợp lệ.")})
    if outcome == Outcome.FILE and not reason:
        raise ValidationError({"reason": _("Vui lòng ghi lý do không đủ điều kiện thụ lý.")})
    if outcome == Outcome.GUIDANCE and not reason:
        raise ValidationError({"reason": _("Vui lòng ghi nội dung hướng dẫn.")})
    if outcome == Outcome.TRANSFER and not (transferred_to or "").strip():
        raise ValidationError({"transferred_to": _("Vui lòng nhập cơ quan có thẩm quyền nhận đơn chuyển.")})
    if kind and kind not in Kind.values:
        raise ValidationError({"kind": _("Loại đơn không hợp lệ.")})
    if kind and petition.is_anonymous and kind != Kind.DENUNCIATION:
        raise ValidationError({"kind": _("Đơn nặc danh chỉ có thể là đơn tố cáo.")})
    if outcome == Outcome.ACCEPT:
        _refuse_anonymous_denunciation(petition, "outcome")
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        if kind:
            p.kind = kind
        # Confidentiality follows the identity, not the kind the letter has today.
        p.identity_protected = p.identity_protected or p.kind == Kind.DENUNCIATION
        p.outcome = outcome
        p.classified_on = on
        p.eligibility_reason = reason
        p.is_eligible = {Outcome.ACCEPT: True, Outcome.FILE: False}.get(outcome)
        p.transferred_to = (transferred_to or "").strip() if outcome == Outcome.TRANSFER else ""
        p.status = {
            Outcome.ACCEPT: Status.CLASSIFIED,
            Outcome.TRANSFER: Status.TRANSFERRED,
            Outcome.GUIDANCE: Status.GUIDANCE_SENT,
            Outcome.FILE: Status.NOT_ELIGIBLE,
        }[outcome]
        p.finished_on = None if outcome == Outcome.ACCEPT else on
        refresh_deadlines(p)
        note = p.get_outcome_display()
        if p.transferred_to:
            note += f": {p.transferred_to}"
        _event(p, EventKind.CLASSIFY, on, actor, note)
        _save_and_audit(p, before, actor, _("Phân loại, xử lý đơn"), reason=reason)
    return p


def assign(petition, *, actor, handler, on=None):
    """Give the case to a handler (a petition handler or the head of the organisation)."""
    _check(actor, "assign", petition)
    on = _date(on or _today(), "on")
    if handler is None or not (
        access.roles_in(handler, petition.organization) & {Role.PETITION_HANDLER, Role.AGENCY_HEAD}
    ):
        raise ValidationError({"handler": _("Người được giao phải là người xử lý đơn thư của cơ quan.")})
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.handler = handler
        name = handler.get_full_name() or handler.get_username()
        _event(p, EventKind.ASSIGN, on, actor, name)
        _save_and_audit(p, before, actor, _("Giao người xử lý"), action=AuditAction.UPDATE)
    return p


def accept(petition, *, actor, on=None, answer_due=None):
    """Accept the case for handling (thụ lý); starts the resolution period."""
    _check(actor, "accept", petition)
    on = _date(on or _today(), "on")
    _not_before(on, petition.received_on, "on", _("Ngày thụ lý không được trước ngày nhận đơn."))
    _refuse_anonymous_denunciation(petition, "on")
    if petition.kind == Kind.FEEDBACK:
        if not answer_due:
            raise ValidationError({"answer_due": _("Vui lòng đặt hạn trả lời phản ánh, kiến nghị.")})
        if answer_due <= on:
            raise ValidationError({"answer_due": _("Hạn trả lời phải sau ngày thụ lý.")})
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.status = Status.ACCEPTED
        p.accepted_on = on
        p.handler_due = answer_due if p.kind == Kind.FEEDBACK else None
        if p.handler_id is None and _is_user(actor):
            p.handler = actor
        refresh_deadlines(p)
        _event(p, EventKind.ACCEPT, on, actor, _("Hạn giải quyết: %(d)s") % {"d": _fmt(p.resolve_due)})
        _save_and_audit(p, before, actor, _("Thụ lý"))
    return p


def _fmt(day):
    return day.strftime("%d/%m/%Y") if day else "—"


def mark_complex(
    petition, *, actor, complex=False, especially_complex=False, remote=False, reason="", on=None
):
    """Record (in writing) that the case is complex / especially complex / in a remote area."""
    _check(actor, "mark_complex", petition)
    on = _date(on or _today(), "on")
    reason = (reason or "").strip()
    if (complex or especially_complex or remote) and not reason:
        raise ValidationError({"reason": _("Vui lòng ghi căn cứ xác định tính chất vụ việc.")})
    if especially_complex and petition.kind != Kind.DENUNCIATION:
        raise ValidationError(
            {"especially_complex": _("Chỉ vụ việc tố cáo mới được xác định là đặc biệt phức tạp.")}
        )
    if remote and petition.kind != Kind.COMPLAINT:
        raise ValidationError({"remote": _("Thời hạn vùng sâu, vùng xa chỉ áp dụng với khiếu nại.")})
    if petition.kind == Kind.FEEDBACK:
        raise ValidationError(
            _("Phản ánh, kiến nghị không áp dụng thời hạn vụ việc phức tạp; hãy gia hạn trả lời.")
        )
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.is_complex = bool(complex or especially_complex)
        p.is_especially_complex = bool(especially_complex)
        p.is_remote = bool(remote)
        p.complexity_reason = reason
        if p.extensions > _max_extensions(p):
            p.extensions = _max_extensions(p)
        refresh_deadlines(p)
        _event(p, EventKind.COMPLEX, on, actor, reason)
        _save_and_audit(
            p, before, actor, _("Xác định tính chất vụ việc"), reason=reason, action=AuditAction.UPDATE
        )
    return p


def _max_extensions(p):
    return sum(1 for s in p.deadline_steps if str(s.get("step", "")).startswith("extension_"))


def _extension_refusal(p):
    """Why a denunciation cannot be extended, and what would allow it (Luật Tố cáo 2018, Điều 30
    khoản 1: a complex case once, an especially complex case twice, up to 30 days each)."""
    if not (p.is_complex or p.is_especially_complex):
        return _(
            "Vụ tố cáo chưa được xác định là vụ việc phức tạp, nên chưa được gia hạn. Nếu vụ việc phức "
            "tạp, hãy dùng “Xác định tính chất vụ việc” (ghi căn cứ) rồi gia hạn: vụ việc phức tạp được "
            "gia hạn 1 lần, đặc biệt phức tạp 2 lần, mỗi lần không quá 30 ngày (Luật Tố cáo 2018, Điều 30)."
        )
    if not p.is_especially_complex:
        return _(
            "Vụ việc phức tạp chỉ được gia hạn 1 lần và đã gia hạn. Chỉ vụ việc đặc biệt phức tạp mới được "
            "gia hạn lần 2: nếu đúng như vậy, hãy xác định lại tính chất vụ việc (Luật Tố cáo 2018, Điều 30)."
        )
    return _(
        "Vụ việc đặc biệt phức tạp đã được gia hạn đủ 2 lần luật cho phép; không thể gia hạn thêm "
        "(Luật Tố cáo 2018, Điều 30)."
    )


def extend(petition, *, actor, reason, new_due=None, on=None):
    """Extend the resolution period within the legal limits: for a denunciation the next
    extension the law allows (complex: one, especially complex: two); for feedback a new answer
    date set by the handler. Complaints have no extension: mark them complex instead."""
    _check(actor, "extend", petition)
    on = _date(on or _today(), "on")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Vui lòng ghi lý do gia hạn.")})
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        if p.kind == Kind.FEEDBACK:
            if not new_due or (p.resolve_due and new_due <= p.resolve_due):
                raise ValidationError({"new_due": _("Hạn mới phải sau hạn trả lời hiện tại.")})
            # The handler sets the new date; days already suspended are behind it.
            p.handler_due = new_due - datetime.timedelta(days=p.suspended_days)
            p.extensions += 1
            refresh_deadlines(p)
        else:
            wanted = f"extension_{p.extensions + 1}"
            if not any(s.get("step") == wanted for s in p.deadline_steps):
                if p.kind == Kind.COMPLAINT:
                    raise ValidationError(
                        _(
                            "Luật Khiếu nại không cho gia hạn; nếu vụ việc phức tạp, hãy xác định vụ việc phức tạp để áp dụng thời hạn dài hơn."
                        )
                    )
                raise ValidationError(_extension_refusal(p))
            p.extensions += 1
            refresh_deadlines(p)
        _event(
            p,
            EventKind.EXTEND,
            on,
            actor,
            _("Hạn mới: %(d)s. %(r)s") % {"d": _fmt(p.resolve_due), "r": reason},
        )
        _save_and_audit(p, before, actor, _("Gia hạn giải quyết"), reason=reason, action=AuditAction.UPDATE)
    return p


def suspend(petition, *, actor, reason, on=None):
    """Suspend the resolution (tạm đình chỉ): the clock stops until `resume`."""
    _check(actor, "suspend", petition)
    on = _date(on or _today(), "on")
    _not_before(on, petition.accepted_on, "on", _("Ngày tạm đình chỉ không được trước ngày thụ lý."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Vui lòng ghi lý do tạm đình chỉ.")})
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.status = Status.SUSPENDED
        p.suspended_on = on
        _set_next_due(p)
        _event(p, EventKind.SUSPEND, on, actor, reason)
        _save_and_audit(p, before, actor, _("Tạm đình chỉ giải quyết"), reason=reason)
    return p


def resume(petition, *, actor, on=None, reason=""):
    """Resume after a suspension; the resolution deadline moves by the days suspended."""
    _check(actor, "resume", petition)
    on = _date(on or _today(), "on")
    _not_before(on, petition.suspended_on, "on", _("Ngày tiếp tục không được trước ngày tạm đình chỉ."))
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        days = (on - p.suspended_on).days
        p.suspended_days += days
        p.suspended_on = None
        p.status = Status.ACCEPTED
        refresh_deadlines(p)
        note = _("Tạm đình chỉ %(n)s ngày; hạn giải quyết mới: %(d)s") % {"n": days, "d": _fmt(p.resolve_due)}
        _event(p, EventKind.RESUME, on, actor, note)
        _save_and_audit(p, before, actor, _("Tiếp tục giải quyết"), reason=reason)
    return p


def record_verification(petition, *, actor, note, on=None):
    """Record a verification step (xác minh): a visit, a meeting, evidence gathered."""
    _check(actor, "record_verification", petition)
    on = _date(on or _today(), "on")
    _not_before(on, petition.received_on, "on", _("Ngày xác minh không được trước ngày nhận đơn."))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Vui lòng ghi nội dung xác minh.")})
    with transaction.atomic():
        event = _event(petition, EventKind.VERIFY, on, actor, note)
        record(petition, AuditAction.OTHER, actor, verb=_("Ghi nhận bước xác minh"), reason=note[:500])
    return event


def answer(
    petition, *, actor, document=None, new_document=None, public_answer="", internal_notes="", on=None
):
    """Answer the letter or issue the decision. Complaints and denunciations need the answer or
    decision as a document in the registry: one already there (`document`) or one registered here
    in the same transaction (`new_document`: kind, number, symbol, subject, signer_name), through
    `documents.actions.register_answer_document`, which lets the handler of this petition register
    exactly this document although the registry is otherwise closed to them."""
    _check(actor, "answer", petition)
    on = _date(on or _today(), "on")
    _not_before(on, petition.accepted_on, "on", _("Ngày trả lời không được trước ngày thụ lý."))
    public_answer = (public_answer or "").strip()
    if document is not None and new_document:
        raise ValidationError(
            {"document": _("Chọn văn bản có sẵn trong sổ hoặc nhập văn bản mới để vào sổ, không cả hai.")}
        )
    if document is None and new_document:
        return _answer_with_new_document(
            petition,
            actor=actor,
            new_document=new_document,
            public_answer=public_answer,
            internal_notes=internal_notes,
            on=on,
        )
    if petition.kind != Kind.FEEDBACK and document is None:
        raise ValidationError(
            {
                "document": _(
                    "Vui lòng chọn văn bản trả lời hoặc quyết định giải quyết; nếu văn bản chưa có "
                    "trong sổ, nhập số, ký hiệu và trích yếu bên dưới để vào sổ ngay, hoặc đề nghị "
                    "văn thư vào sổ."
                )
            }
        )
    if document is None and not public_answer:
        raise ValidationError(
            {"public_answer": _("Vui lòng chọn văn bản trả lời hoặc nhập nội dung trả lời.")}
        )
    if document is not None and not (
        document.organization_id and document.organization.path.startswith(petition.organization.path)
    ):
        raise ValidationError(
            {"document": _("Văn bản trả lời phải thuộc sổ văn bản của cơ quan giải quyết.")}
        )
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.status = Status.RESOLVED
        p.answer_document = document
        p.public_answer = public_answer
        if internal_notes:
            p.internal_notes = (p.internal_notes + "\n" + internal_notes.strip()).strip()
        p.resolved_on = on
        p.finished_on = on
        p.resolved_on_time = p.resolve_due is None or on <= p.resolve_due
        refresh_deadlines(p)  # a complaint's decision must now be sent within its period
        note = str(document) if document else _("Trả lời bằng văn bản")
        _event(p, EventKind.ANSWER, on, actor, note)
        _save_and_audit(p, before, actor, _("Trả lời, giải quyết"))
    return p


def _answer_with_new_document(petition, *, actor, new_document, public_answer, internal_notes, on):
    from danchu.documents.actions import register_answer_document

    fields = {k: v for k, v in new_document.items() if v not in (None, "")}
    fields.setdefault("issued_on", on)
    with transaction.atomic():
        try:
            document = register_answer_document(petition, actor=actor, **fields)
        except ValidationError as exc:
            # The registry names its fields (number, symbol, ref...); the answer form prefixes them.
            if hasattr(exc, "error_dict"):
                raise ValidationError(
                    {f"new_{k}" if k != "ref" else "new_symbol": v for k, v in exc.error_dict.items()}
                ) from None
            raise
        return answer(
            petition,
            actor=actor,
            document=document,
            public_answer=public_answer,
            internal_notes=internal_notes,
            on=on,
        )


def request_answer_document(petition, *, actor, note=""):
    """Ask the clerks of the petition's organisation to register its answer document: each gets an
    in-app notice, and the case's timeline says who asked."""
    from danchu.orgs.models import RoleAssignment

    _check(actor, "request_document", petition)
    note = (note or "").strip()[:300]
    today = _today()
    with transaction.atomic():
        p = _lock(petition)
        # The clerks of the organisation: a clerk's role over an ancestor covers it too.
        clerks = sorted(
            {
                a.user_id
                for a in RoleAssignment.objects.filter(role=Role.CLERK, user__is_active=True).select_related(
                    "organization"
                )
                if p.organization.path.startswith(a.organization.path)
            }
        )
        if not clerks:
            raise ValidationError(
                _("Cơ quan chưa có văn thư để nhận đề nghị; hãy báo lãnh đạo cơ quan vào sổ văn bản trả lời.")
            )
        # Stored text for other users: Vietnamese whatever the interface language.
        message = f"Đề nghị vào sổ văn bản trả lời đơn {p.reference}" + (f": {note}" if note else "")
        from django.contrib.auth import get_user_model

        notify(
            DOCUMENT_REQUEST,
            list(get_user_model().objects.filter(pk__in=clerks)),
            params={"ref": p.reference, "note": f": {note}" if note else ""},
            target=p,
            organization=p.organization,
            actor=actor if _is_user(actor) else None,
            due=today,
            url=reverse("petitions:detail", args=[p.uuid]),
        )
        _event(p, EventKind.DOCUMENT_REQUEST, today, actor, message[:1000])
        record(
            p,
            AuditAction.UPDATE,
            actor if _is_user(actor) else None,
            changes={},
            verb="Đề nghị văn thư vào sổ văn bản trả lời",
        )
    return len(clerks)


def record_decision_sent(petition, *, actor, on=None, note=""):
    """Record that a complaint's decision was sent to the parties (Luật Khiếu nại Art. 32 for a
    first complaint, Art. 41 for a second): the sending deadline stops being tracked."""
    _check(actor, "send_decision", petition)
    on = _date(on or _today(), "on")
    if petition.kind != Kind.COMPLAINT or petition.status != Status.RESOLVED:
        raise ValidationError(_("Chỉ ghi nhận gửi quyết định cho khiếu nại đã có quyết định giải quyết."))
    if petition.decision_sent_on:
        raise ValidationError(
            _("Đã ghi nhận gửi quyết định ngày %(d)s.") % {"d": _fmt(petition.decision_sent_on)}
        )
    _not_before(
        on, petition.resolved_on, "on", _("Ngày gửi quyết định không được trước ngày ban hành quyết định.")
    )
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.decision_sent_on = on
        _set_next_due(p)
        late = p.send_due and on > p.send_due
        text = _("Gửi quyết định giải quyết (hạn %(d)s)") % {"d": _fmt(p.send_due)}
        if late:
            text += " — " + _("gửi chậm")
        _event(p, EventKind.SEND_DECISION, on, actor, (text + (f". {note.strip()}" if note else ""))[:1000])
        _save_and_audit(
            p, before, actor, _("Gửi quyết định giải quyết"), reason=note, action=AuditAction.UPDATE
        )
    return p


def close(petition, *, actor, on=None, note=""):
    """Close a finished case (answered, transferred, guidance sent or filed)."""
    _check(actor, "close", petition)
    on = _date(on or _today(), "on")
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.status = Status.CLOSED
        p.closed_at = timezone.now()
        p.finished_on = p.finished_on or on
        _set_next_due(p)
        _event(p, EventKind.CLOSE, on, actor, note)
        _save_and_audit(p, before, actor, _("Kết thúc hồ sơ"), reason=note)
    return p


def link_duplicate(petition, *, actor, original, note="", on=None):
    """Link a duplicate letter (same sender, same matter) to the original: it is closed and not
    counted again in statistics."""
    _check(actor, "link_duplicate", petition)
    on = _date(on or _today(), "on")
    if original is None or original.pk == petition.pk:
        raise ValidationError({"original": _("Vui lòng chọn đơn gốc khác với đơn này.")})
    if original.duplicate_of_id:
        raise ValidationError({"original": _("Đơn được chọn cũng là đơn trùng; hãy chọn đơn gốc.")})
    if not original.organization.path.startswith(petition.organization.path) and not (
        petition.organization.path.startswith(original.organization.path)
    ):
        raise ValidationError({"original": _("Đơn gốc phải thuộc cùng cơ quan.")})
    if original.identity_protected != petition.identity_protected:
        raise ValidationError(
            {
                "original": _(
                    "Không gộp đơn tố cáo với đơn không được bảo vệ danh tính người gửi: "
                    "việc gộp sẽ làm lộ danh tính người tố cáo."
                )
            }
        )
    with transaction.atomic():
        p = _lock(petition)
        before = _snap(p)
        p.duplicate_of = original
        p.outcome = Outcome.DUPLICATE
        p.status = Status.CLOSED
        p.finished_on = max(on, p.received_on)
        p.closed_at = timezone.now()
        _set_next_due(p)
        _event(p, EventKind.DUPLICATE, on, actor, _("Trùng với đơn %(ref)s") % {"ref": original.reference})
        _save_and_audit(p, before, actor, _("Gộp đơn trùng"), reason=note)
    return p


# ---------------------------------------------------------------- confidential identity


def reveal_identity(petition, *, actor, reason):
    """Decrypt and return the sender's identity for `actor`, writing an AuditAction.REVEAL row
    with the reason. For a denunciation only the assigned handler and the head may."""
    reason = (reason or "").strip()
    if actor is None or not may(actor, "reveal", petition):
        raise PermissionDenied
    if len(reason) < 5:
        raise ValidationError({"reason": _("Vui lòng ghi rõ lý do cần xem thông tin người gửi.")})
    identity = SenderIdentity.objects.filter(petition=petition).first()
    with transaction.atomic():
        record(petition, AuditAction.REVEAL, actor, verb=_("Xem thông tin người gửi"), reason=reason)
    if identity is None:
        return {"anonymous": True, "scans": []}
    data = crypto.decrypt_json(identity.ciphertext)
    data["anonymous"] = False
    data["scans"] = [
        {"id": s.pk, "name": crypto.decrypt_json(s.name_ciphertext), "size": s.size}
        for s in identity.scans.all()
    ]
    return data


def open_identity_scan(scan, *, actor, reason):
    """The decrypted bytes of one identity scan; audited like a reveal."""
    petition = scan.identity.petition
    reason = (reason or "").strip()
    if actor is None or not may(actor, "reveal", petition):
        raise PermissionDenied
    if len(reason) < 5:
        raise ValidationError({"reason": _("Vui lòng ghi rõ lý do cần xem thông tin người gửi.")})
    with transaction.atomic():
        record(
            petition, AuditAction.REVEAL, actor, verb=_("Mở bản chụp giấy tờ của người gửi"), reason=reason
        )
    with scan.file.open("rb") as fh:
        data = crypto.decrypt_bytes(fh.read())
    return crypto.decrypt_json(scan.name_ciphertext), scan.content_type, data


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
    with transaction.atomic():
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
    with transaction.atomic():
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


# ---------------------------------------------------------------- key rotation


def rotate_identity_keys():
    """Re-encrypt every sender identity, scan name and scan file with the newest key of
    FIELD_ENCRYPTION_KEY, and recompute every sender fingerprint with the fingerprint key
    (crypto.fingerprint_key). Safe to run again; returns (identities, scans) rewritten. Nothing
    is decrypted into the trail or logs."""
    identities = scans = 0
    for ident in SenderIdentity.objects.select_related("petition").iterator():
        with transaction.atomic():
            ident.ciphertext = crypto.rotate(ident.ciphertext.encode()).decode()
            ident.save(update_fields=["ciphertext"])
            p = ident.petition
            fingerprint = sender_fingerprint(crypto.decrypt_json(ident.ciphertext))
            if fingerprint != p.sender_fingerprint:
                Petition.objects.filter(pk=p.pk).update(sender_fingerprint=fingerprint)
            identities += 1
            for scan in ident.scans.all():
                with scan.file.open("rb") as fh:
                    data = crypto.rotate(fh.read())
                old_name = scan.file.name
                scan.file.save("scan.bin", ContentFile(data), save=False)
                scan.name_ciphertext = crypto.rotate(scan.name_ciphertext.encode()).decode()
                scan.save(update_fields=["file", "name_ciphertext"])
                transaction.on_commit(lambda storage=scan.file.storage, name=old_name: storage.delete(name))
                scans += 1
    return identities, scans
