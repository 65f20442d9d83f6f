"""Review, signature (the number shared with the registry, the snapshot) and the signature's withdrawal."""

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core import numbering, transactions
from danchu.core.jsonsafe import plain
from danchu.core.officialdoc import in_vietnamese
from danchu.orgs import access

from ..indicators import compute
from ..models import (
    Report,
    ReportSnapshot,
    ReportStatus,
    ReportTemplate,
)
from .drafting import _require_draft
from .shared import _transition


@transactions.action()
def mark_reviewed(report, *, actor):
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    access.check(
        actor,
        "reporting.review",
        report.organization,
        _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được rà soát báo cáo."),
    )
    report.reviewed_at = timezone.now()
    _transition(report, actor, ReportStatus.REVIEWED, "rà soát báo cáo")
    return report


@transactions.action()
def return_to_draft(report, *, actor, reason=""):
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.REVIEWED:
        raise ValidationError(_("Chỉ trả về dự thảo được báo cáo đã rà soát, chưa ký."))
    access.check(
        actor,
        "reporting.review",
        report.organization,
        _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được trả báo cáo về dự thảo."),
    )
    _transition(report, actor, ReportStatus.DRAFT, "trả về dự thảo", reason)
    return report


# The kind of document a report is, in the registry and in its symbol (BC-STTTT-VP).
REPORT_KIND = "BC"


def greatest_registered_number(org, year, kind=REPORT_KIND):
    """The greatest numeric number among `org`'s own outgoing documents of `kind` issued in `year`
    (live ones), 0 when there is none. Numbers are stored as text ("120", "02"); a number that is
    not a plain number (typed by hand, e.g. "12a") takes no place in the sequence."""
    from danchu.documents.models import Direction, Document

    numbers = (
        Document.objects.alive()
        .filter(
            organization=org,
            issuer_org=org,
            direction=Direction.ISSUED,
            is_party=False,
            kind=kind,
            year=year,
        )
        .values_list("number", flat=True)
    )
    return max((int(n) for n in numbers if n.isascii() and n.isdigit()), default=0)


def next_number(org, year, kind=REPORT_KIND):
    """The next number of `org`'s yearly sequence of `kind`, shared with the registry: one more than
    both the greatest number the văn thư registered (by hand or by danchu) and the last number
    this sequence gave. The sequence row is locked until the transaction ends, so two signatures
    never take the same number."""
    return numbering.allocate(
        org, numbering.document_kind(kind), year, at_least=greatest_registered_number(org, year, kind)
    )


def _register(report, *, actor):
    """Enter the signed report in the agency's register of outgoing documents (sổ văn bản đi)
    through the registry's own action, which validates it and writes its audit row."""
    from danchu.documents import actions as document_actions
    from danchu.documents.models import Direction, RelationKind

    signer = report.signer.person.full_name if report.signer_id else ""
    try:
        document = document_actions.create_document(
            actor=actor,
            organization=report.organization,
            direction=Direction.ISSUED,
            kind=REPORT_KIND,
            number=f"{report.number:02d}",
            symbol=report.symbol,
            issued_on=report.report_date,
            issuer_org=report.organization,
            subject=report.title,
            signer_name=signer,
        )
    except ValidationError as exc:
        raise ValidationError(
            _(
                "Chưa ký được: sổ văn bản đi không nhận báo cáo số %(ref)s. %(reason)s Hãy kiểm tra "
                "sổ văn bản đi: nếu văn thư đã vào sổ số này cho văn bản khác, sửa hoặc xóa văn bản "
                "đó rồi ký lại; báo cáo vẫn ở bước đã rà soát."
            )
            % {"ref": report.reference, "reason": " ".join(exc.messages)},
            code="registry",
        ) from None
    previous = report.corrects.registry_document if report.corrects_id else None
    if previous is not None and previous.deleted_at is None:
        # The corrected version is a new document that replaces the one issued before.
        document_actions.add_relation(document, previous, RelationKind.REPLACES, actor=actor)
    return document


def _active_template(report):
    """The uploaded template the report renders with (its own, else the active one of its type
    and framework), None for the default file: recorded in the snapshot at signature."""
    if report.template_id:
        return report.template
    return (
        ReportTemplate.objects.filter(
            report_type=report.report_type, framework=report.framework, is_active=True
        )
        .order_by("-uploaded_at")
        .first()
    )


