"""Every change to a report goes through one of these functions: atomic, validated, audited."""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import numbering, stale
from danchu.core.officialdoc import in_vietnamese

from . import rendering
from .indicators import BY_CODE, ReportData, compute
from .models import (
    BuildStatus,
    FileFormat,
    IndicatorOverride,
    Report,
    ReportBuild,
    ReportFile,
    ReportSection,
    ReportSnapshot,
    ReportStatus,
    ReportTemplate,
    ReportType,
)
from .outline import outline_for

FORMATS = ("docx", "pdf", "xlsx")


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
    from .defaults import defaults_for

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


@transaction.atomic
def create_report(org, period, *, actor, **fields):
    from danchu.orgs import access

    from .defaults import missing_settings

    if actor is not None and not access.can(actor, "reporting.draft", org):
        raise PermissionDenied
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


@transaction.atomic
def update_settings(report, *, actor, **fields):
    report = Report.objects.select_for_update().get(pk=report.pk)
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


@transaction.atomic
def save_section(report, key, text, *, actor, expected_version=None):
    """Save one section's narrative; `expected_version` as in `save_sections`."""
    return save_sections(report, {key: (text, expected_version)}, actor=actor)[key]


@transaction.atomic
def save_sections(report, texts, *, actor):
    """Save narratives: `texts` is {key: (text, opened_version)}, the opened version being the
    `stale.text_version` of the section as the form showed it ("" if the form carried none, None
    when no form was shown: not checked).

    Under the report's row lock, a section someone else changed after the form was opened is not
    overwritten: if the user changed it too, `StaleEdit` names every such section (stored text,
    the user's text) and nothing is saved; if the user left it as opened, it is skipped and keeps
    the other person's text."""
    report = Report.objects.select_for_update().get(pk=report.pk)
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


@transaction.atomic
def set_override(org, period, code, value, reason, *, actor):
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


@transaction.atomic
def clear_override(org, period, code, *, actor):
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


def _transition(report, actor, to, verb, reason=""):
    before = report.status
    report.status = to
    report.save()
    record(report, AuditAction.TRANSITION, actor, changes={"status": [before, to]}, verb=verb, reason=reason)


@transaction.atomic
def mark_reviewed(report, *, actor):
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    _require(
        actor,
        "reporting.review",
        report.organization,
        _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được rà soát báo cáo."),
    )
    report.reviewed_at = timezone.now()
    _transition(report, actor, ReportStatus.REVIEWED, "rà soát báo cáo")
    return report


@transaction.atomic
def return_to_draft(report, *, actor, reason=""):
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.REVIEWED:
        raise ValidationError(_("Chỉ trả về dự thảo được báo cáo đã rà soát, chưa ký."))
    _require(
        actor,
        "reporting.review",
        report.organization,
        _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được trả báo cáo về dự thảo."),
    )
    _transition(report, actor, ReportStatus.DRAFT, "trả về dự thảo", reason)
    return report


# The kind of document a report is, in the registry and in its symbol (BC-STTTT-VP).
REPORT_KIND = "BC"


def greatest_registered_number(org, year, kind=REPORT_KIND):
    """The greatest numeric number among `org`'s own outgoing documents of `kind` issued in `year`
    (live ones), 0 when there is none. Numbers are stored as text ("120", "02"); a number that is
    not a plain number (typed by hand, e.g. "12a") takes no place in the sequence."""
    from danchu.documents.models import Direction, Document

    numbers = (
        Document.objects.alive()
        .filter(
            organization=org,
            issuer_org=org,
            direction=Direction.ISSUED,
            is_party=False,
            kind=kind,
            year=year,
        )
        .values_list("number", flat=True)
    )
    return max((int(n) for n in numbers if n.isascii() and n.isdigit()), default=0)


def next_number(org, year, kind=REPORT_KIND):
    """The next number of `org`'s yearly sequence of `kind`, shared with the registry: one more than
    both the greatest number the văn thư registered (by hand or by danchu) and the last number
    this sequence gave. The sequence row is locked until the transaction ends, so two signatures
    never take the same number."""
    return numbering.allocate(
        org, numbering.document_kind(kind), year, at_least=greatest_registered_number(org, year, kind)
    )


