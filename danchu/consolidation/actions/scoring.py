"""Scoring schemes and the agencies’ assessments."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import transactions
from danchu.orgs import access

from .. import figures
from ..models import (
    Assessment,
    AssessmentStatus,
    Criterion,
    GradeBand,
    Score,
    ScoringScheme,
)

# Scoring


@transactions.action()
def create_scheme(*, actor, province, year, name, criteria, bands, basis="", bonus_max=0):
    """criteria: [(number, label, max_points, [(number, label, max_points), ...])]; bands: [(label, min)]."""
    access.check(
        actor, "consolidation.manage", province, _("Chỉ cán bộ Sở Nội vụ được lập bộ tiêu chí chấm điểm.")
    )
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


@transactions.action()
def self_assess(scheme, org, scores, *, actor, notes=None, submit=False):
    """The agency's self-scores {criterion pk: Decimal}; `submit` hands them to the province."""
    access.check(
        actor, "consolidation.self_assess", org, _("Chỉ lãnh đạo và cán bộ của cơ quan được tự chấm điểm.")
    )
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


@transactions.action()
def score_assessment(assessment, scores, *, actor, bonus=Decimal(0), bonus_reason=""):
    """The province's scores {criterion pk: Decimal} plus a bonus; sets the total and the grade."""
    assessment = Assessment.objects.select_for_update().select_related("scheme").get(pk=assessment.pk)
    scheme = assessment.scheme
    access.check(
        actor, "consolidation.score", scheme.province, _("Chỉ cán bộ Sở Nội vụ được thẩm định điểm.")
    )
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
