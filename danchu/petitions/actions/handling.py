"""Handling an accepted letter: complexity, extensions, suspension, verification, answer and closing."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import transactions
from danchu.notifications.actions import notify
from danchu.orgs.models import Role

from ..models import (
    EventKind,
    Kind,
    Outcome,
    Status,
)
from ..notifications import DOCUMENT_REQUEST
from .shared import (
    _check,
    _date,
    _event,
    _is_user,
    _lock,
    _not_before,
    _save_and_audit,
    _set_next_due,
    _snap,
    _today,
    refresh_deadlines,
)


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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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
    with transactions.action():
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


def _answer_with_new_document(petition, *, actor, new_document, public_answer, internal_notes, on):
    from danchu.documents.actions import register_answer_document

    fields = {k: v for k, v in new_document.items() if v not in (None, "")}
    fields.setdefault("issued_on", on)
    with transactions.action():
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
    with transactions.action():
        p = _lock(petition)
        # The clerks of the organisation: a clerk's role over an ancestor covers it too. The paths of
        # the organisation and of its ancestors are the prefixes of its own ("/1/", "/1/5/", …).
        parts = p.organization.path.strip("/").split("/")
        paths = ["/" + "/".join(parts[: n + 1]) + "/" for n in range(len(parts))]
        clerks = sorted(
            set(
                RoleAssignment.objects.filter(
                    role=Role.CLERK, user__is_active=True, organization__path__in=paths
                ).values_list("user_id", flat=True)
            )
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
