"""Starting a report (its defaults from the settings) and editing its settings and sections while it is a draft."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import stale, transactions
from danchu.orgs import access

from ..models import (
    Report,
    ReportSection,
    ReportStatus,
    ReportType,
)
from ..outline import outline_for


def default_title(period):
    return f"Kết quả thực hiện dân chủ ở cơ sở năm {period.year} và nhiệm vụ trọng tâm năm {period.year + 1}"


def report_symbol(org, drafting_unit=None):
    parts = ["BC", org.short_name or org.code]
    if drafting_unit is not None and drafting_unit.short_name:
        parts.append(drafting_unit.short_name)
    return "-".join(parts)


class MissingSettings(ValidationError):
    """A report cannot be started: what is missing is named, with the page where it is set."""

    def __init__(self, org, missing):
        self.org = org
        self.missing = missing
        super().__init__(
            _("Chưa lập được báo cáo vì còn thiếu: %(items)s. Hãy cài đặt ở trang thiết lập của cơ quan.")
            % {"items": "; ".join(f"{m.label} ({m.hint})" for m in missing)},
            code="missing_settings",
        )


def new_report(org, period, **fields):
    """An unsaved report with the defaults for `org` and `period` (used by create_report and by
    the command line when no report was started): the agency's settings, else its previous
    report, else the province's request for the period (`reporting.defaults`)."""
    from ..defaults import defaults_for

    report_type = fields.pop("report_type", ReportType.ANNUAL_DEMOCRACY)
    found = defaults_for(org, period, report_type)
    if fields.get("signer") is not None:
        # A signer chosen by the caller keeps the authority and title given with it.
        for name in ("signer", "signing_authority", "signer_title"):
            found.pop(name, None)
    for name, value in found.items():
        if not fields.get(name):
            fields[name] = value
    report = Report(
        organization=org,
        period=period,
        report_type=report_type,
        framework=fields.pop("framework", period.framework),
        title=fields.pop("title", "") or default_title(period),
        report_date=fields.pop("report_date", None) or min(timezone.localdate(), period.end),
        place=fields.pop("place", "") or org.place_name,
        data_start=fields.pop("data_start", None) or period.cutoff_start,
        data_end=fields.pop("data_end", None) or period.cutoff_end,
        signer_title=fields.pop("signer_title", "") or "",
        recipients=fields.pop("recipients", "") or "",
        **fields,
    )
    report.symbol = report.symbol or report_symbol(org, report.drafting_unit)
    return report


@transactions.action()
def create_report(org, period, *, actor, **fields):
    from ..defaults import missing_settings

    access.check(
        actor, "reporting.draft", org, _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được lập báo cáo.")
    )
    if Report.objects.filter(
        organization=org, period=period, report_type=fields.get("report_type", ReportType.ANNUAL_DEMOCRACY)
    ).exists():
        raise ValidationError(
            _("Cơ quan đã có báo cáo của kỳ này; hãy mở báo cáo đó hoặc lập bản đính chính.")
        )
    report = new_report(org, period, **fields)
    missing = missing_settings(report)
    if missing:
        raise MissingSettings(org, missing)
    report.created_by = actor
    report.full_clean()
    report.save()
    record_create(report, actor, verb="lập báo cáo")
    return report


DRAFTERS_ONLY = gettext_lazy("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được sửa báo cáo.")


def _require_draft(report):
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Báo cáo đã qua bước dự thảo; chỉ sửa được khi trả về dự thảo."))


SETTINGS_FIELDS = (
    "title",
    "drafting_unit",
    "report_date",
    "place",
    "data_start",
    "data_end",
    "signer",
    "signing_authority",
    "signer_title",
    "recipients",
    "request_kind",
    "request_ref",
    "request_date",
    "request_issuer",
    "request_subject",
)


@transactions.action()
def update_settings(report, *, actor, **fields):
    report = Report.objects.select_for_update().get(pk=report.pk)
    access.check(actor, "reporting.draft", report.organization, DRAFTERS_ONLY)
    _require_draft(report)
    before = snapshot(report)
    for name, value in fields.items():
        if name not in SETTINGS_FIELDS:
            raise ValueError(name)
        setattr(report, name, value)
    report.symbol = report_symbol(report.organization, report.drafting_unit)
    report.full_clean()
    report.save()
    changes = diff(before, snapshot(report))
    if changes:
        record(report, AuditAction.UPDATE, actor, changes=changes, verb="sửa thông tin báo cáo")
    return report


def section_version_field(key):
    """The hidden field of the sections form carrying the version of section `key` as opened."""
    return f"version-{key}"


@transactions.action()
def save_section(report, key, text, *, actor, expected_version=None):
    """Save one section's narrative; `expected_version` as in `save_sections`."""
    return save_sections(report, {key: (text, expected_version)}, actor=actor)[key]


@transactions.action()
def save_sections(report, texts, *, actor):
    """Save narratives: `texts` is {key: (text, opened_version)}, the opened version being the
    `stale.text_version` of the section as the form showed it ("" if the form carried none, None
    when no form was shown: not checked).

    Under the report's row lock, a section someone else changed after the form was opened is not
    overwritten: if the user changed it too, `StaleEdit` names every such section (stored text,
    the user's text) and nothing is saved; if the user left it as opened, it is skipped and keeps
    the other person's text."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    access.check(actor, "reporting.draft", report.organization, DRAFTERS_ONLY)
    _require_draft(report)
    specs = {s.key: s for s in outline_for(report.framework) if s.narrative}
    for key in texts:
        if key not in specs:
            raise ValidationError(_("Mục “%(key)s” không có trong đề cương báo cáo.") % {"key": key})
    stored = {s.key: s for s in ReportSection.objects.filter(report=report, key__in=list(texts))}
    rows, versions, skip = [], {}, set()
    for key, (text, opened) in texts.items():
        old = stored[key].text if key in stored else ""
        current = stale.text_version(old)
        if opened is None or opened == current or not stale.normalize_text(old):
            continue
        if stale.text_version(text) == opened:
            skip.add(key)  # the user did not touch it; someone else did: keep theirs
        elif stale.normalize_text(text) != stale.normalize_text(old):
            rows.append((specs[key].heading_for(report.period.year), old, text.strip()))
            versions[section_version_field(key)] = current
    if rows:
        raise stale.StaleEdit(
            report,
            rows,
            versions,
            message=_(
                "Có mục vừa được người khác sửa sau khi bạn mở trang, nên chưa lưu mục nào. Những gì "
                "bạn nhập vẫn được giữ nguyên bên dưới; hãy xem bảng so sánh, điều chỉnh nếu cần rồi "
                "bấm Lưu nội dung lần nữa để ghi đè."
            ),
        )
    saved = {}
    for key, (text, _opened) in texts.items():
        if key in skip:
            saved[key] = stored[key]
            continue
        section = stored.get(key) or ReportSection(report=report, key=key)
        old = section.text
        section.text = text.strip()
        section.updated_by = actor
        section.save()
        if old != section.text:
            record(
                report,
                AuditAction.UPDATE,
                actor,
                changes={f"section:{key}": [old, section.text]},
                verb="sửa nội dung mục",
            )
        saved[key] = section
    return saved
