"""Text out of a report file: DOCX, PDF with a text layer, Markdown, plain text.

Every reader returns one string; the spans `danchu ingest` gives are offsets into that string.
Input is bounded (MAX_BYTES for the file, MAX_CHARS for the text) so a hostile upload cannot
exhaust memory. OCR is out of scope: a PDF without a text layer raises IngestError saying so.
"""

import io
import re
import zipfile

from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024  # a 60-page report with pictures is far below this
MAX_CHARS = 2_000_000
MAX_PDF_PAGES = 500
# A page with fewer readable characters than this is taken as an image (a scan).
MIN_CHARS_PER_PAGE = 40


class IngestError(ValueError):
    """The file cannot be read; the message is Vietnamese, fit to show to the user."""


def read_bounded(handle, name="tệp"):
    """At most MAX_BYTES from a binary file object; refuses a larger file without reading it all."""
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise IngestError(
            _("Tệp %(name)s lớn hơn %(mb)s MB; hãy gửi bản báo cáo không kèm hình ảnh hoặc tách phụ lục.")
            % {"name": name, "mb": MAX_BYTES // (1024 * 1024)}
        )
    return data


def kind_of(name, data):
    """'docx', 'pdf' or 'text' from the file's first bytes, then its name."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:2] == b"PK":
        return "docx"
    lower = (name or "").lower()
    if lower.endswith(".docx"):
        return "docx"
    if lower.endswith(".pdf"):
        return "pdf"
    if lower.endswith(".doc"):
        raise IngestError(
            _("Tệp .doc (Word 97–2003) chưa đọc được; hãy mở bằng Word và lưu lại thành .docx.")
        )
    return "text"


def extract_text(data, name=""):
    """The text of a report given as bytes; `name` (the file name) helps to tell the format."""
    if len(data) > MAX_BYTES:
        raise IngestError(_("Tệp lớn hơn %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
    kind = kind_of(name, data)
    if kind == "docx":
        text = docx_text(data)
    elif kind == "pdf":
        text = pdf_text(data)
    else:
        text = plain_text(data, markdown=(name or "").lower().endswith((".md", ".markdown")) or name == "-")
    if len(text) > MAX_CHARS:
        raise IngestError(
            _("Văn bản dài hơn %(n)s ký tự; hãy gửi riêng phần báo cáo và phụ lục số liệu.")
            % {"n": f"{MAX_CHARS:,}".replace(",", ".")}
        )
    if not text.strip():
        raise IngestError(_("Tệp không có chữ nào đọc được."))
    return text


# --- Plain text and Markdown ------------------------------------------------------------------

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*\*|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_MD_LINK = re.compile(r"<(https?://[^>\s]+)>")


def plain_text(data, markdown=True):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(
            _(
                "Tệp không phải văn bản UTF-8 (có thể là mã TCVN3 hoặc VNI); hãy lưu lại với bảng mã Unicode UTF-8."
            )
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if markdown:
        # Markdown marks are dropped so a sentence reads as printed ("**BÁO CÁO**" -> "BÁO CÁO").
        text = _MD_HEADING.sub("", text)
        text = _MD_EMPHASIS.sub("", text)
        text = _MD_ESCAPE.sub(r"\1", text)
        text = _MD_LINK.sub(r"\1", text)
    return text


# --- DOCX -------------------------------------------------------------------------------------

_MAX_DOCX_XML = 50 * 1024 * 1024  # uncompressed document.xml: a zip bomb stops here


def docx_text(data):
    """Paragraphs and tables in document order; a table row is its cells joined by " | "."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_DOCX_XML:
                raise IngestError(_("Tệp DOCX quá lớn khi giải nén."))
    except (zipfile.BadZipFile, KeyError):
        raise IngestError(_("Tệp không phải là tệp Word .docx hợp lệ.")) from None
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged package
        raise IngestError(_("Không mở được tệp Word .docx (tệp hỏng hoặc không đúng định dạng).")) from None
    lines = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if not cells or cells[-1] != value:  # merged cells repeat
                        cells.append(value)
                lines.append(" | ".join(cells))
    return "\n".join(lines)


# --- PDF --------------------------------------------------------------------------------------

_SOFT_BREAK = re.compile(r"(?<=[^\n.:;!?])[ \t]*\n(?![ \t]*(?:\n|[-•+–]|\d+[.)-]|[IVX]+\.|[a-zđ]\)))")


def pdf_text(data):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(_("Tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu."))
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise IngestError(_("Tệp PDF dài hơn %(n)s trang.") % {"n": MAX_PDF_PAGES})
        texts = [page.extract_text() or "" for page in pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise IngestError(_("Không đọc được tệp PDF (tệp hỏng hoặc không đúng định dạng).")) from None
    readable = sum(len(t.strip()) for t in texts)
    if readable < MIN_CHARS_PER_PAGE * max(1, len(texts)) / 2:
        raise IngestError(
            _(
                "Tệp PDF không có lớp văn bản (có thể là bản quét, bản chụp): danchu không nhận dạng "
                "chữ trong ảnh. Hãy gửi tệp DOCX hoặc tệp PDF xuất trực tiếp từ Word."
            )
        )
    # A PDF breaks lines inside a sentence; joined again so a phrase reads whole.
    return "\n\n".join(_SOFT_BREAK.sub(" ", t.replace("\r", "")) for t in texts)