def _register(report, *, actor):
    """Enter the signed report in the agency's register of outgoing documents (sổ văn bản đi)
    through the registry's own action, which validates it and writes its audit row."""
    from danchu.documents import actions as document_actions
    from danchu.documents.models import Direction, RelationKind

    signer = report.signer.person.full_name if report.signer_id else ""
    try:
        document = document_actions.create_document(
            actor=actor,
            organization=report.organization,
            direction=Direction.ISSUED,
            kind=REPORT_KIND,
            number=f"{report.number:02d}",
            symbol=report.symbol,
            issued_on=report.report_date,
            issuer_org=report.organization,
            subject=report.title,
            signer_name=signer,
        )
    except ValidationError as exc:
        raise ValidationError(
            _(
                "Chưa ký được: sổ văn bản đi không nhận báo cáo số %(ref)s. %(reason)s Hãy kiểm tra "
                "sổ văn bản đi: nếu văn thư đã vào sổ số này cho văn bản khác, sửa hoặc xóa văn bản "
                "đó rồi ký lại; báo cáo vẫn ở bước đã rà soát."
            )
            % {"ref": report.reference, "reason": " ".join(exc.messages)},
            code="registry",
        ) from None
    previous = report.corrects.registry_document if report.corrects_id else None
    if previous is not None and previous.deleted_at is None:
        # The corrected version is a new document that replaces the one issued before.
        document_actions.add_relation(document, previous, RelationKind.REPLACES, actor=actor)
    return document


def _require(actor, perm, org, message):
    """The action's own access check (views check too): a ValidationError naming who may do it."""
    from danchu.orgs import access

    if not access.can(actor, perm, org):
        raise ValidationError(message, code="permission")


