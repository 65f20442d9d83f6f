"""What the report workflows share: the permission check, the status transition, storing rendered files."""

from contextlib import contextmanager

from django.core.files.base import ContentFile

from danchu.audit.models import AuditAction
from danchu.audit.trail import record

from .. import rendering
from ..models import (
    ReportFile,
)

FORMATS = ("docx", "pdf", "xlsx")


def _transition(report, actor, to, verb, reason=""):
    before = report.status
    report.status = to
    report.save()
    record(report, AuditAction.TRANSITION, actor, changes={"status": [before, to]}, verb=verb, reason=reason)


@contextmanager
def _discard_on_failure():
    """Yields the list the block appends the ReportFile rows it stores to; when the block fails (its
    transaction rolls back, the rows with it), their files are deleted from the storage too, so no
    file is left behind rows that do not exist. Enter it outside the block's `transactions.action()`."""
    stored = []
    try:
        yield stored
    except BaseException:
        for item in stored:
            item.file.storage.delete(item.file.name)
        raise


def _store_file(report, fmt, content, snapshot_obj=None):
    name = f"{rendering.file_basename(report)}.{fmt}"
    item = ReportFile(
        report=report,
        snapshot=snapshot_obj,
        format=fmt,
        filename=name,
        sha256=rendering.sha256(content),
        size=len(content),
    )
    item.file.save(name, ContentFile(content), save=False)
    item.save()
    return item
