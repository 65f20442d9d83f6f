"""Citizen reception: sessions and the published schedule."""

import urllib.parse

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import params
from danchu.core.forms import add_validation_error

from .. import actions, forms, permissions
from ..models import (
    Petition,
    ReceptionSchedule,
    ReceptionSession,
)
from .shared import PAGE_SIZE, _require


@login_required
def receptions(request):
    org = _require(request, "petitions.reception")
    f = params.Filters(request)
    year = f.year("year", label=_("Năm"))
    page_number = f.page()
    f.report(request)
    qs = ReceptionSession.objects.filter(organization__path__startswith=org.path).prefetch_related("letters")
    if year:
        qs = qs.filter(held_on__year=year)
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    schedule = ReceptionSchedule.objects.filter(organization=org).first()
    return render(
        request,
        "petitions/receptions.html",
        {
            "page_obj": page,
            "year": year,
            "schedule": schedule,
            "years": range(timezone.localdate().year, 2014, -1),
            "querystring_without_page": urllib.parse.urlencode({"year": year}),
        },
    )


def _reception_petitions(request, org):
    return (
        Petition.objects.filter(permissions.visible_q(request.user))
        .in_subtree(org)
        .order_by("-received_on")[:500]
    )


@login_required
def reception_create(request):
    org = _require(request, "petitions.reception")
    letters_qs = Petition.objects.filter(pk__in=[p.pk for p in _reception_petitions(request, org)]).order_by(
        "-received_on"
    )
    form = forms.ReceptionForm(
        request.POST or None,
        petitions=letters_qs,
        initial={"held_on": timezone.localdate(), "official_name": request.user.get_full_name()},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            actions.record_reception(
                org,
                actor=request.user,
                held_on=d["held_on"],
                official_name=d["official_name"],
                official=request.user,
                visits=d["visits"],
                people=d["people"],
                matters=d["matters"],
                answered_on_the_spot=d["answered_on_the_spot"],
                letters=d["letters"],
                notes=d["notes"],
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận buổi tiếp công dân."))
            return redirect("petitions:receptions")
    return render(request, "petitions/reception_form.html", {"form": form})


@login_required
def schedule(request):
    org = _require(request, "petitions.reception")
    current = ReceptionSchedule.objects.filter(organization=org).first()
    form = forms.ScheduleForm(
        request.POST or None, initial={"text": current.text, "place": current.place} if current else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.publish_schedule(
                org, actor=request.user, text=form.cleaned_data["text"], place=form.cleaned_data["place"]
            )
        except ValidationError as exc:
            add_validation_error(form, exc)
        else:
            messages.success(request, _("Đã công khai lịch tiếp công dân."))
            return redirect("petitions:receptions")
    return render(request, "petitions/schedule_form.html", {"form": form})