def _json_safe(value):
    """The document context as plain JSON (lazy strings become text), to be stored and rendered."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _active_template(report):
    """The uploaded template the report renders with (its own, else the active one of its type
    and framework), None for the default file: recorded in the snapshot at signature."""
    if report.template_id:
        return report.template
    return (
        ReportTemplate.objects.filter(
            report_type=report.report_type, framework=report.framework, is_active=True
        )
        .order_by("-uploaded_at")
        .first()
    )


@in_vietnamese
def _freeze(report, data, actor):
    """The snapshot of what the head signs: the values, lists and documents, the section texts and
    the whole context of the document (reference, date, signature block, recipients, sentences,
    appendix), plus the template it renders with."""
    from .content import build_context

    template = _active_template(report)
    return ReportSnapshot.objects.create(
        report=report,
        values=data.to_json(),
        content={
            "sections": {s.key: s.text for s in report.sections.all()},
            "context": _json_safe(build_context(report, data)),
            "template": template.pk if template else None,
        },
        number=report.number,
        reference=report.reference,
        registry_document=report.registry_document,
        signed_by=actor,
        signed_at=report.signed_at,
    )


@transaction.atomic
def sign(report, *, actor):
    """Sign: the checks must pass; the number is the next of the issuer's yearly sequence of
    reports, shared with the registry, and the signed report is entered in the register of
    outgoing documents; the figures, lists and texts the checks saw are frozen in the snapshot
    that submission renders. All or nothing: if the registry refuses the entry, nothing changes."""
    from .checks import run_checks

    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.REVIEWED:
        raise ValidationError(_("Chỉ ký được báo cáo đã rà soát."))
    _require(actor, "reporting.sign", report.organization, _("Chỉ lãnh đạo cơ quan được ký báo cáo."))
    with translation.override("vi"):  # the labels frozen with the lists are the document's
        data = compute(report.organization, report.period, report.data_start, report.data_end)
    errors = [p for p in run_checks(report, data) if p.is_error]
    if errors:
        raise ValidationError(
            _("Chưa ký được: còn %(n)s lỗi cần sửa (%(first)s).")
            % {"n": len(errors), "first": errors[0].message}
        )
    report.number = next_number(report.organization, report.report_date.year)
    report.registry_document = _register(report, actor=actor)
    report.signed_at = timezone.now()
    _freeze(report, data, actor)
    _transition(report, actor, ReportStatus.SIGNED, f"ký báo cáo số {report.reference}")
    return report


# The lists of the document, named for the differences a submission lists.
LIST_LABELS = {
    "campaigns": "Danh sách đợt tuyên truyền, phổ biến",
    "funds": "Danh sách kinh phí thực hiện",
    "led_subjects": "Danh sách đối tượng thanh tra, kiểm tra do cơ quan chủ trì",
    "joint_by_partner": "Danh sách cuộc thanh tra, kiểm tra phối hợp",
    "referred_to": "Danh sách vụ việc chuyển cơ quan có thẩm quyền",
    "postings": "Danh sách tin, bài, văn bản đăng tải",
}
DOCUMENT_GROUPS = {"party": "Văn bản của cấp ủy đã ban hành", "government": "Văn bản chính quyền đã ban hành"}


def _shown(indicator, value):
    return indicator.format(value) if value is not None else "—"


@in_vietnamese
def signed_differences(report, frozen=None, data=None):
    """What a register change since the signature would alter in the signed report: a list of
    Vietnamese lines "label: signed value → current value" (empty when the signed figures still
    hold). Compares every indicator value, every list and the documents issued in the window."""
    frozen = frozen or report.snapshot
    if frozen is None:
        return []
    if data is None:
        data = compute(report.organization, report.period, report.data_start, report.data_end)
    current, signed = data.to_json(), frozen.values
    lines = []
    for code, item in signed.get("values", {}).items():
        indicator = BY_CODE.get(code)
        now = current["values"].get(code, {}).get("value")
        if indicator is not None and item.get("value") != now:
            lines.append(
                _("%(label)s: %(signed)s → %(now)s")
                % {
                    "label": indicator.label,
                    "signed": _shown(indicator, item.get("value")),
                    "now": _shown(indicator, now),
                }
            )
    pairs = [
        (LIST_LABELS.get(name, name), signed.get("lists", {}).get(name, []), current["lists"].get(name, []))
        for name in sorted(set(signed.get("lists", {})) | set(current["lists"]))
    ] + [
        (label, signed.get("documents", {}).get(group, []), current["documents"].get(group, []))
        for group, label in DOCUMENT_GROUPS.items()
    ]
    for label, before, after in pairs:
        if before != after:
            if len(before) != len(after):
                lines.append(
                    _("%(label)s: %(signed)s → %(now)s mục")
                    % {"label": label, "signed": len(before), "now": len(after)}
                )
            else:
                lines.append(_("%(label)s: nội dung đã thay đổi") % {"label": label})
    return lines


def _drift_error(report, frozen, lines):
    return ValidationError(
        [
            _(
                "Chưa gửi được: sổ theo dõi đã thay đổi sau khi ký, số liệu của báo cáo số "
                "%(ref)s không còn đúng với số liệu đã ký:"
            )
            % {"ref": frozen.reference},
            *lines,
            _(
                "Lãnh đạo hãy “Hủy chữ ký để ký lại” (ghi lý do): báo cáo trở về bước đã rà soát, "
                "được kiểm tra và ký lại với số liệu hiện tại và nhận số mới; số %(ref)s đã cấp "
                "vẫn ghi trong sổ văn bản đi và không dùng lại."
            )
            % {"ref": frozen.reference},
        ],
        code="signed_figures_changed",
    )


def _require_submittable(report, actor):
    if report.status != ReportStatus.SIGNED:
        raise ValidationError(_("Chỉ gửi được báo cáo đã ký."))
    _require(
        actor, "reporting.submit", report.organization, _("Bạn không có quyền gửi báo cáo của cơ quan này.")
    )
    frozen = report.snapshot
    if frozen is None:  # signed before snapshots were taken at signature: sign again
        raise ValidationError(_("Báo cáo đã ký chưa có bản chốt số liệu; hãy hủy chữ ký và ký lại."))
    return frozen


def _signed_source(frozen):
    """The template the snapshot was signed with: the uploaded one, else the default file."""
    template_id = frozen.content.get("template")
    if template_id:
        template = ReportTemplate.objects.filter(pk=template_id).first()
        if template is not None:
            return template.file.open("rb")
    report = frozen.report
    return open(rendering.default_template_path(report.report_type, report.framework), "rb")


@in_vietnamese
def render_signed(report, frozen, formats):
    """{format: bytes} rendered from the signed snapshot only (its context and values), never from
    the live registers. PDF raises PdfUnavailable when LibreOffice is absent or fails."""
    data = ReportData.from_json(frozen.values)
    context = frozen.content.get("context")
    source = _signed_source(frozen)
    try:
        docx = rendering.render_template(source, context)
    finally:
        source.close()
    out = {}
    if "docx" in formats:
        out["docx"] = docx
    if "xlsx" in formats:
        out["xlsx"] = rendering.render_xlsx(report, data)
    if "pdf" in formats:
        out["pdf"] = rendering.render_pdf(docx, rendering.file_basename(report))
    return out


def _render_for_submission(report, frozen):
    """The DOCX and XLSX always; the PDF when LibreOffice converts it. ({fmt: bytes}, message)."""
    files = render_signed(report, frozen, ["docx", "xlsx"])
    if not rendering.soffice_binary():
        return files, _(
            "Máy chủ chưa cài LibreOffice: đã gửi tệp DOCX và XLSX; bản PDF bổ sung sau bằng nút "
            "“Tạo bản PDF từ tệp DOCX đã chốt”."
        )
    try:
        files["pdf"] = rendering.render_pdf(files["docx"], rendering.file_basename(report))
    except rendering.PdfUnavailable as exc:
        return files, _("%(error)s Đã gửi tệp DOCX và XLSX; bản PDF bổ sung sau từ tệp DOCX đã chốt.") % {
            "error": exc
        }
    return files, ""


def _report_receivers():
    """The functions of the installed apps that receive a submitted report (consolidation forwards a
    correction to every request an earlier version answers): an app declares
    `report_submitted = "dotted.path"` on its AppConfig. Called inside the submission's
    transaction, so a report is never submitted without reaching them."""
    from django.apps import apps
    from django.utils.module_loading import import_string

    return [
        import_string(config.report_submitted)
        for config in apps.get_app_configs()
        if getattr(config, "report_submitted", None)
    ]


@in_vietnamese
def submit(report, *, actor):
    """Submit to the requesting body: the files are rendered from the signed snapshot (outside
    the locked transaction) and stored with their SHA-256. Refused, with the differences, when a
    register change since the signature would alter a signed figure. Without LibreOffice the DOCX
    and XLSX are still handed over (`report.submission_message` says so); add_pdf adds the PDF."""
    report = Report.objects.get(pk=report.pk)
    frozen = _require_submittable(report, actor)
    lines = signed_differences(report, frozen)
    if lines:
        raise _drift_error(report, frozen, lines)
    try:
        files, message = _render_for_submission(report, frozen)
    except rendering.RenderError as exc:  # a broken template: nothing is submitted
        raise ValidationError(str(exc), code="render") from None
    with _discard_on_failure() as stored, transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        locked = _require_submittable(report, actor)
        if locked.pk != frozen.pk:
            raise ValidationError(_("Báo cáo vừa được ký lại trong lúc gửi; hãy bấm “Gửi báo cáo” lại."))
        lines = signed_differences(report, locked)
        if lines:
            raise _drift_error(report, locked, lines)
        for fmt, content in files.items():
            stored.append(_store_file(report, fmt, content, locked))
        report.submitted_at = timezone.now()
        _transition(report, actor, ReportStatus.SUBMITTED, "gửi báo cáo", reason=message)
        for receive in _report_receivers():
            receive(report, actor=actor)
    report.submission_message = message
    return report


@transaction.atomic
def withdraw_signature(report, *, actor, reason):
    """Withdraw the signature of a signed report that was not submitted (its signed figures no
    longer hold, or the head must sign another text): the report returns to "reviewed" to be
    checked and signed again. Per Nghị định 30/2020 the number is given after the signature and
    belongs to the signed text: the number is not reused, its entry in the register of outgoing
    documents is kept with a note, and the snapshot is kept, marked withdrawn. The next signature
    takes the next number."""
    from danchu.documents import actions as document_actions
    from danchu.documents.models import RelationKind

    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SIGNED:
        raise ValidationError(_("Chỉ hủy chữ ký được báo cáo đã ký, chưa gửi."))
    _require(actor, "reporting.sign", report.organization, _("Chỉ lãnh đạo cơ quan được hủy chữ ký báo cáo."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do hủy chữ ký.")})
    reference = report.reference
    frozen = report.snapshot
    if frozen is not None:
        frozen.withdrawn_at, frozen.withdrawn_by, frozen.withdrawal_reason = timezone.now(), actor, reason
        frozen.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    document = report.registry_document
    if document is not None and document.deleted_at is None:
        note = f"Không phát hành: lãnh đạo hủy chữ ký ngày {timezone.localdate():%d/%m/%Y} ({reason}); số này không dùng lại."
        document_actions.update_document(document, actor=actor, notes=f"{document.notes}\n{note}".strip())
        # An entry never issued replaces nothing: the next signature's entry replaces the version
        # this one corrected, and the register must not show it replaced twice.
        for relation in document.relations_out.filter(kind=RelationKind.REPLACES).select_related("target"):
            document_actions.remove_relation(relation, actor=actor)
    before = snapshot(report)
    report.number, report.registry_document, report.signed_at = None, None, None
    report.status = ReportStatus.REVIEWED
    report.save()
    record(
        report,
        AuditAction.TRANSITION,
        actor,
        changes=diff(before, snapshot(report)),
        verb=f"hủy chữ ký báo cáo số {reference}",
        reason=reason,
    )
    return report


@contextmanager
def _discard_on_failure():
    """Yields the list the block appends the ReportFile rows it stores to; when the block fails (its
    transaction rolls back, the rows with it), their files are deleted from the storage too, so no
    file is left behind rows that do not exist. Enter it outside the block's `transaction.atomic`."""
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


