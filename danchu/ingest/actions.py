"""Reading an uploaded report and submitting the figures confirmed from it (provenance kept)."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record, record_create
from danchu.core import transactions
from danchu.orgs import access

from .extract import IngestError, read_bounded
from .models import Reading, Source
from .reader import read_file, totals


def _check_may_submit(actor, request, org):
    from danchu.consolidation.models import RequestTarget

    if not access.can(actor, "consolidation.submit", org):
        raise ValidationError(_("Bạn không có quyền gửi báo cáo của cơ quan này."))
    if not RequestTarget.objects.filter(request=request, organization=org).exists():
        raise ValidationError(_("Cơ quan này không thuộc danh sách phải báo cáo theo yêu cầu."))


@transactions.action()
def read_upload(request, org, *, actor, uploaded_file):
    """Read a DOCX/PDF report for `request`: a Reading with its text, figures, citations, warnings."""
    _check_may_submit(actor, request, org)
    name = (uploaded_file.name or "").replace("/", "_").replace("\\", "_")[-120:]
    if not name.lower().endswith((".docx", ".pdf")):
        raise ValidationError({"file": _("Chỉ nhận tệp báo cáo dạng DOCX hoặc PDF.")})
    uploaded_file.seek(0)
    try:
        content = read_bounded(uploaded_file, name)
        result = read_file(content, name, day=request.period.end if request.period_id else None)
    except IngestError as exc:
        raise ValidationError({"file": str(exc)}) from None
    reading = Reading(
        request=request,
        organization=org,
        original_name=name,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        text=result["text"],
        figures=result["figures"],
        refs=result["refs"],
        warnings=result["warnings"],
        read_values=totals(result["figures"]),
        created_by=actor,
    )
    reading.file.save(name, ContentFile(content), save=False)
    reading.save()
    record_create(reading, actor, organization=org, verb="đọc báo cáo tải lên")
    return reading


def sources_for(read_values, entered):
    """Per indicator entered: narrative (as read), corrected (read, then changed) or typed."""
    sources = {}
    for code, value in entered.items():
        if code not in read_values:
            sources[code] = Source.TYPED
        elif float(read_values[code]) == float(value):
            sources[code] = Source.NARRATIVE
        else:
            sources[code] = Source.CORRECTED
    return sources


@transactions.action()
def submit_reading(reading, *, actor, values, note=""):
    """Submit the uploaded file with the figures confirmed or corrected by the officer
    (consolidation.actions.submit_upload), keeping what was read and what was typed."""
    from danchu.consolidation import actions as consolidation

    reading = Reading.objects.select_for_update().get(pk=reading.pk)
    if reading.submission_id:
        raise ValidationError(
            _("Bản đọc này đã được dùng để gửi báo cáo; hãy tải tệp lên lại để gửi bản mới.")
        )
    _check_may_submit(actor, reading.request, reading.organization)
    with reading.file.open("rb") as handle:
        content = handle.read()
    upload = SimpleUploadedFile(reading.original_name, content)
    submission = consolidation.submit_upload(
        reading.request, reading.organization, actor=actor, uploaded_file=upload, values=values, note=note
    )
    reading.submission = submission
    reading.entered_values = {code: value for code, value in submission.values.items() if code in values}
    reading.sources = sources_for(reading.read_values, reading.entered_values)
    reading.save(update_fields=["submission", "entered_values", "sources"])
    record(
        reading,
        AuditAction.SUBMIT,
        actor,
        organization=reading.organization,
        changes={"sources": [{}, reading.sources]},
        verb="gửi số liệu đọc từ báo cáo tải lên",
    )
    return submission


def provenance(submission):
    """{code: Source} of a submission's figures, {} when it was not entered from a reading."""
    reading = Reading.objects.filter(submission=submission).only("sources", "uuid").first()
    return (reading.sources, reading) if reading else ({}, None)
