"""Pages of the provincial side. Officers (consolidation.manage over the requesting body) see
everything of their requests; an agency's head and clerks see only their own organisation's
answers; anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import params, search
from danchu.core.forms import add_validation_error
from danchu.core.xlsx import XLSX_MIME, xlsx_response
from danchu.notifications import actions as notification_actions
from danchu.orgs import access
from danchu.orgs.models import Organization, ReportingPeriod
from danchu.reporting.indicators import BY_CODE

from . import actions, figures, provincial
from .forms import DataEntryForm, LinkReportForm, RequestForm, ReturnForm
from .models import (
    ReportRequest,
    RequestTarget,
    Submission,
    SubmissionStatus,
)
from .permissions import visible_requests

PAGE_SIZE = 25


def _apply_errors(form, exc):
    add_validation_error(form, exc)


def _request_or_404(uuid):
    try:
        return ReportRequest.objects.select_related("requesting_org", "period", "document").get(uuid=uuid)
    except ReportRequest.DoesNotExist:
        raise Http404 from None


def _can_manage(user, req):
    return access.can(user, "consolidation.manage", req.requesting_org)


def _managed_request(request, uuid):
    req = _request_or_404(uuid)
    if not _can_manage(request.user, req):
        raise Http404
    return req


def _own_targets(user, req):
    """The request's target organisations whose answers this user may see as the agency."""
    allowed = access.orgs_with(user, "consolidation.view_own")
    return list(
        Organization.objects.filter(
            pk__in=RequestTarget.objects.filter(request=req).values("organization")
        ).filter(pk__in=allowed.values("pk"))
    )


# Requests


