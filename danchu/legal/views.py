from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from danchu.core.forms import add_validation_error
from danchu.orgs import access

from . import actions, calendar
from .deadlines import compute
from .forms import CalendarOverrideForm, ConfirmYearForm, DeadlineForm
from .models import CalendarOverride, CalendarYear, DeadlineRule, PetitionKind

MIN_YEAR, MAX_YEAR = 1990, 2100


@login_required
def deadline_calculator(request):
    """Clerks type a receipt date (and acceptance date, flags) and see every deadline with its basis."""
    form = DeadlineForm(request.GET or None)
    steps = None
    if form.is_bound and form.is_valid():
        try:
            steps = compute(form.cleaned_data["kind"], form.cleaned_data["received"], **form.compute_kwargs())
        except ValueError as exc:
            form.add_error(None, str(exc))
    return render(
        request,
        "legal/deadlines.html",
        {
            "form": form,
            "steps": steps,
            "kind_label": PetitionKind(form.cleaned_data["kind"]).label if steps is not None else "",
        },
    )


def _year_or_404(year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


@login_required
@require_http_methods(["GET", "POST"])
def calendar_year(request, year=None):
    """Public holidays, days off and make-up working days of a year; system admins add overrides."""
    year = _year_or_404(year or timezone.localdate().year)
    can_manage = access.is_system_admin(request.user)
    form = None
    provisional = calendar.is_provisional(year)
    confirm_form = ConfirmYearForm() if can_manage and provisional else None
    if can_manage and request.method == "POST" and "confirm_year" in request.POST:
        confirm_form = ConfirmYearForm(request.POST)
        if confirm_form.is_valid():
            try:
                actions.confirm_calendar_year(
                    year=year, basis=confirm_form.cleaned_data["basis"], actor=request.user
                )
            except ValidationError as exc:
                for errors in exc.message_dict.values():
                    for error in errors:
                        confirm_form.add_error(None, error)
            else:
                messages.success(request, _("Đã xác nhận lịch nghỉ lễ, Tết năm %(year)s.") % {"year": year})
                return redirect("legal:calendar_year", year=year)
        form = CalendarOverrideForm()
    elif can_manage:
        if request.method == "POST":
            form = CalendarOverrideForm(request.POST)
            if form.is_valid():
                try:
                    override = actions.add_calendar_override(actor=request.user, **form.cleaned_data)
                except ValidationError as exc:
                    add_validation_error(form, exc)
                else:
                    messages.success(
                        request,
                        _("Đã ghi %(kind)s ngày %(date)s.")
                        % {"kind": override.get_kind_display().lower(), "date": f"{override.date:%d/%m/%Y}"},
                    )
                    return redirect("legal:calendar_year", year=override.date.year)
        else:
            form = CalendarOverrideForm()
    elif request.method == "POST":
        raise PermissionDenied
    entries = calendar.year_entries(year)
    return render(
        request,
        "legal/calendar.html",
        {
            "year": year,
            "entries": entries,
            "days_off": sum(1 for e in entries if e.kind == "holiday"),
            "working_days": sum(1 for e in entries if e.kind == "working_day"),
            "form": form,
            "confirm_form": confirm_form,
            "provisional": provisional,
            "confirmed_year": CalendarYear.objects.filter(year=year, confirmed=True).first(),
            "can_manage": can_manage,
            "previous_year": year - 1 if year > MIN_YEAR else None,
            "next_year": year + 1 if year < MAX_YEAR else None,
        },
        status=400
        if (form is not None and form.errors) or (confirm_form is not None and confirm_form.errors)
        else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def override_delete(request, pk):
    """Confirm, then remove an override (system admins only)."""
    if not access.is_system_admin(request.user):
        raise PermissionDenied
    override = get_object_or_404(CalendarOverride, pk=pk)
    if request.method == "POST":
        reason = request.POST.get("reason", "").strip()[:500]
        actions.remove_calendar_override(override, actor=request.user, reason=reason)
        messages.success(
            request, _("Đã xóa điều chỉnh ngày %(date)s.") % {"date": f"{override.date:%d/%m/%Y}"}
        )
        return redirect("legal:calendar_year", year=override.date.year)
    return render(request, "legal/override_confirm_delete.html", {"override": override})


@login_required
def legal_review(request):
    """What is not confirmed word for word (rules, calendar years), with the sources tried:
    system administrators correct or confirm it. Handlers never see these internal notes."""
    if not access.is_system_admin(request.user):
        raise PermissionDenied
    from django.conf import settings as dj_settings

    from danchu.documents.legal_texts import UNCONFIRMED_TEXTS

    today = timezone.localdate()
    upcoming = range(today.year - 1, today.year + 3)
    return render(
        request,
        "legal/review.html",
        {
            "rules": DeadlineRule.objects.filter(needs_check=True).order_by("kind", "step", "applies_from"),
            "provisional_years": calendar.provisional_years(upcoming),
            "overrides_without_basis": CalendarOverride.objects.filter(basis="").order_by("date"),
            "texts": UNCONFIRMED_TEXTS,
            "admin_enabled": "django.contrib.admin" in dj_settings.INSTALLED_APPS,
        },
    )
