"""Registering a letter, duplicates, classification, assignment and acceptance."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record
from danchu.core import transactions
from danchu.orgs import access
from danchu.orgs.models import Role

from .. import crypto, uploads
from ..models import (
    EventKind,
    IdentityScan,
    Kind,
    Outcome,
    Petition,
    PetitionAttachment,
    SenderIdentity,
    SenderType,
    Status,
)
from .handling import _fmt
from .shared import (
    IDENTITY_FIELDS,
    _check,
    _date,
    _event,
    _Files,
    _is_user,
    _lock,
    _next_reference,
    _not_before,
    _refuse_anonymous_denunciation,
    _save_and_audit,
    _snap,
    _today,
    _unique_code,
    refresh_deadlines,
    sender_fingerprint,
)

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
        with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
