"""Attachment validation: the type is sniffed from the bytes, never trusted from the name or the
browser; the size is capped by settings.ATTACHMENT_MAX_BYTES. Validation happens before anything
is saved, so a bad file stores nothing."""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from danchu.core import safezip

MAX_FILES = 5

TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg",
    "png": "image/png",
}
EXTENSIONS = {"pdf": "pdf", "docx": "docx", "odt": "odt", "jpg": "jpg", "jpeg": "jpg", "png": "png"}


@dataclass
class CheckedFile:
    upload: object
    name: str
    kind: str
    content_type: str
    size: int


def sniff(head: bytes, data_file=None, name=""):
    """The kind of a file from its first bytes (and, for zip containers, their contents).

    A zip container is opened through danchu.core.safezip: a zip bomb, an encrypted member or a
    corrupt deflate stream raises ValidationError before anything large is inflated."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04") and data_file is not None and safezip.is_zip(data_file):
        with safezip.opened(data_file, name or "tep") as archive:
            names = set(archive.namelist())
            if "mimetype" in names and safezip.read_member(archive, "mimetype", 100, name).strip() == (
                TYPES["odt"].encode()
            ):
                return "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
    return None


def check(upload):
    """Validate one uploaded file; return a CheckedFile or raise ValidationError (Vietnamese)."""
    name = (getattr(upload, "name", "") or "tep").replace("\\", "/").rsplit("/", 1)[-1][:200]
    size = getattr(upload, "size", None) or 0
    if size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(max)s MB.")
            % {
                "name": name,
                "size": round(size / 1048576, 1),
                "max": round(settings.ATTACHMENT_MAX_BYTES / 1048576, 1),
            }
        )
    if size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": name})
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = sniff(data[:16], io.BytesIO(data), name)
    if kind is None or EXTENSIONS.get(ext) != kind:
        raise ValidationError(
            _("Tệp “%(name)s” không đúng định dạng cho phép (PDF, DOCX, ODT, JPEG, PNG).") % {"name": name}
        )
    return CheckedFile(upload=upload, name=name, kind=kind, content_type=TYPES[kind], size=size)


def check_all(uploads):
    uploads = [u for u in uploads or () if u]
    if len(uploads) > MAX_FILES:
        raise ValidationError(_("Chỉ được gửi tối đa %(n)s tệp.") % {"n": MAX_FILES})
    errors, checked = [], []
    for upload in uploads:
        try:
            checked.append(check(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked
