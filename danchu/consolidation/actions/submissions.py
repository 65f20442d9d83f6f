"""The agencies answers: submitted reports, corrections, uploads, review."""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.models import AuditAction
from danchu.audit.trail import record, record_create
from danchu.core import transactions
from danchu.orgs import access

from .. import figures
from .. import notifications as notices
from ..models import (
    RequestTarget,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from .requests import MANAGERS_ONLY, _notify

SUBMITTERS_ONLY = gettext_lazy("Chỉ lãnh đạo và cán bộ của cơ quan được gửi báo cáo của cơ quan.")

UPLOAD_SIGNATURES = {".pdf": b"%PDF", ".docx": b"PK\x03\x04"}


# Submissions


def _prepare_version(request, org):
    """The current submission (locked) if it was returned, checking the agency may submit now."""
    if not RequestTarget.objects.filter(request=request, organization=org).exists():
        raise ValidationError(_("Cơ quan này không thuộc danh sách phải báo cáo theo yêu cầu này."))
    current = (
        Submission.objects.select_for_update()
        .filter(request=request, organization=org, is_current=True)
        .first()
    )
    if current is not None and current.status != SubmissionStatus.RETURNED:
        raise ValidationError(
            _("Cơ quan đã gửi báo cáo (phiên bản %(version)s); chỉ gửi lại được khi báo cáo bị trả lại.")
            % {"version": current.version}
        )
    return current


def _new_submission(request, org, current, actor, submitted_at=None, **fields):
    now = submitted_at or timezone.now()
    if current is not None:
        Submission.objects.filter(pk=current.pk).update(is_current=False)
    submission = Submission.objects.create(
        request=request,
        organization=org,
        version=(current.version + 1) if current else 1,
        previous=current,
        submitted_at=now,
        submitted_by=actor,
        is_late=timezone.localdate(now) > request.deadline,
        **fields,
    )
    record_create(
        submission,
        actor,
        organization=org,
        verb=f"gửi báo cáo phiên bản {submission.version}" + (" (muộn)" if submission.is_late else ""),
    )
    return submission


def _later_submitted_version(report):
    """The newest submitted correction of `report`, if any (corrections are a chain v1 → v2 → …)."""
    from danchu.reporting.models import Report, ReportStatus

    return (
        Report.objects.filter(
            organization=report.organization_id,
            period=report.period_id,
            report_type=report.report_type,
            version__gt=report.version,
            status=ReportStatus.SUBMITTED,
        )
        .order_by("-version")
        .first()
    )


@transactions.action()
def submit_report(request, org, report, *, actor, note="", submitted_at=None):
    """Answer with a report written and submitted in danchu: its frozen snapshot is the figures."""
    from danchu.reporting.models import ReportStatus

    access.check(actor, "consolidation.submit", org, SUBMITTERS_ONLY)
    current = _prepare_version(request, org)
    if report.organization_id != org.pk:
        raise ValidationError(_("Báo cáo được chọn không phải của cơ quan này."))
    if report.period_id != request.period_id:
        raise ValidationError(_("Báo cáo được chọn không thuộc kỳ báo cáo của yêu cầu."))
    if report.status != ReportStatus.SUBMITTED or report.snapshot is None:
        raise ValidationError(_("Chỉ gửi được báo cáo đã ký và đã chốt số liệu (trạng thái “Đã gửi”)."))
    later = _later_submitted_version(report)
    if later is not None:
        raise ValidationError(
            _("Báo cáo này đã có bản đính chính đã gửi (phiên bản %(version)s); hãy gửi bản mới nhất.")
            % {"version": later.version}
        )
    values = figures.from_snapshot(report.snapshot.values)
    return _new_submission(
        request,
        org,
        current,
        actor,
        submitted_at=submitted_at,
        kind=SubmissionKind.REPORT,
        report=report,
        values=values,
        note=note.strip(),
        correction_reason=report.correction_reason if report.version > 1 else "",
    )


@transactions.action()
def forward_correction(report, *, actor):
    """A corrected version (v2…) signed and submitted in reporting becomes the current answer to
    every request one of its earlier versions answers: a new version of that submission, with the
    correction's frozen figures and reason, waiting for the officer's review again (an accepted
    or returned earlier version alike; the earlier versions are kept). Timeliness stays judged on
    the first version (provincial.TargetRow.state). Called by reporting.actions.submit inside its
    transaction. Returns the new submissions."""
    if not report.corrects_id:
        return []
    access.check(actor, "consolidation.submit", report.organization, SUBMITTERS_ONLY)
    earlier = []
    version = report.corrects
    while version is not None:
        earlier.append(version.pk)
        version = version.corrects
    currents = list(
        Submission.objects.select_for_update(of=("self",))  # not the joined rows (PostgreSQL)
        .filter(is_current=True, kind=SubmissionKind.REPORT, report_id__in=earlier)
        .select_related("request", "organization", "report")
        .order_by("pk")
    )
    values = figures.from_snapshot(report.snapshot.values)
    created = []
    for current in currents:
        with translation.override("vi"):  # stored, read by the province: Vietnamese
            note = _(
                "Bản đính chính phiên bản %(version)s của báo cáo %(ref)s, thay cho phiên bản %(old)s."
            ) % {
                "version": report.version,
                "ref": report.reference,
                "old": current.report.version,
            }
        submission = _new_submission(
            current.request,
            current.organization,
            current,
            actor,
            submitted_at=report.submitted_at,
            kind=SubmissionKind.REPORT,
            report=report,
            values=values,
            note=note,
            correction_reason=report.correction_reason,
        )
        created.append(submission)
    return created


def _check_upload(uploaded_file):
    name = uploaded_file.name or ""
    ext = name[name.rfind(".") :].lower() if "." in name else ""
    if ext not in UPLOAD_SIGNATURES:
        raise ValidationError({"file": _("Chỉ nhận tệp báo cáo dạng DOCX hoặc PDF.")})
    if uploaded_file.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("Tệp quá lớn (tối đa %(mb)s MB).")
                % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}
            }
        )
    uploaded_file.seek(0)
    content = uploaded_file.read()
    from danchu.documents.uploads import DOCX, PDF, sniff

    kind = sniff(uploaded_file)  # a zip named .docx must really be a Word document
    if not content.startswith(UPLOAD_SIGNATURES[ext]) or kind != {".pdf": PDF, ".docx": DOCX}[ext]:
        raise ValidationError(
            {"file": _("Nội dung tệp không phải là tệp %(kind)s hợp lệ.") % {"kind": ext[1:].upper()}}
        )
    return content


