"""Open an uploaded zip container (DOCX, ODT, XLSX) without letting it blow up memory or time.

One helper for every upload path (petitions, documents, imports). Before any member is
inflated, the central directory is checked: not too many members, no encrypted member, a
bounded total inflated size and no member whose compression ratio no real office document has.
Python's zipfile never inflates more than a member's declared size, so these checks on the
declared sizes bound the work that follows. Then every member is inflated once, in small chunks,
so a corrupt deflate stream or a wrong CRC (`zlib.error`, `BadZipFile`) is refused here with a
Vietnamese message instead of surfacing later as a server error.
"""

import contextlib
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_MEMBERS = 2000
# Real DOCX/ODT/XLSX parts compress at most ~30:1 (repetitive XML); 100:1 is generous. Small
# members are exempt: a few kilobytes of spaces compress far better and cost nothing.
MAX_RATIO = 100
RATIO_EXEMPT_BYTES = 1024 * 1024
CHUNK = 64 * 1024


def max_total_bytes():
    return int(getattr(settings, "ARCHIVE_MAX_INFLATED_BYTES", 200 * 1024 * 1024))


def _refuse(name, why):
    return ValidationError(
        _("Tệp “%(name)s” không nhận được: %(why)s.") % {"name": name, "why": why}, code="unsafe_archive"
    )


def inspect(archive, name):
    """Check the central directory of an open ZipFile; raise ValidationError if it is unsafe."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse(name, _("tệp nén có quá nhiều thành phần (tối đa %(n)s)") % {"n": MAX_MEMBERS})
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(
                name, _("tệp có thành phần bị mã hóa (đặt mật khẩu); hãy gửi tệp không đặt mật khẩu")
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(name, _("tệp dùng kiểu nén không được hỗ trợ"))
        total += info.file_size
        if info.file_size > RATIO_EXEMPT_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(name, _("tỷ lệ nén bất thường, không phải một văn bản thật (nghi tệp “bom nén”)"))
    if total > max_total_bytes():
        raise _refuse(
            name,
            _("nội dung sau khi giải nén quá lớn (tối đa %(mb)s MB)") % {"mb": max_total_bytes() // 1048576},
        )


def verify(archive, name):
    """Inflate every member once, in chunks (memory stays at CHUNK), checking deflate and CRC."""
    try:
        for info in archive.infolist():
            if info.is_dir():
                continue
            with archive.open(info) as member:
                while member.read(CHUNK):
                    pass
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
        raise _refuse(name, _("tệp nén bị hỏng, không đọc được")) from None


@contextlib.contextmanager
def opened(fileobj, name, *, check_members=True):
    """`with opened(f, name) as archive:` an inspected (and verified) ZipFile, or ValidationError.

    A file that is not a zip at all raises ValidationError too (code "not_zip")."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise ValidationError(
            _("Tệp “%(name)s” bị hỏng hoặc không phải tệp nén hợp lệ.") % {"name": name}, code="not_zip"
        ) from None
    with archive:
        inspect(archive, name)
        if check_members:
            verify(archive, name)
        yield archive


def is_zip(fileobj):
    """Is this a zip archive at all (its central directory readable)? Nothing is inflated."""
    try:
        zipfile.ZipFile(fileobj).close()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return False
    finally:
        fileobj.seek(0)
    return True


def read_member(archive, member, limit, name=""):
    """At most `limit` bytes of one member (never the whole of a member that lies about its size)."""
    try:
        with archive.open(member) as fh:
            return fh.read(limit)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
        raise _refuse(name or member, _("tệp nén bị hỏng, không đọc được")) from None
