"""Every change on the provincial side goes through one of these functions: atomic, validated
with Vietnamese messages, and audited in the same transaction."""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.notifications.actions import notify
from danchu.orgs import access
from danchu.orgs.models import Role, RoleAssignment

from . import figures, targets
from . import notifications as notices
from .models import (
    Assessment,
    AssessmentStatus,
    Criterion,
    GradeBand,
    ReportRequest,
    RequestTarget,
    Score,
    ScoringScheme,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    TargetMode,
)

UPLOAD_SIGNATURES = {".pdf": b"%PDF", ".docx": b"PK\x03\x04"}


# Requests


@transaction.atomic
def create_request(
    *,
    actor,
    requesting_org,
    reference,
    issued_on,
    title,
    period,
    deadline,
    target_mode=TargetMode.SUBTREE,
    target_root=None,
    chosen=(),
    data_start=None,
    data_end=None,
    document=None,
    note="",
    report_type=None,
    new_period=None,
):
    """Create a request and resolve, on its date, the organisations that must answer.

    Without `period`, `new_period` ({"kind", "year", "part"}) names the period: the existing one
    of that code, else one created here with the default cut-off (orgs.actions.create_period)."""
    if actor is not None and not access.can(actor, "consolidation.manage", requesting_org):
        raise PermissionDenied
    if period is None:
        period = _period_for_request(new_period or {}, actor)
    errors = {}
    if not (reference or "").strip():
        errors["reference"] = _("Phải ghi số, ký hiệu văn bản yêu cầu.")
    if deadline is not None and issued_on is not None and deadline < issued_on:
        errors["deadline"] = _("Hạn gửi báo cáo không được trước ngày văn bản yêu cầu.")
    data_start = data_start or period.cutoff_start
    data_end = data_end or period.cutoff_end
    if data_end < data_start:
        errors["data_end"] = _("Ngày chốt số liệu cuối không được trước ngày đầu.")
    if target_mode == TargetMode.SUBTREE and target_root is None:
        errors["target_root"] = _("Chọn cơ quan cấp trên có các cơ quan phải báo cáo.")
    if target_mode == TargetMode.LIST and not chosen:
        errors["chosen"] = _("Chọn ít nhất một cơ quan phải báo cáo.")
    if ReportRequest.objects.filter(
        requesting_org=requesting_org, reference=(reference or "").strip()
    ).exists():
        errors["reference"] = _("Cơ quan đã có yêu cầu báo cáo mang số, ký hiệu này.")
    if errors:
        raise ValidationError(errors)
    found, dropped = targets.resolve(
        mode=target_mode, day=issued_on, root=target_root, chosen=chosen, exclude=requesting_org
    )
    if not found:
        raise ValidationError(
            _("Không có cơ quan nào còn hoạt động vào ngày %(date)s trong phạm vi đã chọn.")
            % {"date": issued_on.strftime("%d/%m/%Y")}
        )
    request = ReportRequest(
        requesting_org=requesting_org,
        reference=reference.strip(),
        issued_on=issued_on,
        title=title.strip(),
        period=period,
        data_start=data_start,
        data_end=data_end,
        deadline=deadline,
        target_mode=target_mode,
        target_root=target_root,
        document=document,
        note=note,
        created_by=actor,
        **({"report_type": report_type} if report_type else {}),
    )
    request.full_clean()
    request.save()
    RequestTarget.objects.bulk_create([RequestTarget(request=request, organization=o) for o in found])
    record_create(
        request,
        actor,
        organization=requesting_org,
        verb=f"gửi yêu cầu báo cáo tới {len(found)} cơ quan",
        reason=("Không còn hoạt động, không có cơ quan kế thừa: " + ", ".join(o.name for o in dropped))
        if dropped
        else "",
    )
    _notify(
        request,
        found,
        actor,
        notices.REQUEST_ISSUED,
        {"ref": request.reference, "title": request.title, "deadline": request.deadline.strftime("%d/%m/%Y")},
    )
    return request


def _period_for_request(spec, actor):
    from danchu.orgs import actions as org_actions
    from danchu.orgs.models import PeriodKind, ReportingPeriod
    from danchu.orgs.periods import period_code

    kind, year, part = spec.get("kind") or PeriodKind.ANNUAL, spec.get("year"), spec.get("part")
    if not year:
        raise ValidationError({"period": _("Chọn kỳ báo cáo, hoặc ghi năm để tạo kỳ mới.")})
    existing = ReportingPeriod.objects.filter(code=period_code(kind, int(year), part)).first()
    if existing is not None:
        return existing
    # The request's own permission (consolidation.manage) covers creating its period.
    return org_actions.create_period(actor=actor, kind=kind, year=year, part=part, authorised=True)


