"""Hand-entered figures (indicator overrides): open only while every report of the period is a draft."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core import transactions
from danchu.orgs import access

from ..indicators import BY_CODE
from ..models import (
    IndicatorOverride,
    Report,
    ReportStatus,
)

FIGURES_BY_DRAFTERS = gettext_lazy("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được nhập tay số liệu.")


def _require_open_figures(org, period):
    """Hand-entered figures feed every report of the period: refuse them while one of those
    reports is past its draft, so a reviewed, signed or submitted report never changes under
    its signature. A correction (a new draft version) opens them again."""
    closed = (
        Report.objects.current().filter(organization=org, period=period).exclude(status=ReportStatus.DRAFT)
    )
    if closed.exists():
        raise ValidationError(
            _(
                "Báo cáo kỳ này đã rà soát, ký hoặc gửi: không sửa được số liệu nhập tay. "
                "Trả báo cáo về dự thảo, hoặc lập bản đính chính, rồi sửa."
            )
        )


@transactions.action()
def set_override(org, period, code, value, reason, *, actor):
    access.check(actor, "reporting.draft", org, FIGURES_BY_DRAFTERS)
    _require_open_figures(org, period)
    if code not in BY_CODE:
        raise ValidationError(_("Chỉ tiêu “%(code)s” không tồn tại.") % {"code": code})
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Phải ghi lý do khi nhập tay số liệu.")})
    if value is None or value < 0:
        raise ValidationError({"value": _("Giá trị phải là số không âm.")})
    override, created = IndicatorOverride.objects.get_or_create(
        organization=org,
        period=period,
        code=code,
        defaults={"value": value, "reason": reason.strip(), "entered_by": actor},
    )
    before = {} if created else snapshot(override)
    override.value, override.reason, override.entered_by = value, reason.strip(), actor
    override.save()
    record(
        override,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        actor,
        changes=diff(before, snapshot(override)),
        reason=reason,
        organization=org,
        verb="nhập tay số liệu",
    )
    return override


@transactions.action()
def clear_override(org, period, code, *, actor):
    access.check(actor, "reporting.draft", org, FIGURES_BY_DRAFTERS)
    _require_open_figures(org, period)
    override = IndicatorOverride.objects.filter(organization=org, period=period, code=code).first()
    if override is None:
        return
    record(
        override,
        AuditAction.DELETE,
        actor,
        changes=diff(snapshot(override), {}),
        organization=org,
        verb="bỏ số liệu nhập tay",
    )
    override.delete()
