"""Rendering the files of a report: the background build, the signed rendering, the live data."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import transactions
from danchu.core.officialdoc import in_vietnamese
from danchu.orgs import access

from .. import rendering
from ..indicators import ReportData, compute
from ..models import (
    BuildStatus,
    ReportBuild,
    ReportStatus,
    ReportTemplate,
)
from .shared import FORMATS, _discard_on_failure, _store_file


def _signed_source(frozen):
    """The template the snapshot was signed with: the uploaded one, else the default file."""
    template_id = frozen.content.get("template")
    if template_id:
        template = ReportTemplate.objects.filter(pk=template_id).first()
        if template is not None:
            return template.file.open("rb")
    report = frozen.report
    return open(rendering.default_template_path(report.report_type, report.framework), "rb")


@in_vietnamese
def render_signed(report, frozen, formats):
    """{format: bytes} rendered from the signed snapshot only (its context and values), never from
    the live registers. PDF raises PdfUnavailable when LibreOffice is absent or fails."""
    data = ReportData.from_json(frozen.values)
    context = frozen.content.get("context")
    source = _signed_source(frozen)
    try:
        docx = rendering.render_template(source, context)
    finally:
        source.close()
    out = {}
    if "docx" in formats:
        out["docx"] = docx
    if "xlsx" in formats:
        out["xlsx"] = rendering.render_xlsx(report, data)
    if "pdf" in formats:
        out["pdf"] = rendering.render_pdf(docx, rendering.file_basename(report))
    return out


@in_vietnamese
def report_data(report):
    """The signed data of a signed or submitted report (its snapshot), else the live computation
    from the registers."""
    if report.pk and report.status in (ReportStatus.SIGNED, ReportStatus.SUBMITTED):
        frozen = report.snapshot
        if frozen is not None:
            return ReportData.from_json(frozen.values)
    return compute(report.organization, report.period, report.data_start, report.data_end)


def parse_formats(text):
    formats = [f.strip().lower() for f in (text or "").split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if not formats or bad:
        raise ValidationError(
            _("Định dạng không hợp lệ: %(bad)s. Chọn trong: docx, pdf, xlsx.")
            % {"bad": ", ".join(bad) or _("(trống)")}
        )
    return formats


@in_vietnamese
def render_files(report, formats, progress=None):
    """{format: (filename, bytes)} for a report: the frozen files of a submitted one, the signed
    snapshot's rendering for a signed one, else a fresh render from the registers."""
    progress = progress or (lambda pct, msg: None)
    basename = rendering.file_basename(report)
    if report.pk and report.status == ReportStatus.SUBMITTED:
        frozen = {f.format: f for f in report.snapshot.files.all()}
        out = {}
        for fmt in formats:
            if fmt not in frozen:
                if fmt == "pdf":
                    raise rendering.PdfUnavailable(
                        _(
                            "Báo cáo đã gửi chưa có bản PDF (khi gửi máy chủ chưa cài LibreOffice); "
                            "bấm “Tạo bản PDF từ tệp DOCX đã chốt” để bổ sung."
                        )
                    )
                continue
            with frozen[fmt].file.open("rb") as fh:
                out[fmt] = (frozen[fmt].filename, fh.read())
        return out
    signed = report.snapshot if report.pk and report.status == ReportStatus.SIGNED else None
    if signed is not None:
        progress(50, _("Đang tạo tệp từ bản đã ký…"))
        rendered = render_signed(report, signed, formats)
    else:
        progress(10, _("Đang tính số liệu từ các sổ theo dõi…"))
        data = report_data(report)
        progress(50, _("Đang tạo tệp báo cáo…"))
        rendered = rendering.render_all(report, data, formats)
    return {fmt: (f"{basename}.{fmt}", content) for fmt, content in rendered.items()}


def run_build(build):
    """The body of the background build: render, store the files of the draft, report progress."""
    report = build.report

    def progress(pct, message):
        ReportBuild.objects.filter(pk=build.pk).update(
            progress=pct, message=message, status=BuildStatus.RUNNING
        )

    try:
        formats = parse_formats(build.formats)
        done_message = _("Đã tạo xong.")
        try:
            files = render_files(report, formats, progress)
        except rendering.PdfUnavailable as exc:
            # Without LibreOffice the other files are still handed over, the PDF named as missing.
            others = [fmt for fmt in formats if fmt != "pdf"]
            if not others:
                raise
            files = render_files(report, others, progress)
            done_message = _("Đã tạo xong, trừ tệp PDF: %(error)s") % {"error": exc}
        with _discard_on_failure() as stored, transactions.action():
            if report.status != ReportStatus.SUBMITTED:
                replaced = list(report.files.filter(snapshot__isnull=True, format__in=list(files)))
                for old in replaced:
                    old.delete()
                for fmt, (_name, content) in files.items():
                    stored.append(_store_file(report, fmt, content))
                # The replaced files go only once their rows are gone for good (a rollback keeps
                # the rows, and they must still open).
                gone = [(old.file.storage, old.file.name) for old in replaced]
                transaction.on_commit(lambda: [storage.delete(name) for storage, name in gone])
            ReportBuild.objects.filter(pk=build.pk).update(
                status=BuildStatus.DONE, progress=100, message=done_message, finished_at=timezone.now()
            )
    except (ValidationError, rendering.RenderError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        ReportBuild.objects.filter(pk=build.pk).update(
            status=BuildStatus.FAILED, message=message, finished_at=timezone.now()
        )
    build.refresh_from_db()
    return build


def may_build(user, report):
    """A build of a report not yet submitted replaces its draft files: only who drafts it (its
    clerks and head). The frozen files of a submitted report are read by whoever may view it."""
    perm = "reporting.view" if report.status == ReportStatus.SUBMITTED else "reporting.draft"
    return access.can(user, perm, report.organization)


@transactions.action()
def request_build(report, formats, *, actor):
    if actor is not access.SYSTEM and not may_build(actor, report):
        raise PermissionDenied(
            _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được tạo tệp của báo cáo chưa gửi.")
        )
    parse_formats(formats)
    build = ReportBuild.objects.create(report=report, formats=formats, requested_by=actor)
    record(report, AuditAction.EXPORT, actor, verb=f"tạo tệp báo cáo ({formats})")
    return build