def _agency_users(org_ids):
    by_org = {}
    for a in RoleAssignment.objects.filter(
        organization_id__in=org_ids, role__in=[Role.CLERK, Role.AGENCY_HEAD]
    ).select_related("user"):
        by_org.setdefault(a.organization_id, {})[a.user_id] = a.user
    return by_org


def _notify(request, orgs, actor, kind, params):
    """A notice to each agency's clerks and head (danchu/notifications): in danchu, and an e-mail
    where they have an address, sent once this transaction commits."""
    by_org = _agency_users([o.pk for o in orgs])
    sent = 0
    for org in orgs:
        users = list(by_org.get(org.pk, {}).values())
        if not users:
            continue
        url = reverse("consolidation:agency", kwargs={"uuid": request.uuid, "org": org.uuid})
        sent += len(
            notify(kind, users, params=params, target=request, organization=org, actor=actor, url=url)
        )
    return sent


# Completeness


def missing_orgs(request):
    """Targets with no current submission, or whose current one was returned."""
    current = {
        s.organization_id: s.status
        for s in Submission.objects.current().filter(request=request).only("organization_id", "status")
    }
    return [
        t.organization
        for t in request.target_rows.select_related("organization")
        if current.get(t.organization_id) in (None, SubmissionStatus.RETURNED)
    ]


@transaction.atomic
def send_reminders(request, *, actor):
    """Remind every agency that has not (validly) answered yet. Returns the number of notices."""
    missing = missing_orgs(request)
    if not missing:
        raise ValidationError(_("Tất cả cơ quan đã gửi báo cáo; không có ai cần nhắc."))
    today = timezone.localdate()
    kind = notices.REMINDER_OVERDUE if today > request.deadline else notices.REMINDER
    params = {"ref": request.reference, "deadline": request.deadline.strftime("%d/%m/%Y")}
    sent = _notify(request, missing, actor, kind, params)
    record(
        request,
        AuditAction.OTHER,
        actor,
        organization=request.requesting_org,
        verb=f"nhắc {len(missing)} cơ quan chưa gửi báo cáo",
        changes={"reminded": [None, [o.code for o in missing]]},
    )
    return sent


# Submissions


def _prepare_version(request, org):
    """The current submission (locked) if it was returned, checking the agency may submit now."""
    if not RequestTarget.objects.filter(request=request, organization=org).exists():
        raise ValidationError(_("Cơ quan này không thuộc danh sách phải báo cáo theo yêu cầu này."))
    current = (
        Submission.objects.select_for_update()
        .filter(request=request, organization=org, is_current=True)
        .first()
    )
    if current is not None and current.status != SubmissionStatus.RETURNED:
        raise ValidationError(
            _("Cơ quan đã gửi báo cáo (phiên bản %(version)s); chỉ gửi lại được khi báo cáo bị trả lại.")
            % {"version": current.version}
        )
    return current


def _new_submission(request, org, current, actor, submitted_at=None, **fields):
    now = submitted_at or timezone.now()
    if current is not None:
        Submission.objects.filter(pk=current.pk).update(is_current=False)
    submission = Submission.objects.create(
        request=request,
        organization=org,
        version=(current.version + 1) if current else 1,
        previous=current,
        submitted_at=now,
        submitted_by=actor,
        is_late=timezone.localdate(now) > request.deadline,
        **fields,
    )
    record_create(
        submission,
        actor,
        organization=org,
        verb=f"gửi báo cáo phiên bản {submission.version}" + (" (muộn)" if submission.is_late else ""),
    )
    return submission


def _later_submitted_version(report):
    """The newest submitted correction of `report`, if any (corrections are a chain v1 → v2 → …)."""
    from danchu.reporting.models import Report, ReportStatus

    return (
        Report.objects.filter(
            organization=report.organization_id,
            period=report.period_id,
            report_type=report.report_type,
            version__gt=report.version,
            status=ReportStatus.SUBMITTED,
        )
        .order_by("-version")
        .first()
    )


