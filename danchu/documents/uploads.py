"""What may be attached to a document: PDF, DOCX, ODT, JPEG and PNG, recognised by their content.

The extension must agree with what the bytes are; a renamed executable or a macro workbook named
.pdf is refused. Size is limited by settings.ATTACHMENT_MAX_BYTES.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from danchu.core import safezip

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
JPEG = "image/jpeg"
PNG = "image/png"

EXTENSIONS = {PDF: {".pdf"}, DOCX: {".docx"}, ODT: {".odt"}, JPEG: {".jpg", ".jpeg"}, PNG: {".png"}}
ALLOWED_LABEL = "PDF, DOCX, ODT, JPEG, PNG"


def _zip_kind(fileobj, name=""):
    """ODT or DOCX, through danchu.core.safezip (zip bombs, encrypted or corrupt members raise
    ValidationError in Vietnamese)."""
    if not safezip.is_zip(fileobj):
        return None
    with safezip.opened(fileobj, name or "tep") as archive:
        names = set(archive.namelist())
        if (
            "mimetype" in names
            and safezip.read_member(archive, "mimetype", 100, name).strip() == ODT.encode()
        ):
            return ODT
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return DOCX
    return None


def sniff(fileobj):
    """The content type of an uploaded file, from its first bytes (and, for zips, its members)."""
    fileobj.seek(0)
    head = fileobj.read(16)
    fileobj.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(fileobj, getattr(fileobj, "name", "") or "")
    fileobj.seek(0)
    return kind


def validate_upload(upload):
    """(content type, safe file name) of an acceptable upload, or ValidationError in Vietnamese."""
    if upload is None:
        raise ValidationError(_("Chưa chọn tệp để đính kèm."))
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("Tệp trống, không có nội dung."))
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” dung lượng %(size)s, vượt quá giới hạn %(limit)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    kind = sniff(upload)
    ext = os.path.splitext(upload.name or "")[1].lower()
    if kind is None:
        raise ValidationError(
            _("Tệp “%(name)s” không phải loại được phép đính kèm (chỉ nhận %(allowed)s).")
            % {"name": upload.name, "allowed": ALLOWED_LABEL}
        )
    if ext not in EXTENSIONS[kind]:
        raise ValidationError(
            _("Nội dung tệp “%(name)s” không khớp với phần mở rộng %(ext)s; hãy kiểm tra lại tệp.")
            % {"name": upload.name, "ext": ext or _("(không có)")}
        )
    name = get_valid_filename(os.path.basename(upload.name))[:200] or f"tep{ext}"
    return kind, name
