"""Rendering a report: DOCX from a docxtpl template (the default one generated from officialdoc,
or one an administrator uploaded), PDF from the DOCX through LibreOffice, XLSX appendix."""

import datetime
import hashlib
import io
import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from danchu.core import safezip
from danchu.core.officialdoc import fit_header_bytes
from danchu.core.xlsx import workbook_bytes

from . import pdfserver
from .content import build_context, figure_rows
from .sandbox import ReportEnvironment

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates_docx"
PDF_TIMEOUT_SECONDS = 180
logger = logging.getLogger(__name__)


class RenderError(Exception):
    """A report could not be rendered; the message is for the user, in Vietnamese."""


class PdfUnavailable(RenderError):
    pass


def default_template_path(report_type, framework):
    return TEMPLATES_DIR / f"{report_type}-{framework}.docx"


def template_source(report):
    """The active uploaded template of the report's type and framework, else the default file."""
    if report.template_id:
        return report.template.file.open("rb")
    from .models import ReportTemplate

    uploaded = (
        ReportTemplate.objects.filter(
            report_type=report.report_type, framework=report.framework, is_active=True
        )
        .order_by("-uploaded_at")
        .first()
    )
    if uploaded:
        return uploaded.file.open("rb")
    return open(default_template_path(report.report_type, report.framework), "rb")


TAG = re.compile(r"(\{%.*?%\}|\{\{.*?\}\})")


def _faulty_tag(exc):
    lines = [line for line in getattr(exc, "docx_context", []) or []]
    if not lines:
        return ""
    # docxtpl gives the lines around the error, the faulty one fourth when there are enough.
    candidates = [lines[3]] if len(lines) > 3 else []
    candidates += lines
    for line in candidates:
        tags = TAG.findall(line)
        if tags:
            return tags[0]
        if "{%" in line or "{{" in line:
            return line.strip()
    return ""


def render_template(source, context):
    """Render a docxtpl template with `context`; a broken template raises RenderError naming the tag."""
    try:
        try:  # a zip bomb named .docx is refused before docxtpl inflates it (core/safezip.py)
            with safezip.opened(source, _("mẫu báo cáo"), check_members=False):
                pass
        except ValidationError as exc:
            if exc.code == "not_zip":
                raise RenderError(_("Tệp mẫu không phải là tệp Word (.docx) hợp lệ.")) from exc
            raise RenderError(" ".join(exc.messages)) from exc
        source.seek(0)
        template = DocxTemplate(source)
        # Uploaded templates are code: a sandbox with a time and size budget (reporting/sandbox.py).
        env = ReportEnvironment()
        env.start()
        template.render(context, jinja_env=env)
    except SecurityError as exc:
        raise RenderError(
            _(
                "Mẫu báo cáo bị từ chối: có thẻ tìm cách truy cập mã lệnh hoặc tệp của máy chủ, "
                "hoặc vượt giới hạn thời gian, dung lượng khi tạo báo cáo (%(error)s). "
                "Chỉ dùng các trường số liệu của báo cáo trong mẫu."
            )
            % {"error": exc}
        ) from exc
    except TemplateError as exc:
        tag = _faulty_tag(exc)
        where = _(" tại thẻ “%(tag)s”") % {"tag": tag} if tag else ""
        raise RenderError(
            _("Mẫu báo cáo bị lỗi%(where)s: %(error)s. Hãy sửa thẻ này trong Word và tải mẫu lên lại.")
            % {"where": where, "error": exc.message or exc.__class__.__name__}
        ) from exc
    except Exception as exc:  # a file that is not a DOCX at all
        if isinstance(exc, RenderError):
            raise
        raise RenderError(
            _("Tệp mẫu không phải là tệp Word (.docx) hợp lệ: %(error)s") % {"error": exc}
        ) from exc
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_docx(report, data):
    """The report's DOCX; the header is laid out from the real names once they are in
    (officialdoc.fit_header: names wrapped between words, rules as long as the text asks)."""
    source = template_source(report)
    try:
        return fit_header_bytes(render_template(source, build_context(report, data)))
    finally:
        source.close()