@transaction.atomic
def submit_report(request, org, report, *, actor, note="", submitted_at=None):
    """Answer with a report written and submitted in danchu: its frozen snapshot is the figures."""
    from danchu.reporting.models import ReportStatus

    current = _prepare_version(request, org)
    if report.organization_id != org.pk:
        raise ValidationError(_("Báo cáo được chọn không phải của cơ quan này."))
    if report.period_id != request.period_id:
        raise ValidationError(_("Báo cáo được chọn không thuộc kỳ báo cáo của yêu cầu."))
    if report.status != ReportStatus.SUBMITTED or report.snapshot is None:
        raise ValidationError(_("Chỉ gửi được báo cáo đã ký và đã chốt số liệu (trạng thái “Đã gửi”)."))
    later = _later_submitted_version(report)
    if later is not None:
        raise ValidationError(
            _("Báo cáo này đã có bản đính chính đã gửi (phiên bản %(version)s); hãy gửi bản mới nhất.")
            % {"version": later.version}
        )
    values = figures.from_snapshot(report.snapshot.values)
    return _new_submission(
        request,
        org,
        current,
        actor,
        submitted_at=submitted_at,
        kind=SubmissionKind.REPORT,
        report=report,
        values=values,
        note=note.strip(),
        correction_reason=report.correction_reason if report.version > 1 else "",
    )


@transaction.atomic
def forward_correction(report, *, actor):
    """A corrected version (v2…) signed and submitted in reporting becomes the current answer to
    every request one of its earlier versions answers: a new version of that submission, with the
    correction's frozen figures and reason, waiting for the officer's review again (an accepted
    or returned earlier version alike; the earlier versions are kept). Timeliness stays judged on
    the first version (provincial.TargetRow.state). Called by reporting.actions.submit inside its
    transaction. Returns the new submissions."""
    if not report.corrects_id:
        return []
    earlier = []
    version = report.corrects
    while version is not None:
        earlier.append(version.pk)
        version = version.corrects
    currents = list(
        Submission.objects.select_for_update(of=("self",))  # not the joined rows (PostgreSQL)
        .filter(is_current=True, kind=SubmissionKind.REPORT, report_id__in=earlier)
        .select_related("request", "organization", "report")
        .order_by("pk")
    )
    values = figures.from_snapshot(report.snapshot.values)
    created = []
    for current in currents:
        with translation.override("vi"):  # stored, read by the province: Vietnamese
            note = _(
                "Bản đính chính phiên bản %(version)s của báo cáo %(ref)s, thay cho phiên bản %(old)s."
            ) % {
                "version": report.version,
                "ref": report.reference,
                "old": current.report.version,
            }
        submission = _new_submission(
            current.request,
            current.organization,
            current,
            actor,
            submitted_at=report.submitted_at,
            kind=SubmissionKind.REPORT,
            report=report,
            values=values,
            note=note,
            correction_reason=report.correction_reason,
        )
        created.append(submission)
    return created


def _check_upload(uploaded_file):
    name = uploaded_file.name or ""
    ext = name[name.rfind(".") :].lower() if "." in name else ""
    if ext not in UPLOAD_SIGNATURES:
        raise ValidationError({"file": _("Chỉ nhận tệp báo cáo dạng DOCX hoặc PDF.")})
    if uploaded_file.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("Tệp quá lớn (tối đa %(mb)s MB).")
                % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}
            }
        )
    uploaded_file.seek(0)
    content = uploaded_file.read()
    from danchu.documents.uploads import DOCX, PDF, sniff

    kind = sniff(uploaded_file)  # a zip named .docx must really be a Word document
    if not content.startswith(UPLOAD_SIGNATURES[ext]) or kind != {".pdf": PDF, ".docx": DOCX}[ext]:
        raise ValidationError(
            {"file": _("Nội dung tệp không phải là tệp %(kind)s hợp lệ.") % {"kind": ext[1:].upper()}}
        )
    return content


def clean_values(values):
    """Validate a {code: number} dict of entered figures; rates left blank are computed."""
    from danchu.reporting.indicators import BY_CODE

    errors, cleaned = {}, {}
    for code, value in values.items():
        if code not in BY_CODE:
            errors[code] = _("Chỉ tiêu “%(code)s” không tồn tại.") % {"code": code}
            continue
        if value is None or value == "":
            continue
        value = Decimal(str(value))
        problem = figures.check_value(BY_CODE[code], value)
        if problem:
            errors[code] = problem
        else:
            cleaned[code] = figures.plain(value)
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError(_("Phải nhập ít nhất một số liệu của phụ lục."))
    return figures.fill_ratios(cleaned)