@in_vietnamese
def add_pdf(report, *, actor):
    """Add the PDF of a submitted report that was handed over without one (LibreOffice missing or
    failing at submission): converted from the frozen DOCX, whose bytes are checked against their
    SHA-256 first and never changed; stored with its own SHA-256 and audited. `actor` None is the
    command line."""
    report = Report.objects.get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ bổ sung bản PDF cho báo cáo đã gửi."))
    if actor is not None:
        _require(
            actor,
            "reporting.submit",
            report.organization,
            _("Bạn không có quyền bổ sung tệp cho báo cáo này."),
        )
    frozen = report.snapshot
    files = {f.format: f for f in frozen.files.all()}
    if "pdf" in files:
        raise ValidationError(_("Báo cáo đã có bản PDF đã chốt."))
    if "docx" not in files:
        raise ValidationError(_("Báo cáo đã gửi không có tệp DOCX đã chốt để tạo bản PDF."))
    with files["docx"].file.open("rb") as fh:
        docx = fh.read()
    if rendering.sha256(docx) != files["docx"].sha256:
        raise ValidationError(
            _("Tệp DOCX đã chốt không khớp mã SHA-256 đã lưu; không tạo bản PDF từ tệp này.")
        )
    try:
        pdf = rendering.render_pdf(docx, rendering.file_basename(report))
    except rendering.PdfUnavailable as exc:
        raise ValidationError(str(exc), code="pdf_unavailable") from None
    with _discard_on_failure() as stored, transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.snapshot.files.filter(format=FileFormat.PDF).exists():
            raise ValidationError(_("Báo cáo đã có bản PDF đã chốt."))
        item = _store_file(report, "pdf", pdf, report.snapshot)
        stored.append(item)
        record(
            report,
            AuditAction.UPDATE,
            actor,
            changes={"files": [None, {"pdf": item.sha256, "from_docx": files["docx"].sha256}]},
            verb="bổ sung bản PDF từ tệp DOCX đã chốt",
        )
    return item