@login_required
def request_list(request):
    managed = access.orgs_with(request.user, "consolidation.manage")
    own = access.orgs_with(request.user, "consolidation.view_own")
    qs = (
        visible_requests(request.user)
        .select_related("requesting_org", "period")
        .annotate(
            n_targets=Count("target_rows", distinct=True),
            n_counted=provincial.counted_targets(),
            n_on_time=provincial.on_time_targets(),
        )
        .order_by("-issued_on", "-pk")
    )
    f = params.Filters(request)
    q = f.raw("q")
    if q:
        qs = qs.filter(search.matches(q, ("reference", "title")))
    period = f.choice("period", ReportingPeriod.objects.values_list("code", flat=True), label=_("Kỳ báo cáo"))
    if period:
        qs = qs.filter(period__code=period)
    page_number = f.page()
    f.report(request)
    if request.GET.get("format") == "xlsx":
        rows = [
            (
                r.reference,
                r.issued_on,
                r.title,
                r.period.name,
                r.deadline,
                r.n_targets,
                r.n_counted,
                r.n_on_time,
            )
            for r in qs
        ]
        return xlsx_response(
            "yeu-cau-bao-cao.xlsx",
            [
                (
                    _("Yêu cầu báo cáo"),
                    [
                        _("Số, ký hiệu"),
                        _("Ngày"),
                        _("Trích yếu"),
                        _("Kỳ"),
                        _("Hạn gửi"),
                        _("Số cơ quan phải gửi"),
                        _("Số cơ quan đã gửi"),
                        _("Số cơ quan gửi đúng hạn"),
                    ],
                    rows,
                )
            ],
        )
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    query = request.GET.copy()
    query.pop("page", None)
    own_ids = set(own.values_list("pk", flat=True)) if own is not None else set()
    return render(
        request,
        "consolidation/list.html",
        {
            "page_obj": page,
            "q": q,
            "period": period,
            "querystring_without_page": query.urlencode(),
            "can_create": managed.exists(),
            "own_ids": own_ids,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    managed = access.orgs_with(request.user, "consolidation.manage")
    if not managed.exists():
        raise Http404
    requesters = managed.exclude(parent__isnull=True).filter(depth=1)
    form = RequestForm(request.POST or None, orgs=managed)
    form.fields["requesting_org"] = _requesting_field(requesters)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            req = actions.create_request(
                actor=request.user,
                requesting_org=data["requesting_org"],
                reference=data["reference"],
                issued_on=data["issued_on"],
                title=data["title"],
                period=data["period"],
                new_period=None
                if data["period"]
                else {"kind": data["period_kind"], "year": data["period_year"], "part": data["period_part"]},
                data_start=data["data_start"],
                data_end=data["data_end"],
                deadline=data["deadline"],
                target_mode=data["target_mode"],
                target_root=data["target_root"],
                chosen=list(data["chosen"] or []),
                document=data["document"],
                note=data["note"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã gửi yêu cầu báo cáo %(ref)s tới %(n)s cơ quan.")
                % {"ref": req.reference, "n": req.target_rows.count()},
            )
            return redirect("consolidation:detail", uuid=req.uuid)
    return render(
        request, "consolidation/request_form.html", {"form": form}, status=400 if form.errors else 200
    )


def _requesting_field(queryset):
    from danchu.orgs.labels import OrgChoiceField

    field = OrgChoiceField(label=_("Cơ quan yêu cầu"), queryset=queryset)
    snv = queryset.filter(short_name="SNV").first()
    if snv is not None:
        field.initial = snv.pk
    return field


@login_required
def request_detail(request, uuid):
    """Completeness and timeliness, for the officer; an agency is sent to its own page."""
    req = _request_or_404(uuid)
    if not _can_manage(request.user, req):
        own = _own_targets(request.user, req)
        if not own:
            raise Http404
        return redirect("consolidation:agency", uuid=req.uuid, org=own[0].uuid)
    result = provincial.completeness(req)
    f = params.Filters(request)
    state = f.choice("state", provincial.STATE_LABELS, label=_("Tình trạng"))
    f.report(request)
    rows = [r for r in result.rows if not state or r.state == state]
    return render(
        request,
        "consolidation/request_detail.html",
        {
            "req": req,
            "result": result,
            "rows": rows,
            "state": state,
            "states": provincial.STATE_LABELS.items(),
            "chart": provincial.completeness_chart(result),
        },
    )


@login_required
@require_POST
def request_remind(request, uuid):
    req = _managed_request(request, uuid)
    try:
        sent = actions.send_reminders(req, actor=request.user)
    except ValidationError as exc:
        messages.warning(request, exc.messages[0])
    else:
        messages.success(request, _("Đã gửi %(n)s thông báo nhắc báo cáo.") % {"n": sent})
    return redirect("consolidation:detail", uuid=req.uuid)


# The agency's page: its versions and the forms to answer.


def _agency_context(request, req, org):
    if not (_can_manage(request.user, req) or access.can(request.user, "consolidation.view_own", org)):
        raise Http404
    if not RequestTarget.objects.filter(request=req, organization=org).exists():
        raise Http404
    versions = list(
        Submission.objects.filter(request=req, organization=org)
        .select_related("submitted_by", "reviewed_by", "report")
        .order_by("-version")
    )
    current = versions[0] if versions else None
    can_submit = access.can(request.user, "consolidation.submit", org) and (
        current is None or current.status == SubmissionStatus.RETURNED
    )
    from danchu.reporting.models import Report, ReportStatus

    # A version whose correction was submitted is no longer an answer one can give.
    reports = (
        Report.objects.filter(organization=org, period=req.period, status=ReportStatus.SUBMITTED)
        .exclude(superseded_by__status=ReportStatus.SUBMITTED)
        .order_by("-version")
    )
    return {
        "req": req,
        "org": org,
        "versions": versions,
        "current": current,
        "can_submit": can_submit,
        "can_manage": _can_manage(request.user, req),
        "reports": reports,
    }


def _org_or_404(org_uuid):
    try:
        return Organization.objects.get(uuid=org_uuid)
    except Organization.DoesNotExist:
        raise Http404 from None


@login_required
def agency_page(request, uuid, org):
    req = _request_or_404(uuid)
    org = _org_or_404(org)
    context = _agency_context(request, req, org)
    if context["can_submit"]:
        previous = context["current"].values if context["current"] else None
        context["entry_form"] = DataEntryForm(initial_values=previous)
        context["link_form"] = LinkReportForm(reports=context["reports"])
        notification_actions.mark_read(request.user, target=req)
    return render(request, "consolidation/agency.html", context)


@login_required
@require_POST
def agency_submit(request, uuid, org):
    req = _request_or_404(uuid)
    org = _org_or_404(org)
    context = _agency_context(request, req, org)
    if not access.can(request.user, "consolidation.submit", org):
        raise Http404
    mode = request.POST.get("mode")
    entry_form = DataEntryForm(
        request.POST if mode == "upload" else None, request.FILES if mode == "upload" else None
    )
    link_form = LinkReportForm(request.POST if mode == "report" else None, reports=context["reports"])
    form = entry_form if mode == "upload" else link_form
    if form.is_valid():
        try:
            if mode == "upload":
                sub = actions.submit_upload(
                    req,
                    org,
                    actor=request.user,
                    uploaded_file=form.cleaned_data["file"],
                    values=form.cleaned_data["values"],
                    note=form.cleaned_data["note"],
                )
            else:
                sub = actions.submit_report(
                    req, org, form.cleaned_data["report"], actor=request.user, note=form.cleaned_data["note"]
                )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            problems = figures.violations(sub.values)
            messages.success(
                request,
                _("Đã gửi báo cáo (phiên bản %(v)s)%(late)s.")
                % {"v": sub.version, "late": _(", sau hạn") if sub.is_late else ""},
            )
            if problems:
                messages.warning(
                    request,
                    _("Số liệu có %(n)s điểm chưa khớp; Sở Nội vụ có thể trả lại để sửa.")
                    % {"n": len(problems)},
                )
            return redirect("consolidation:submission", uuid=sub.uuid)
    context.update({"entry_form": entry_form, "link_form": link_form, "mode": mode})
    return render(request, "consolidation/agency.html", context, status=400)


# One submission


def _submission_or_404(request, uuid):
    try:
        sub = Submission.objects.select_related(
            "request__requesting_org",
            "request__period",
            "organization",
            "report",
            "submitted_by",
            "reviewed_by",
        ).get(uuid=uuid)
    except (Submission.DoesNotExist, ValidationError):
        raise Http404 from None
    manage = _can_manage(request.user, sub.request)
    if not (manage or access.can(request.user, "consolidation.view_own", sub.organization)):
        raise Http404
    return sub, manage


def _submission_context(sub, manage):
    groups = []
    for _key, label, indicators in figures.grouped_indicators():
        groups.append((label, [(i, i.format(sub.values.get(i.code))) for i in indicators]))
    versions = list(
        Submission.objects.filter(request=sub.request, organization=sub.organization)
        .select_related("submitted_by", "reviewed_by")
        .order_by("-version")
    )
    return {
        "sub": sub,
        "req": sub.request,
        "groups": groups,
        "problems": figures.violations(sub.values),
        "versions": versions,
        "can_manage": manage,
        "can_review": manage and sub.is_current and sub.status != SubmissionStatus.RETURNED,
        **_narrative_context(sub),
    }


def _narrative_context(sub):
    """Which figures came from the narrative of the uploaded file (danchu.ingest), when it was read."""
    from django.apps import apps

    if sub.kind != "upload" or not apps.is_installed("danchu.ingest"):
        return {}
    from danchu.ingest.actions import provenance

    sources, reading = provenance(sub)
    if reading is None:
        return {}
    from danchu.ingest.models import Source
    from danchu.reporting.indicators import BY_CODE

    labels = {s.value: s.label for s in Source}
    rows = [
        (BY_CODE[code], BY_CODE[code].format(sub.values.get(code)), source, labels.get(source, source))
        for code, source in sources.items()
        if code in BY_CODE
    ]
    return {"reading": reading, "narrative_rows": rows}


def _mark_narrative(rows, code):
    """row["narrative"]: the source of the agency's figure when it was read from its uploaded
    report (danchu.ingest) — "narrative" or "corrected"; one query."""
    from django.apps import apps

    uploads = [row["sub"].pk for row in rows if row["sub"].kind == "upload"]
    if not uploads or not apps.is_installed("danchu.ingest"):
        return
    from danchu.ingest.models import Reading, Source

    found = dict(Reading.objects.filter(submission__in=uploads).values_list("submission_id", "sources"))
    labels = {s.value: s.label for s in Source}
    for row in rows:
        source = (found.get(row["sub"].pk) or {}).get(code)
        if source and source != Source.TYPED:
            row["narrative"] = (source, labels[source])


@login_required
def submission_detail(request, uuid):
    sub, manage = _submission_or_404(request, uuid)
    context = _submission_context(sub, manage)
    context["return_form"] = ReturnForm()
    return render(request, "consolidation/submission.html", context)


@login_required
@require_POST
def submission_review(request, uuid, step):
    sub, manage = _submission_or_404(request, uuid)
    if not manage:
        raise Http404
    if step == "accept":
        try:
            actions.accept_submission(sub, actor=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Đã tiếp nhận báo cáo của %(org)s.") % {"org": sub.organization.name})
        return redirect("consolidation:submission", uuid=sub.uuid)
    if step != "return":
        raise Http404
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            actions.return_submission(sub, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã trả lại báo cáo của %(org)s.") % {"org": sub.organization.name})
            return redirect("consolidation:detail", uuid=sub.request.uuid)
    context = _submission_context(sub, manage)
    context["return_form"] = form
    return render(request, "consolidation/submission.html", context, status=400)


@login_required
def submission_file(request, uuid):
    sub, _manage = _submission_or_404(request, uuid)
    if not sub.file:
        raise Http404
    return FileResponse(sub.file.open("rb"), as_attachment=True, filename=sub.original_name or "bao-cao")


# Validation, consolidation, files


@login_required
def request_validation(request, uuid):
    req = _managed_request(request, uuid)
    return render(request, "consolidation/validation.html", {"req": req, "items": provincial.validation(req)})


@login_required
def request_consolidation(request, uuid):
    req = _managed_request(request, uuid)
    result = provincial.consolidate(req)
    mismatches = result.part_mismatches
    groups = []
    for key, label, indicators in figures.grouped_indicators():
        groups.append(
            (key, label, [(i, result.formatted(i.code), mismatches.get(i.code)) for i in indicators])
        )
    charts = [
        provincial.indicator_chart(result, code) for code in ("letters_received", "staff_conference_rate")
    ]
    signer = provincial.provincial_signature(req.requesting_org)
    return render(
        request,
        "consolidation/consolidation.html",
        {
            "req": req,
            "result": result,
            "groups": groups,
            "charts": charts,
            "signer": signer,
            "signer_problem": provincial.signer_problem(req.requesting_org, signer),
            "mismatches": mismatches,
        },
    )


@login_required
def indicator_drilldown(request, uuid, code):
    req = _managed_request(request, uuid)
    if code not in BY_CODE:
        raise Http404
    indicator = BY_CODE[code]
    result = provincial.consolidate(req)
    rows = []
    for sub, value in result.agency_values(code):
        parts = [(BY_CODE[c], sub.values.get(c)) for c in indicator.ratio_of] if indicator.ratio_of else []
        rows.append(
            {
                "sub": sub,
                "value": indicator.format(value),
                "parts": [(p.label, p.format(v)) for p, v in parts],
            }
        )
    _mark_narrative(rows, code)
    return render(
        request,
        "consolidation/indicator.html",
        {
            "req": req,
            "indicator": indicator,
            "total": result.formatted(code),
            "rows": rows,
            "chart": provincial.indicator_chart(result, code),
            "parts": [BY_CODE[c] for c in indicator.ratio_of] if indicator.ratio_of else [],
            "part_totals": [BY_CODE[c].format(result.totals.get(c)) for c in indicator.ratio_of]
            if indicator.ratio_of
            else [],
        },
    )


@login_required
def request_export(request, uuid, fmt):
    req = _managed_request(request, uuid)
    basename = provincial.file_basename(req)
    if fmt == "xlsx":
        content, mime = provincial.provincial_xlsx(req), XLSX_MIME
    elif fmt in ("docx", "pdf"):
        content = provincial.provincial_docx(req)
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if fmt == "pdf":
            from danchu.reporting.rendering import PdfUnavailable, render_pdf

            try:
                content = render_pdf(content, basename)
            except PdfUnavailable as exc:
                messages.error(request, str(exc))
                return redirect("consolidation:consolidation", uuid=req.uuid)
            mime = "application/pdf"
    else:
        raise Http404
    record(
        req,
        AuditAction.EXPORT,
        request.user,
        organization=req.requesting_org,
        verb=f"xuất báo cáo tổng hợp ({fmt})",
    )
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{basename}.{fmt}"'
    return response