@transaction.atomic
def submit_upload(request, org, *, actor, uploaded_file, values, note="", submitted_at=None):
    """Answer with an uploaded DOCX/PDF report and the appendix figures entered by hand."""
    current = _prepare_version(request, org)
    content = _check_upload(uploaded_file)
    cleaned = clean_values(values)
    base = uploaded_file.name.replace("/", "_").replace("\\", "_")[-120:]
    stored = ContentFile(content)
    submission = _new_submission(
        request,
        org,
        current,
        actor,
        submitted_at=submitted_at,
        kind=SubmissionKind.UPLOAD,
        values=cleaned,
        note=note.strip(),
        original_name=base,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
    submission.file.save(base, stored, save=True)
    return submission


@transaction.atomic
def accept_submission(submission, *, actor):
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.is_current or submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Chỉ tiếp nhận được phiên bản mới nhất đang chờ xem xét."))
    submission.status = SubmissionStatus.ACCEPTED
    submission.reviewed_at, submission.reviewed_by = timezone.now(), actor
    submission.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    record(
        submission,
        AuditAction.TRANSITION,
        actor,
        organization=submission.organization,
        changes={"status": [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]},
        verb="tiếp nhận báo cáo",
    )
    return submission


@transaction.atomic
def return_submission(submission, *, actor, reason):
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do trả lại báo cáo.")})
    if not submission.is_current or submission.status == SubmissionStatus.RETURNED:
        raise ValidationError(_("Chỉ trả lại được phiên bản mới nhất chưa bị trả lại."))
    before = submission.status
    submission.status = SubmissionStatus.RETURNED
    submission.return_reason = reason
    submission.reviewed_at, submission.reviewed_by = timezone.now(), actor
    submission.save(update_fields=["status", "return_reason", "reviewed_at", "reviewed_by"])
    record(
        submission,
        AuditAction.TRANSITION,
        actor,
        organization=submission.organization,
        changes={"status": [before, SubmissionStatus.RETURNED]},
        verb="trả lại báo cáo",
        reason=reason,
    )
    _notify(
        submission.request,
        [submission.organization],
        actor,
        notices.RETURNED,
        {"ref": submission.request.reference, "reason": reason},
    )
    return submission


# Scoring


@transaction.atomic
def create_scheme(*, actor, province, year, name, criteria, bands, basis="", bonus_max=0):
    """criteria: [(number, label, max_points, [(number, label, max_points), ...])]; bands: [(label, min)]."""
    if ScoringScheme.objects.filter(province=province, year=year).exists():
        raise ValidationError(_("Tỉnh đã có bộ tiêu chí chấm điểm của năm %(year)s.") % {"year": year})
    scheme = ScoringScheme.objects.create(
        province=province, year=year, name=name, basis=basis, bonus_max=Decimal(str(bonus_max))
    )
    order = 0
    for number, label, max_points, children in criteria:
        order += 1
        parent = Criterion.objects.create(
            scheme=scheme, number=number, label=label, max_points=Decimal(str(max_points)), order=order
        )
        child_total = Decimal(0)
        for c_number, c_label, c_max in children:
            order += 1
            Criterion.objects.create(
                scheme=scheme,
                parent=parent,
                number=c_number,
                label=c_label,
                max_points=Decimal(str(c_max)),
                order=order,
            )
            child_total += Decimal(str(c_max))
        if children and child_total != parent.max_points:
            raise ValidationError(
                _(
                    "Tổng điểm các tiêu chí con của tiêu chí %(number)s (%(total)s) phải bằng "
                    "điểm tối đa của tiêu chí (%(max)s)."
                )
                % {"number": number, "total": child_total, "max": parent.max_points}
            )
    for label, minimum in bands:
        GradeBand.objects.create(scheme=scheme, label=label, min_points=Decimal(str(minimum)))
    record_create(scheme, actor, organization=province, verb="lập bộ tiêu chí chấm điểm")
    return scheme


def leaf_criteria(scheme):
    criteria = list(scheme.criteria.all())
    parents = {c.parent_id for c in criteria if c.parent_id}
    return [c for c in criteria if c.pk not in parents]


def grade_for(scheme_bands, total):
    for band in sorted(scheme_bands, key=lambda b: b.min_points, reverse=True):
        if total >= band.min_points:
            return band.label
    return ""


def _check_scores(leaves, scores):
    errors = {}
    by_pk = {c.pk: c for c in leaves}
    for pk, value in scores.items():
        criterion = by_pk.get(pk)
        if criterion is None:
            errors[f"c{pk}"] = _("Tiêu chí không thuộc bộ tiêu chí này.")
        elif value is not None and not (0 <= value <= criterion.max_points):
            errors[f"c{pk}"] = _("Điểm tiêu chí %(number)s phải từ 0 đến %(max)s.") % {
                "number": criterion.number,
                "max": figures.plain(criterion.max_points),
            }
    if errors:
        raise ValidationError(errors)


def get_assessment(scheme, org):
    assessment, _created = Assessment.objects.get_or_create(scheme=scheme, organization=org)
    return assessment


@transaction.atomic
def self_assess(scheme, org, scores, *, actor, notes=None, submit=False):
    """The agency's self-scores {criterion pk: Decimal}; `submit` hands them to the province."""
    if not scheme.self_assessment_open:
        raise ValidationError(_("Bộ tiêu chí đã khóa tự chấm điểm."))
    assessment = Assessment.objects.select_for_update().get(pk=get_assessment(scheme, org).pk)
    if assessment.status == AssessmentStatus.SCORED:
        raise ValidationError(_("Sở Nội vụ đã thẩm định; không sửa được điểm tự chấm."))
    leaves = leaf_criteria(scheme)
    _check_scores(leaves, scores)
    if submit and any(scores.get(c.pk) is None for c in leaves):
        raise ValidationError(_("Phải tự chấm đủ tất cả tiêu chí trước khi gửi."))
    before = snapshot(assessment)
    notes = notes or {}
    for criterion in leaves:
        score, _created = Score.objects.get_or_create(assessment=assessment, criterion=criterion)
        score.self_score = scores.get(criterion.pk)
        score.note = (notes.get(criterion.pk) or "")[:500]
        score.save()
    assessment.self_total = sum((v for v in scores.values() if v is not None), Decimal(0))
    if submit:
        assessment.status = AssessmentStatus.SELF_SUBMITTED
        assessment.self_submitted_at = timezone.now()
    assessment.save()
    record(
        assessment,
        AuditAction.SUBMIT if submit else AuditAction.UPDATE,
        actor,
        organization=org,
        changes={
            **diff(before, snapshot(assessment)),
            "self_scores": [None, {str(k): str(v) for k, v in scores.items()}],
        },
        verb="gửi kết quả tự chấm điểm" if submit else "lưu điểm tự chấm",
    )
    return assessment


@transaction.atomic
def score_assessment(assessment, scores, *, actor, bonus=Decimal(0), bonus_reason=""):
    """The province's scores {criterion pk: Decimal} plus a bonus; sets the total and the grade."""
    assessment = Assessment.objects.select_for_update().select_related("scheme").get(pk=assessment.pk)
    scheme = assessment.scheme
    leaves = leaf_criteria(scheme)
    _check_scores(leaves, scores)
    errors = {}
    if any(scores.get(c.pk) is None for c in leaves):
        errors["__all__"] = _("Phải chấm đủ tất cả tiêu chí.")
    bonus = bonus or Decimal(0)
    if not (0 <= bonus <= scheme.bonus_max):
        errors["bonus"] = _("Điểm thưởng phải từ 0 đến %(max)s.") % {"max": figures.plain(scheme.bonus_max)}
    if bonus and not (bonus_reason or "").strip():
        errors["bonus_reason"] = _("Phải ghi lý do điểm thưởng.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(assessment)
    for criterion in leaves:
        score, _created = Score.objects.get_or_create(assessment=assessment, criterion=criterion)
        score.assessor_score = scores[criterion.pk]
        score.save()
    assessment.bonus, assessment.bonus_reason = bonus, (bonus_reason or "").strip()
    assessment.assessor_total = sum(scores.values(), Decimal(0)) + bonus
    assessment.grade = grade_for(list(scheme.bands.all()), assessment.assessor_total)
    assessment.status = AssessmentStatus.SCORED
    assessment.scored_at, assessment.assessor = timezone.now(), actor
    assessment.save()
    record(
        assessment,
        AuditAction.UPDATE,
        actor,
        organization=assessment.organization,
        changes={
            **diff(before, snapshot(assessment)),
            "assessor_scores": [None, {str(k): str(v) for k, v in scores.items()}],
        },
        verb="thẩm định điểm",
    )
    return assessment