@transaction.atomic
def start_correction(report, *, actor, reason):
    """A correction of a submitted report is a new version with a reason; the old one is kept."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ đính chính được báo cáo đã gửi."))
    _require(
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


@in_vietnamese
def report_data(report):
    """The signed data of a signed or submitted report (its snapshot), else the live computation
    from the registers."""
    if report.pk and report.status in (ReportStatus.SIGNED, ReportStatus.SUBMITTED):
        frozen = report.snapshot
        if frozen is not None:
            return ReportData.from_json(frozen.values)
    return compute(report.organization, report.period, report.data_start, report.data_end)


def parse_formats(text):
    formats = [f.strip().lower() for f in (text or "").split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if not formats or bad:
        raise ValidationError(
            _("Định dạng không hợp lệ: %(bad)s. Chọn trong: docx, pdf, xlsx.")
            % {"bad": ", ".join(bad) or _("(trống)")}
        )
    return formats


@in_vietnamese
def render_files(report, formats, progress=None):
    """{format: (filename, bytes)} for a report: the frozen files of a submitted one, the signed
    snapshot's rendering for a signed one, else a fresh render from the registers."""
    progress = progress or (lambda pct, msg: None)
    basename = rendering.file_basename(report)
    if report.pk and report.status == ReportStatus.SUBMITTED:
        frozen = {f.format: f for f in report.snapshot.files.all()}
        out = {}
        for fmt in formats:
            if fmt not in frozen:
                if fmt == "pdf":
                    raise rendering.PdfUnavailable(
                        _(
                            "Báo cáo đã gửi chưa có bản PDF (khi gửi máy chủ chưa cài LibreOffice); "
                            "bấm “Tạo bản PDF từ tệp DOCX đã chốt” để bổ sung."
                        )
                    )
                continue
            with frozen[fmt].file.open("rb") as fh:
                out[fmt] = (frozen[fmt].filename, fh.read())
        return out
    signed = report.snapshot if report.pk and report.status == ReportStatus.SIGNED else None
    if signed is not None:
        progress(50, _("Đang tạo tệp từ bản đã ký…"))
        rendered = render_signed(report, signed, formats)
    else:
        progress(10, _("Đang tính số liệu từ các sổ theo dõi…"))
        data = report_data(report)
        progress(50, _("Đang tạo tệp báo cáo…"))
        rendered = rendering.render_all(report, data, formats)
    return {fmt: (f"{basename}.{fmt}", content) for fmt, content in rendered.items()}


