"""Submitting the signed files, refused when the registers drifted from the signed figures; the PDF added later."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import transactions
from danchu.core.officialdoc import in_vietnamese
from danchu.orgs import access

from .. import rendering
from ..indicators import BY_CODE, compute
from ..models import (
    FileFormat,
    Report,
    ReportStatus,
)
from .builds import render_signed
from .shared import _discard_on_failure, _store_file, _transition

# The lists of the document, named for the differences a submission lists.
LIST_LABELS = {
    "campaigns": "Danh sách đợt tuyên truyền, phổ biến",
    "funds": "Danh sách kinh phí thực hiện",
    "led_subjects": "Danh sách đối tượng thanh tra, kiểm tra do cơ quan chủ trì",
    "joint_by_partner": "Danh sách cuộc thanh tra, kiểm tra phối hợp",
    "referred_to": "Danh sách vụ việc chuyển cơ quan có thẩm quyền",
    "postings": "Danh sách tin, bài, văn bản đăng tải",
}
DOCUMENT_GROUPS = {"party": "Văn bản của cấp ủy đã ban hành", "government": "Văn bản chính quyền đã ban hành"}


def _shown(indicator, value):
    return indicator.format(value) if value is not None else "—"


@in_vietnamese
def signed_differences(report, frozen=None, data=None):
    """What a register change since the signature would alter in the signed report: a list of
    Vietnamese lines "label: signed value → current value" (empty when the signed figures still
    hold). Compares every indicator value, every list and the documents issued in the window."""
    frozen = frozen or report.snapshot
    if frozen is None:
        return []
    if data is None:
        data = compute(report.organization, report.period, report.data_start, report.data_end)
    current, signed = data.to_json(), frozen.values
    lines = []
    for code, item in signed.get("values", {}).items():
        indicator = BY_CODE.get(code)
        now = current["values"].get(code, {}).get("value")
        if indicator is not None and item.get("value") != now:
            lines.append(
                _("%(label)s: %(signed)s → %(now)s")
                % {
                    "label": indicator.label,
                    "signed": _shown(indicator, item.get("value")),
                    "now": _shown(indicator, now),
                }
            )
    pairs = [
        (LIST_LABELS.get(name, name), signed.get("lists", {}).get(name, []), current["lists"].get(name, []))
        for name in sorted(set(signed.get("lists", {})) | set(current["lists"]))
    ] + [
        (label, signed.get("documents", {}).get(group, []), current["documents"].get(group, []))
        for group, label in DOCUMENT_GROUPS.items()
    ]
    for label, before, after in pairs:
        if before != after:
            if len(before) != len(after):
                lines.append(
                    _("%(label)s: %(signed)s → %(now)s mục")
                    % {"label": label, "signed": len(before), "now": len(after)}
                )
            else:
                lines.append(_("%(label)s: nội dung đã thay đổi") % {"label": label})
    return lines


def _drift_error(report, frozen, lines):
    return ValidationError(
        [
            _(
                "Chưa gửi được: sổ theo dõi đã thay đổi sau khi ký, số liệu của báo cáo số "
                "%(ref)s không còn đúng với số liệu đã ký:"
            )
            % {"ref": frozen.reference},
            *lines,
            _(
                "Lãnh đạo hãy “Hủy chữ ký để ký lại” (ghi lý do): báo cáo trở về bước đã rà soát, "
                "được kiểm tra và ký lại với số liệu hiện tại và nhận số mới; số %(ref)s đã cấp "
                "vẫn ghi trong sổ văn bản đi và không dùng lại."
            )
            % {"ref": frozen.reference},
        ],
        code="signed_figures_changed",
    )


def _require_submittable(report, actor):
    if report.status != ReportStatus.SIGNED:
        raise ValidationError(_("Chỉ gửi được báo cáo đã ký."))
    access.check(
        actor, "reporting.submit", report.organization, _("Bạn không có quyền gửi báo cáo của cơ quan này.")
    )
    frozen = report.snapshot
    if frozen is None:  # signed before snapshots were taken at signature: sign again
        raise ValidationError(_("Báo cáo đã ký chưa có bản chốt số liệu; hãy hủy chữ ký và ký lại."))
    return frozen


def _render_for_submission(report, frozen):
    """The DOCX and XLSX always; the PDF when the converter or LibreOffice makes it.
    ({fmt: bytes}, message)."""
    files = render_signed(report, frozen, ["docx", "xlsx"])
    if not rendering.pdf_configured():
        return files, _(
            "Máy chủ chưa cài LibreOffice: đã gửi tệp DOCX và XLSX; bản PDF bổ sung sau bằng nút "
            "“Tạo bản PDF từ tệp DOCX đã chốt”."
        )
    try:
        files["pdf"] = rendering.render_pdf(files["docx"], rendering.file_basename(report))
    except rendering.PdfUnavailable as exc:
        return files, _("%(error)s Đã gửi tệp DOCX và XLSX; bản PDF bổ sung sau từ tệp DOCX đã chốt.") % {
            "error": exc
        }
    return files, ""


def _report_receivers():
    """The functions of the installed apps that receive a submitted report (consolidation forwards a
    correction to every request an earlier version answers): an app declares
    `report_submitted = "dotted.path"` on its AppConfig. Called inside the submission's
    transaction, so a report is never submitted without reaching them."""
    from django.apps import apps
    from django.utils.module_loading import import_string

    return [
        import_string(config.report_submitted)
        for config in apps.get_app_configs()
        if getattr(config, "report_submitted", None)
    ]


@in_vietnamese
def submit(report, *, actor):
    """Submit to the requesting body: the files are rendered from the signed snapshot (outside
    the locked transaction) and stored with their SHA-256. Refused, with the differences, when a
    register change since the signature would alter a signed figure. Without LibreOffice the DOCX
    and XLSX are still handed over (`report.submission_message` says so); add_pdf adds the PDF."""
    report = Report.objects.get(pk=report.pk)
    frozen = _require_submittable(report, actor)
    lines = signed_differences(report, frozen)
    if lines:
        raise _drift_error(report, frozen, lines)
    try:
        files, message = _render_for_submission(report, frozen)
    except rendering.RenderError as exc:  # a broken template: nothing is submitted
        raise ValidationError(str(exc), code="render") from None
    with _discard_on_failure() as stored, transactions.action():
        report = Report.objects.select_for_update().get(pk=report.pk)
        locked = _require_submittable(report, actor)
        if locked.pk != frozen.pk:
            raise ValidationError(_("Báo cáo vừa được ký lại trong lúc gửi; hãy bấm “Gửi báo cáo” lại."))
        lines = signed_differences(report, locked)
        if lines:
            raise _drift_error(report, locked, lines)
        for fmt, content in files.items():
            stored.append(_store_file(report, fmt, content, locked))
        report.submitted_at = timezone.now()
        _transition(report, actor, ReportStatus.SUBMITTED, "gửi báo cáo", reason=message)
        for receive in _report_receivers():
            receive(report, actor=actor)
    report.submission_message = message
    return report


@in_vietnamese
def add_pdf(report, *, actor):
    """Add the PDF of a submitted report that was handed over without one (LibreOffice missing or
    failing at submission): converted from the frozen DOCX, whose bytes are checked against their
    SHA-256 first and never changed; stored with its own SHA-256 and audited. `actor` None is the
    command line."""
    report = Report.objects.get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ bổ sung bản PDF cho báo cáo đã gửi."))
    access.check(
        actor, "reporting.submit", report.organization, _("Bạn không có quyền bổ sung tệp cho báo cáo này.")
    )
    frozen = report.snapshot
    files = {f.format: f for f in frozen.files.all()}
    if "pdf" in files:
        raise ValidationError(_("Báo cáo đã có bản PDF đã chốt."))
    if "docx" not in files:
        raise ValidationError(_("Báo cáo đã gửi không có tệp DOCX đã chốt để tạo bản PDF."))
    with files["docx"].file.open("rb") as fh:
        docx = fh.read()
    if rendering.sha256(docx) != files["docx"].sha256:
        raise ValidationError(
            _("Tệp DOCX đã chốt không khớp mã SHA-256 đã lưu; không tạo bản PDF từ tệp này.")
        )
    try:
        pdf = rendering.render_pdf(docx, rendering.file_basename(report))
    except rendering.PdfUnavailable as exc:
        raise ValidationError(str(exc), code="pdf_unavailable") from None
    with _discard_on_failure() as stored, transactions.action():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.snapshot.files.filter(format=FileFormat.PDF).exists():
            raise ValidationError(_("Báo cáo đã có bản PDF đã chốt."))
        item = _store_file(report, "pdf", pdf, report.snapshot)
        stored.append(item)
        record(
            report,
            AuditAction.UPDATE,
            actor,
            changes={"files": [None, {"pdf": item.sha256, "from_docx": files["docx"].sha256}]},
            verb="bổ sung bản PDF từ tệp DOCX đã chốt",
        )
    return item