@in_vietnamese
def _freeze(report, data, actor):
    """The snapshot of what the head signs: the values, lists and documents, the section texts and
    the whole context of the document (reference, date, signature block, recipients, sentences,
    appendix), plus the template it renders with."""
    from ..content import build_context

    template = _active_template(report)
    return ReportSnapshot.objects.create(
        report=report,
        values=data.to_json(),
        content={
            "sections": {s.key: s.text for s in report.sections.all()},
            "context": plain(build_context(report, data)),
            "template": template.pk if template else None,
        },
        number=report.number,
        reference=report.reference,
        registry_document=report.registry_document,
        signed_by=actor,
        signed_at=report.signed_at,
    )


@transactions.action()
def sign(report, *, actor):
    """Sign: the checks must pass; the number is the next of the issuer's yearly sequence of
    reports, shared with the registry, and the signed report is entered in the register of
    outgoing documents; the figures, lists and texts the checks saw are frozen in the snapshot
    that submission renders. All or nothing: if the registry refuses the entry, nothing changes."""
    from ..checks import run_checks

    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.REVIEWED:
        raise ValidationError(_("Chỉ ký được báo cáo đã rà soát."))
    access.check(actor, "reporting.sign", report.organization, _("Chỉ lãnh đạo cơ quan được ký báo cáo."))
    with translation.override("vi"):  # the labels frozen with the lists are the document's
        data = compute(report.organization, report.period, report.data_start, report.data_end)
    errors = [p for p in run_checks(report, data) if p.is_error]
    if errors:
        raise ValidationError(
            _("Chưa ký được: còn %(n)s lỗi cần sửa (%(first)s).")
            % {"n": len(errors), "first": errors[0].message}
        )
    report.number = next_number(report.organization, report.report_date.year)
    report.registry_document = _register(report, actor=actor)
    report.signed_at = timezone.now()
    _freeze(report, data, actor)
    _transition(report, actor, ReportStatus.SIGNED, f"ký báo cáo số {report.reference}")
    return report


@transactions.action()
def withdraw_signature(report, *, actor, reason):
    """Withdraw the signature of a signed report that was not submitted (its signed figures no
    longer hold, or the head must sign another text): the report returns to "reviewed" to be
    checked and signed again. Per Nghị định 30/2020 the number is given after the signature and
    belongs to the signed text: the number is not reused, its entry in the register of outgoing
    documents is kept with a note, and the snapshot is kept, marked withdrawn. The next signature
    takes the next number."""
    from danchu.documents import actions as document_actions
    from danchu.documents.models import RelationKind

    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SIGNED:
        raise ValidationError(_("Chỉ hủy chữ ký được báo cáo đã ký, chưa gửi."))
    access.check(
        actor, "reporting.sign", report.organization, _("Chỉ lãnh đạo cơ quan được hủy chữ ký báo cáo.")
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do hủy chữ ký.")})
    reference = report.reference
    frozen = report.snapshot
    if frozen is not None:
        frozen.withdrawn_at, frozen.withdrawn_by, frozen.withdrawal_reason = timezone.now(), actor, reason
        frozen.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    document = report.registry_document
    if document is not None and document.deleted_at is None:
        note = f"Không phát hành: lãnh đạo hủy chữ ký ngày {timezone.localdate():%d/%m/%Y} ({reason}); số này không dùng lại."
        document_actions.update_document(document, actor=actor, notes=f"{document.notes}\n{note}".strip())
        # An entry never issued replaces nothing: the next signature's entry replaces the version
        # this one corrected, and the register must not show it replaced twice.
        for relation in document.relations_out.filter(kind=RelationKind.REPLACES).select_related("target"):
            document_actions.remove_relation(relation, actor=actor)
    before = snapshot(report)
    report.number, report.registry_document, report.signed_at = None, None, None
    report.status = ReportStatus.REVIEWED
    report.save()
    record(
        report,
        AuditAction.TRANSITION,
        actor,
        changes=diff(before, snapshot(report)),
        verb=f"hủy chữ ký báo cáo số {reference}",
        reason=reason,
    )
    return report