def run_build(build):
    """The body of the background build: render, store the files of the draft, report progress."""
    report = build.report

    def progress(pct, message):
        ReportBuild.objects.filter(pk=build.pk).update(
            progress=pct, message=message, status=BuildStatus.RUNNING
        )

    try:
        formats = parse_formats(build.formats)
        done_message = _("Đã tạo xong.")
        try:
            files = render_files(report, formats, progress)
        except rendering.PdfUnavailable as exc:
            # Without LibreOffice the other files are still handed over, the PDF named as missing.
            others = [fmt for fmt in formats if fmt != "pdf"]
            if not others:
                raise
            files = render_files(report, others, progress)
            done_message = _("Đã tạo xong, trừ tệp PDF: %(error)s") % {"error": exc}
        with _discard_on_failure() as stored, transaction.atomic():
            if report.status != ReportStatus.SUBMITTED:
                replaced = list(report.files.filter(snapshot__isnull=True, format__in=list(files)))
                for old in replaced:
                    old.delete()
                for fmt, (_name, content) in files.items():
                    stored.append(_store_file(report, fmt, content))
                # The replaced files go only once their rows are gone for good (a rollback keeps
                # the rows, and they must still open).
                gone = [(old.file.storage, old.file.name) for old in replaced]
                transaction.on_commit(lambda: [storage.delete(name) for storage, name in gone])
            ReportBuild.objects.filter(pk=build.pk).update(
                status=BuildStatus.DONE, progress=100, message=done_message, finished_at=timezone.now()
            )
    except (ValidationError, rendering.RenderError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        ReportBuild.objects.filter(pk=build.pk).update(
            status=BuildStatus.FAILED, message=message, finished_at=timezone.now()
        )
    build.refresh_from_db()
    return build


def may_build(user, report):
    """A build of a report not yet submitted replaces its draft files: only who drafts it (its
    clerks and head). The frozen files of a submitted report are read by whoever may view it."""
    from danchu.orgs import access

    perm = "reporting.view" if report.status == ReportStatus.SUBMITTED else "reporting.draft"
    return access.can(user, perm, report.organization)


@transaction.atomic
def request_build(report, formats, *, actor):
    if not may_build(actor, report):
        raise ValidationError(
            _("Chỉ cán bộ soạn thảo và lãnh đạo cơ quan được tạo tệp của báo cáo chưa gửi."),
            code="permission",
        )
    parse_formats(formats)
    build = ReportBuild.objects.create(report=report, formats=formats, requested_by=actor)
    record(report, AuditAction.EXPORT, actor, verb=f"tạo tệp báo cáo ({formats})")
    return build


@transaction.atomic
def upload_template(report_type, framework, name, uploaded_file, *, actor):
    """Store an administrator's template once it renders against a sample report."""
    from .sample import sample_context

    content = uploaded_file.read()
    import io

    rendering.render_template(io.BytesIO(content), sample_context(framework))
    ReportTemplate.objects.filter(report_type=report_type, framework=framework, is_active=True).update(
        is_active=False
    )
    template = ReportTemplate(report_type=report_type, framework=framework, name=name, uploaded_by=actor)
    template.file.save(f"{rendering.slug(name)}.docx", ContentFile(content), save=False)
    template.save()
    record_create(template, actor, verb="tải lên mẫu báo cáo")
    return template
