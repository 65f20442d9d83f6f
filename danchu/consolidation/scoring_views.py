"""Pages of the scoring of agencies by the province: schemes, their ranking and each agency's assessment."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core.xlsx import xlsx_response
from danchu.orgs import access
from danchu.orgs.models import Organization

from . import actions, figures
from .forms import ScoresForm
from .models import (
    Assessment,
    AssessmentStatus,
    ScoringScheme,
)
from .views import _apply_errors, _org_or_404

# Scoring


def _scheme_or_404(uuid):
    try:
        return ScoringScheme.objects.select_related("province").get(uuid=uuid)
    except ScoringScheme.DoesNotExist:
        raise Http404 from None


@login_required
def scheme_list(request):
    managed = access.orgs_with(request.user, "consolidation.manage")
    own = list(access.orgs_with(request.user, "consolidation.self_assess").filter(depth__gte=1))
    provinces = {o.path.strip("/").split("/")[0] for o in own}
    qs = ScoringScheme.objects.filter(
        Q(province__in=managed.values("pk")) | Q(province__pk__in=[int(p) for p in provinces])
    ).select_related("province")
    # The ranking is the assessor's page (scheme_detail): linked only for those who may open it.
    managed_ids = set(managed.values_list("pk", flat=True))
    schemes = list(qs.distinct())
    for scheme in schemes:
        scheme.can_rank = scheme.province_id in managed_ids
    return render(
        request,
        "consolidation/schemes.html",
        {"schemes": schemes, "own": [o for o in own if o.depth == 1]},
    )


def _ranking(scheme):
    assessments = list(
        Assessment.objects.filter(scheme=scheme).select_related("organization").order_by("organization__path")
    )
    return sorted(
        assessments,
        key=lambda a: (a.assessor_total is None, -(a.assessor_total or 0), -(a.self_total or 0)),
    )


@login_required
def scheme_detail(request, uuid):
    scheme = _scheme_or_404(uuid)
    if not access.can(request.user, "consolidation.manage", scheme.province):
        raise Http404
    ranking = _ranking(scheme)
    if request.GET.get("format") == "xlsx":
        rows = [
            (
                index,
                a.organization.name,
                figures.plain(a.self_total),
                figures.plain(a.assessor_total),
                figures.plain(a.bonus),
                a.grade,
                a.get_status_display(),
            )
            for index, a in enumerate(ranking, start=1)
        ]
        record(
            scheme, AuditAction.EXPORT, request.user, organization=scheme.province, verb="xuất bảng xếp hạng"
        )
        return xlsx_response(
            f"xep-hang-{scheme.year}.xlsx",
            [
                (
                    _("Xếp hạng"),
                    [
                        _("Hạng"),
                        _("Cơ quan"),
                        _("Tự chấm"),
                        _("Thẩm định"),
                        _("Điểm thưởng"),
                        _("Xếp loại"),
                        _("Trạng thái"),
                    ],
                    rows,
                )
            ],
        )
    criteria = list(scheme.criteria.all())
    agencies = Organization.objects.filter(parent=scheme.province).valid_on(
        datetime.date(scheme.year, 12, 31)
    )
    return render(
        request,
        "consolidation/scheme.html",
        {
            "scheme": scheme,
            "ranking": ranking,
            "criteria": criteria,
            "bands": list(scheme.bands.all()),
            "agencies": agencies.exclude(pk__in=[a.organization_id for a in ranking]),
            "total_max": sum(c.max_points for c in criteria if c.parent_id is None),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request, uuid, org):
    scheme = _scheme_or_404(uuid)
    org = _org_or_404(org)
    if not org.is_within(scheme.province):
        raise Http404
    is_officer = access.can(request.user, "consolidation.score", scheme.province)
    is_agency = access.can(request.user, "consolidation.self_assess", org)
    if not (is_officer or is_agency or access.can(request.user, "consolidation.manage", scheme.province)):
        raise Http404
    item = Assessment.objects.filter(scheme=scheme, organization=org).first()
    leaves = actions.leaf_criteria(scheme)
    scores = {s.criterion_id: s for s in item.scores.all()} if item else {}
    assessor_mode = is_officer and request.GET.get("as") != "agency" and not is_agency
    if assessor_mode:
        initial = {
            pk: s.assessor_score if s.assessor_score is not None else s.self_score for pk, s in scores.items()
        }
    else:
        initial = {pk: s.self_score for pk, s in scores.items()}
    form = ScoresForm(
        request.POST or None,
        criteria=leaves,
        assessor=assessor_mode,
        bonus_max=scheme.bonus_max,
        initial_scores=initial,
    )
    if assessor_mode and item and not form.is_bound:
        form.initial.update({"bonus": item.bonus, "bonus_reason": item.bonus_reason})
    editable = assessor_mode or (
        is_agency and scheme.self_assessment_open and (item is None or item.status != AssessmentStatus.SCORED)
    )
    if request.method == "POST":
        if not editable:
            raise Http404
        if form.is_valid():
            try:
                if assessor_mode:
                    target = item or actions.get_assessment(scheme, org)
                    actions.score_assessment(
                        target,
                        form.scores(),
                        actor=request.user,
                        bonus=form.cleaned_data.get("bonus") or 0,
                        bonus_reason=form.cleaned_data.get("bonus_reason", ""),
                    )
                    messages.success(request, _("Đã lưu điểm thẩm định."))
                else:
                    submit = request.POST.get("submit") == "1"
                    actions.self_assess(scheme, org, form.scores(), actor=request.user, submit=submit)
                    messages.success(
                        request, _("Đã gửi kết quả tự chấm.") if submit else _("Đã lưu điểm tự chấm.")
                    )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                return redirect("consolidation:assessment", uuid=scheme.uuid, org=org.uuid)
    rows = []
    for criterion in scheme.criteria.all():
        score = scores.get(criterion.pk)
        rows.append(
            {
                "criterion": criterion,
                "self": score.self_score if score else None,
                "assessor": score.assessor_score if score else None,
                "field": form[f"c{criterion.pk}"] if f"c{criterion.pk}" in form.fields else None,
            }
        )
    return render(
        request,
        "consolidation/assessment.html",
        {
            "scheme": scheme,
            "org": org,
            "item": item,
            "rows": rows,
            "form": form,
            "editable": editable,
            "assessor_mode": assessor_mode,
        },
        status=400 if form.errors else 200,
    )