def soffice_binary():
    return getattr(settings, "SOFFICE_BINARY", "") or shutil.which("soffice") or shutil.which("libreoffice")


def pdf_configured():
    """Whether this server has a way to make PDFs: a running converter (PDF_CONVERTER) or a local
    LibreOffice. render_pdf still says why when the one it tries fails."""
    return bool(getattr(settings, "PDF_CONVERTER", "") or soffice_binary())


def render_pdf(docx_bytes, basename="bao-cao"):
    """The PDF of the DOCX: through the running converter when PDF_CONVERTER names one and it
    answers (pdfserver.py), otherwise one `soffice --convert-to pdf` for this file."""
    address = getattr(settings, "PDF_CONVERTER", "")
    if address:
        try:
            return pdfserver.convert(address, docx_bytes, timeout=PDF_TIMEOUT_SECONDS)
        except pdfserver.ConverterError as exc:
            logger.warning("PDF converter unavailable, starting soffice for this file: %s", exc)
    binary = soffice_binary()
    if not binary and address:
        raise PdfUnavailable(
            _(
                "Không tạo được tệp PDF: bộ chuyển đổi PDF (unoserver tại %(address)s) không trả lời "
                "và máy chủ chưa cài LibreOffice (soffice). Hãy khởi động lại bộ chuyển đổi hoặc cài "
                "LibreOffice; tệp DOCX vẫn dùng được."
            )
            % {"address": address}
        )
    if not binary:
        raise PdfUnavailable(
            _(
                "Không tạo được tệp PDF: máy chủ chưa cài LibreOffice (soffice). "
                "Hãy cài LibreOffice hoặc khai báo SOFFICE_BINARY; tệp DOCX vẫn dùng được."
            )
        )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{basename}.docx"
        source.write_bytes(docx_bytes)
        try:
            subprocess.run(
                [binary, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                check=True,
                capture_output=True,
                timeout=PDF_TIMEOUT_SECONDS,
                env={"HOME": tmp, "PATH": "/usr/bin:/bin"},
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise PdfUnavailable(
                _("LibreOffice không chuyển được báo cáo sang PDF: %(error)s") % {"error": exc}
            ) from exc
        target = Path(tmp) / f"{basename}.pdf"
        if not target.exists():
            raise PdfUnavailable(_("LibreOffice không tạo ra tệp PDF."))
        return target.read_bytes()


def _as_date(iso):
    """A frozen snapshot stores dates as ISO text; the workbook wants a date cell."""
    try:
        return datetime.date.fromisoformat(str(iso)[:10]) if iso else None
    except ValueError:
        return iso


def render_xlsx(report, data):
    rows = [
        (n, row["label"], row["unit"], data.values[row["code"]].value, row["value"], row["source"])
        for n, row in enumerate(figure_rows(data), start=1)
    ]
    headers = [
        _("STT"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Giá trị"),
        _("Giá trị (trình bày)"),
        _("Nguồn số liệu"),
    ]
    documents = [
        (
            _("Đảng") if group == "party" else _("Chính quyền"),
            d["ref"],
            _as_date(d["issued_on"]),
            d["kind_label"],
            d["subject"],
        )
        for group in ("party", "government")
        for d in data.documents.get(group, [])
    ]
    return workbook_bytes(
        [
            (_("Phụ lục số liệu"), headers, rows),
            (
                _("Văn bản đã ban hành"),
                [_("Khối"), _("Số, ký hiệu"), _("Ngày"), _("Loại"), _("Trích yếu")],
                documents,
            ),
        ]
    )


def file_basename(report):
    org = report.organization.short_name or report.organization.code
    return f"bao-cao-{slug(org)}-{report.period.code}-v{report.version}"


def slug(text):
    import unicodedata

    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "bao-cao"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def render_all(report, data, formats):
    """{format: bytes} for the requested formats; PDF raises PdfUnavailable when LibreOffice is absent."""
    out = {}
    docx = render_docx(report, data)
    if "docx" in formats:
        out["docx"] = docx
    if "pdf" in formats:
        out["pdf"] = render_pdf(docx, file_basename(report))
    if "xlsx" in formats:
        out["xlsx"] = render_xlsx(report, data)
    return out
