"""Report pages: thin views over danchu.reporting.actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import params, search, stale
from danchu.core.xlsx import xlsx_response
from danchu.orgs import access

from . import actions
from .checks import run_checks
from .content import build_context
from .forms import (
    CorrectionForm,
    ListFilterForm,
    NewReportForm,
    OverrideForm,
    SettingsForm,
    TemplateUploadForm,
    WithdrawSignatureForm,
)
from .indicators import (
    BY_CODE,
    GROUPS,
    INDICATORS,
    Aggregate,
    RegisterMissing,
    label_on,
    records_function,
)
from .models import Report, ReportBuild, ReportFile, ReportStatus, ReportTemplate, ReportType
from .outline import outline_for
from .rendering import RenderError, default_template_path


def _report(request, uuid, perm="reporting.view"):
    qs = Report.objects.select_related(
        "organization", "period", "signer__person", "drafting_unit", "corrects", "template"
    )
    return access.get_for_user(request.user, qs, perm, uuid=uuid)


def _error(request, exc):
    for message in getattr(exc, "messages", [str(exc)]):
        messages.error(request, message)


@login_required
def report_list(request):
    reports = (
        Report.objects.filter(organization__in=access.orgs_with(request.user, "reporting.view"))
        .select_related("organization", "period")
        .order_by("-period__year", "organization__path", "-version")
    )
    form = ListFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
        # The valid filters apply; each invalid one is named on the page, never a 500 nor silence.
        for name in form.errors:
            label = form.fields[name].label if name in form.fields else name
            messages.warning(
                request,
                _("Bộ lọc “%(label)s”: giá trị “%(value)s” không hợp lệ, đã bỏ qua.")
                % {"label": label, "value": str(request.GET.get(name, ""))[:40]},
            )
        data = form.cleaned_data
        if q := data.get("q"):
            reports = reports.filter(search.matches(q, ("title", "organization__name", "organization__code")))
        if status := data.get("status"):
            reports = reports.filter(status=status)
        if period := data.get("period"):
            reports = reports.filter(period=period)
    if request.GET.get("export") == "xlsx":
        rows = [
            (
                r.organization.code,
                r.organization.name,
                r.period.code,
                r.version,
                r.reference,
                r.get_status_display(),
                r.report_date,
                r.title,
            )
            for r in reports
        ]
        headers = [
            _("Mã cơ quan"),
            _("Cơ quan"),
            _("Kỳ"),
            _("Phiên bản"),
            _("Số, ký hiệu"),
            _("Trạng thái"),
            _("Ngày"),
            _("Trích yếu"),
        ]
        return xlsx_response("bao-cao.xlsx", [(_("Báo cáo"), headers, rows)])
    f = params.Filters(request)
    page_number = f.page()
    f.report(request)
    page = Paginator(reports, 25).get_page(page_number)
    can_create = request.org is not None and access.can(request.user, "reporting.draft", request.org)
    return render(
        request,
        "reporting/list.html",
        {
            "page_obj": page,
            "form": form if form.is_bound else ListFilterForm(),
            "new_form": NewReportForm() if can_create else None,
            "can_templates": request.org is not None
            and access.can(request.user, "reporting.templates", request.org),
        },
    )


@login_required
@require_POST
def report_create(request):
    org = request.org
    if org is None or not access.can(request.user, "reporting.draft", org):
        raise Http404
    form = NewReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn kỳ báo cáo."))
        return redirect("reporting:list")
    try:
        report = actions.create_report(org, form.cleaned_data["period"], actor=request.user)
    except actions.MissingSettings as exc:
        from .defaults import settings_url

        messages.error(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                exc.messages[0],
                settings_url(exc.org),
                _("Mở trang thiết lập cơ quan"),
            ),
        )
        return redirect("reporting:list")
    except ValidationError as exc:
        _error(request, exc)
        return redirect("reporting:list")
    messages.success(request, _("Đã lập dự thảo báo cáo."))
    return redirect("reporting:settings", uuid=report.uuid)


def _perms(user, org):
    return {
        p.split(".")[1]: access.can(user, p, org)
        for p in ("reporting.draft", "reporting.review", "reporting.sign", "reporting.submit")
    }


@login_required
def report_detail(request, uuid):
    return render(request, "reporting/detail.html", _detail_context(request, _report(request, uuid)))


def _detail_context(request, report):
    data = actions.report_data(report)
    texts = {s.key: s for s in report.sections.all()}
    problems = run_checks(report, data, {k: s.paragraphs for k, s in texts.items()})
    perms = _perms(request.user, report.organization)
    year = report.period.year
    sections = [
        {
            "spec": spec,
            "heading": spec.heading_for(year),
            "text": texts[spec.key].text if spec.key in texts else "",
            "version_field": actions.section_version_field(spec.key),
            "version": stale.text_version(texts[spec.key].text if spec.key in texts else ""),
        }
        for spec in outline_for(report.framework)
    ]
    rows = []
    for indicator in INDICATORS:
        value = data.values[indicator.code]
        rows.append(
            {
                "indicator": indicator,
                "label": label_on(indicator.code, report.data_end),
                "value": value,
                "shown": indicator.format(value.value),
                "group": GROUPS.get(indicator.group, ""),
            }
        )
    versions = Report.objects.filter(
        organization=report.organization, period=report.period, report_type=report.report_type
    ).order_by("version")
    files = report.files.select_related("snapshot").order_by("-created_at")
    frozen = report.snapshot if report.status in (ReportStatus.SIGNED, ReportStatus.SUBMITTED) else None
    signed_context = (frozen.content.get("context") if frozen else None) or build_context(report, data)
    context = {
        "report": report,
        "rows": rows,
        "sections": sections,
        "problems": problems,
        "errors": [p for p in problems if p.is_error],
        "perms": perms,
        "versions": versions,
        "files": files,
        "last_build": report.builds.first(),
        "documents": data.documents,
        "correction_form": CorrectionForm(),
        "preview": signed_context,
        "has_successor": Report.objects.filter(corrects=report).exists(),
        # What a register change since the signature would alter (submission refuses then).
        "differences": actions.signed_differences(report, frozen)
        if report.status == ReportStatus.SIGNED and frozen
        else [],
        "withdraw_form": WithdrawSignatureForm(),
        "withdrawn": report.snapshots.filter(withdrawn_at__isnull=False).select_related("withdrawn_by"),
        "can_build": actions.may_build(request.user, report),
        "pdf_missing": report.status == ReportStatus.SUBMITTED
        and frozen is not None
        and not any(f.snapshot_id == frozen.pk and f.format == "pdf" for f in files),
    }
    return context


@login_required
def report_settings(request, uuid):
    report = _report(request, uuid, "reporting.draft")
    if report.status != ReportStatus.DRAFT:
        messages.error(request, _("Chỉ sửa được thông tin của báo cáo đang dự thảo."))
        return redirect("reporting:detail", uuid=report.uuid)
    form = SettingsForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            actions.update_settings(report, actor=request.user, **fields)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu thông tin báo cáo."))
            return redirect("reporting:detail", uuid=report.uuid)
    return render(request, "reporting/settings.html", {"report": report, "form": form})


@login_required
@require_POST
def report_sections(request, uuid):
    report = _report(request, uuid, "reporting.draft")
    texts = {}
    for spec in outline_for(report.framework):
        name = f"section-{spec.key}"
        if spec.narrative and name in request.POST:
            texts[spec.key] = (
                request.POST[name],
                request.POST.get(actions.section_version_field(spec.key), ""),
            )
    try:
        actions.save_sections(report, texts, actor=request.user)
    except ValidationError as exc:
        # Re-render with what the user typed (and, after a stale edit, what differs and the stored
        # versions, so that saving again overwrites knowingly).
        context = _detail_context(request, report)
        versions = getattr(exc, "versions", {})
        for section in context["sections"]:
            if section["spec"].key in texts:
                section["text"], version = texts[section["spec"].key]
                section["version"] = versions.get(section["version_field"], version)
        context["sections_errors"] = exc.messages
        context["conflict"] = getattr(exc, "rows", None)
        return render(request, "reporting/detail.html", context, status=409 if context["conflict"] else 400)
    messages.success(request, _("Đã lưu nội dung các mục."))
    return redirect(f"{report_url(report)}#sections")


def report_url(report):
    from django.urls import reverse

    return reverse("reporting:detail", args=[report.uuid])


@login_required
def indicator_detail(request, uuid, code):
    report = _report(request, uuid)
    indicator = BY_CODE.get(code)
    if indicator is None:
        raise Http404
    data = actions.report_data(report)
    value = data.values[code]
    records, missing = [], False
    if report.status != ReportStatus.SUBMITTED and not indicator.is_derived:
        try:
            records = list(
                records_function(indicator.source)(
                    report.organization, report.data_start, report.data_end, indicator.drill_key
                )
            )
        except RegisterMissing:
            missing = True
    can_edit = report.status == ReportStatus.DRAFT and access.can(
        request.user, "reporting.draft", report.organization
    )
    form = OverrideForm(request.POST or None, initial={"value": value.value})
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if request.POST.get("clear"):
            try:
                actions.clear_override(report.organization, report.period, code, actor=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Đã bỏ số liệu nhập tay; dùng lại số liệu tính từ sổ."))
            return redirect(f"{report_url(report)}#ind-{code}")
        if form.is_valid():
            try:
                actions.set_override(
                    report.organization,
                    report.period,
                    code,
                    form.cleaned_data["value"],
                    form.cleaned_data["reason"],
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã lưu số liệu nhập tay."))
                return redirect(f"{report_url(report)}#ind-{code}")
    return render(
        request,
        "reporting/indicator.html",
        {
            "report": report,
            "indicator": indicator,
            "label": label_on(indicator.code, report.data_end),
            # labels, not codes: the aggregation's Vietnamese name and the parts' names
            "aggregate_label": dict(Aggregate.choices).get(indicator.aggregate, indicator.aggregate),
            "parts": [
                (c, label_on(c, report.data_end)) for c in (indicator.ratio_of or indicator.sum_of or ())
            ],
            "value": value,
            "shown": indicator.format(value.value),
            "computed_shown": indicator.format(value.computed),
            "records": records[:500],
            "record_count": len(records),
            "missing": missing,
            "form": form,
            "can_edit": can_edit,
        },
    )


TRANSITIONS = {
    "review": ("reporting.review", actions.mark_reviewed, _("Đã chuyển báo cáo sang “Đã rà soát”.")),
    "return": ("reporting.review", actions.return_to_draft, _("Đã trả báo cáo về dự thảo.")),
    "sign": ("reporting.sign", actions.sign, _("Đã ký báo cáo.")),
    "submit": ("reporting.submit", actions.submit, _("Đã gửi báo cáo; số liệu và tệp đã được chốt.")),
}


@login_required
@require_POST
def report_transition(request, uuid, step):
    if step not in TRANSITIONS:
        raise Http404
    perm, action, done = TRANSITIONS[step]
    report = _report(request, uuid, perm)
    try:
        result = action(report, actor=request.user)
    except ValidationError as exc:
        _error(request, exc)
    else:
        messages.success(request, done)
        if getattr(result, "submission_message", ""):
            messages.warning(request, result.submission_message)
    return redirect("reporting:detail", uuid=report.uuid)


@login_required
@require_POST
def report_withdraw_signature(request, uuid):
    report = _report(request, uuid, "reporting.sign")
    form = WithdrawSignatureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Phải ghi lý do hủy chữ ký."))
        return redirect(f"{report_url(report)}#workflow")
    try:
        actions.withdraw_signature(report, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        _error(request, exc)
    else:
        messages.success(
            request,
            _("Đã hủy chữ ký; báo cáo trở về bước đã rà soát. Kiểm tra số liệu hiện tại rồi ký lại."),
        )
    return redirect(f"{report_url(report)}#workflow")


@login_required
@require_POST
def report_add_pdf(request, uuid):
    report = _report(request, uuid, "reporting.submit")
    try:
        item = actions.add_pdf(report, actor=request.user)
    except ValidationError as exc:
        _error(request, exc)
    else:
        messages.success(
            request,
            _("Đã bổ sung bản PDF từ tệp DOCX đã chốt (SHA-256 %(sha)s).") % {"sha": item.sha256[:12]},
        )
    return redirect(f"{report_url(report)}#files")


@login_required
@require_POST
def report_correct(request, uuid):
    report = _report(request, uuid, "reporting.draft")
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Phải ghi lý do đính chính."))
        return redirect("reporting:detail", uuid=report.uuid)
    try:
        new = actions.start_correction(report, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        _error(request, exc)
        return redirect("reporting:detail", uuid=report.uuid)
    messages.success(request, _("Đã lập bản đính chính (phiên bản %(v)s).") % {"v": new.version})
    return redirect("reporting:detail", uuid=new.uuid)


@login_required
@require_POST
def build_start(request, uuid):
    from .tasks import build_report

    report = _report(request, uuid)
    if not actions.may_build(request.user, report):
        raise Http404
    formats = ",".join(f for f in request.POST.getlist("format") if f) or "docx,xlsx"
    try:
        build = actions.request_build(report, formats, actor=request.user)
    except ValidationError as exc:
        _error(request, exc)
        return redirect("reporting:detail", uuid=report.uuid)
    transaction.on_commit(lambda: build_report.enqueue(build.pk))
    return redirect("reporting:build", uuid=report.uuid, build_id=build.pk)


@login_required
def build_status(request, uuid, build_id):
    report = _report(request, uuid)
    build = get_object_or_404(ReportBuild, pk=build_id, report=report)
    if request.GET.get("format") == "json" or request.headers.get("accept") == "application/json":
        return JsonResponse(
            {
                "status": build.status,
                "progress": build.progress,
                "message": build.message,
                "finished": build.is_finished,
            }
        )
    files = (
        report.files.filter(snapshot__isnull=True)
        if report.status != ReportStatus.SUBMITTED
        else report.files.all()
    )
    return render(request, "reporting/build.html", {"report": report, "build": build, "files": files})


@login_required
def file_download(request, uuid, file_id):
    report = _report(request, uuid)
    item = get_object_or_404(ReportFile, pk=file_id, report=report)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.filename)


@login_required
def template_list(request):
    if request.org is None or not access.can(request.user, "reporting.templates", request.org):
        raise Http404
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.upload_template(
                form.cleaned_data["report_type"],
                form.cleaned_data["framework"],
                form.cleaned_data["name"],
                form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except RenderError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("Đã tải lên mẫu báo cáo mới."))
            return redirect("reporting:templates")
    from danchu.legal.frameworks import Framework

    defaults = [
        (rt, fw, label_rt, label_fw)
        for rt, label_rt in ReportType.choices
        for fw, label_fw in Framework.choices
    ]
    return render(
        request,
        "reporting/templates.html",
        {
            "form": form,
            "defaults": defaults,
            "uploaded": ReportTemplate.objects.select_related("uploaded_by"),
        },
    )


@login_required
def template_download(request, report_type, framework, template_id=None):
    if request.org is None or not access.can(request.user, "reporting.templates", request.org):
        raise Http404
    if template_id:
        template = get_object_or_404(ReportTemplate, pk=template_id)
        return FileResponse(template.file.open("rb"), as_attachment=True, filename=f"mau-{template.pk}.docx")
    path = default_template_path(report_type, framework)
    if not path.exists():
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