def clean_values(values):
    """Validate a {code: number} dict of entered figures; rates left blank are computed."""
    from danchu.reporting.indicators import BY_CODE

    errors, cleaned = {}, {}
    for code, value in values.items():
        if code not in BY_CODE:
            errors[code] = _("Chỉ tiêu “%(code)s” không tồn tại.") % {"code": code}
            continue
        if value is None or value == "":
            continue
        value = Decimal(str(value))
        problem = figures.check_value(BY_CODE[code], value)
        if problem:
            errors[code] = problem
        else:
            cleaned[code] = figures.plain(value)
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError(_("Phải nhập ít nhất một số liệu của phụ lục."))
    return figures.fill_ratios(cleaned)


@transactions.action()
def submit_upload(request, org, *, actor, uploaded_file, values, note="", submitted_at=None):
    """Answer with an uploaded DOCX/PDF report and the appendix figures entered by hand."""
    access.check(actor, "consolidation.submit", org, SUBMITTERS_ONLY)
    current = _prepare_version(request, org)
    content = _check_upload(uploaded_file)
    cleaned = clean_values(values)
    base = uploaded_file.name.replace("/", "_").replace("\\", "_")[-120:]
    stored = ContentFile(content)
    submission = _new_submission(
        request,
        org,
        current,
        actor,
        submitted_at=submitted_at,
        kind=SubmissionKind.UPLOAD,
        values=cleaned,
        note=note.strip(),
        original_name=base,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
    submission.file.save(base, stored, save=True)
    return submission


@transactions.action()
def accept_submission(submission, *, actor):
    submission = (
        Submission.objects.select_for_update().select_related("request__requesting_org").get(pk=submission.pk)
    )
    access.check(actor, "consolidation.manage", submission.request.requesting_org, MANAGERS_ONLY)
    if not submission.is_current or submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Chỉ tiếp nhận được phiên bản mới nhất đang chờ xem xét."))
    submission.status = SubmissionStatus.ACCEPTED
    submission.reviewed_at, submission.reviewed_by = timezone.now(), actor
    submission.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    record(
        submission,
        AuditAction.TRANSITION,
        actor,
        organization=submission.organization,
        changes={"status": [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]},
        verb="tiếp nhận báo cáo",
    )
    return submission


@transactions.action()
def return_submission(submission, *, actor, reason):
    submission = (
        Submission.objects.select_for_update().select_related("request__requesting_org").get(pk=submission.pk)
    )
    access.check(actor, "consolidation.manage", submission.request.requesting_org, MANAGERS_ONLY)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do trả lại báo cáo.")})
    if not submission.is_current or submission.status == SubmissionStatus.RETURNED:
        raise ValidationError(_("Chỉ trả lại được phiên bản mới nhất chưa bị trả lại."))
    before = submission.status
    submission.status = SubmissionStatus.RETURNED
    submission.return_reason = reason
    submission.reviewed_at, submission.reviewed_by = timezone.now(), actor
    submission.save(update_fields=["status", "return_reason", "reviewed_at", "reviewed_by"])
    record(
        submission,
        AuditAction.TRANSITION,
        actor,
        organization=submission.organization,
        changes={"status": [before, SubmissionStatus.RETURNED]},
        verb="trả lại báo cáo",
        reason=reason,
    )
    _notify(
        submission.request,
        [submission.organization],
        actor,
        notices.RETURNED,
        {"ref": submission.request.reference, "reason": reason},
    )
    return submission
