"""A correction of a submitted report: a new version with a reason, the old one kept."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.trail import record_create
from danchu.core import transactions
from danchu.orgs import access

from ..models import (
    Report,
    ReportSection,
    ReportStatus,
)
from .drafting import SETTINGS_FIELDS


@transactions.action()
def start_correction(report, *, actor, reason):
    """A correction of a submitted report is a new version with a reason; the old one is kept."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ đính chính được báo cáo đã gửi."))
    access.check(
        actor,
        "reporting.draft",
        report.organization,
        _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được lập bản đính chính."),
    )
    if Report.objects.filter(corrects=report).exists():
        raise ValidationError(_("Báo cáo này đã có bản đính chính."))
    if not (reason or "").strip():
        raise ValidationError({"correction_reason": _("Phải ghi lý do đính chính.")})
    fields = {name: getattr(report, name) for name in SETTINGS_FIELDS}
    # The correction is a new document issued when it is signed: it is dated today (the clerk may
    # change it), so its number comes from this year's sequence, not from the year of the first.
    fields["report_date"] = timezone.localdate()
    new = Report(
        organization=report.organization,
        period=report.period,
        report_type=report.report_type,
        framework=report.framework,
        symbol=report.symbol,
        template=report.template,
        version=report.version + 1,
        corrects=report,
        correction_reason=reason.strip(),
        created_by=actor,
        **fields,
    )
    new.save()
    for section in report.sections.all():
        ReportSection.objects.create(report=new, key=section.key, text=section.text, updated_by=actor)
    record_create(new, actor, verb=f"lập bản đính chính phiên bản {new.version}", reason=reason)
    return new
