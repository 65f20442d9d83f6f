"""Public pages (no login): submitting a letter and looking it up."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core.forms import add_validation_error

from .. import actions, forms, ratelimit
from ..actions import IDENTITY_FIELDS
from ..models import (
    Petition,
    ReceptionSchedule,
    normalize_tracking_code,
)


def _too_many(request, template, form, extra=None):
    form.add_error(None, _("Bạn đã gửi quá nhiều yêu cầu trong một giờ. Vui lòng thử lại sau."))
    return render(request, template, {"form": form, **(extra or {})}, status=429)


def public_submit(request):
    org_code = request.GET.get("co-quan", "")
    chosen = forms.public_organizations().filter(code=org_code).first() if org_code else None
    posted = request.method == "POST"  # an empty POST still binds the form (errors, rate limit)
    form = forms.PublicSubmitForm(
        request.POST if posted else None, request.FILES if posted else None, initial={"organization": chosen}
    )
    schedules = ReceptionSchedule.objects.filter(organization__in=form.fields["organization"].queryset)
    if org_code:
        schedules = schedules.filter(organization__code=org_code)
    extra = {"schedules": schedules.select_related("organization")[:20], "identity_fields": IDENTITY_FIELDS}
    if request.method == "POST":
        if not ratelimit.hit(request, "submit"):
            return _too_many(request, "petitions/public_submit.html", form, extra)
        if form.is_valid():
            d = form.cleaned_data
            if d["website"]:
                form.add_error(None, _("Không thể gửi đơn. Vui lòng thử lại."))
            else:
                try:
                    p = actions.register(
                        d["organization"],
                        actor=None,
                        kind=d["kind"],
                        channel="web",
                        received_on=timezone.localdate(),
                        subject=d["subject"],
                        content=d["content"],
                        is_anonymous=d["is_anonymous"],
                        identity={} if d["is_anonymous"] else form.identity(),
                        attachments=d["attachments"],
                    )
                except ValidationError as exc:
                    add_validation_error(form, exc)
                else:
                    request.session["petitions_submitted"] = p.tracking_code
                    return redirect("petitions:public_done")
    return render(
        request,
        "petitions/public_submit.html",
        {"form": form, **extra},
        status=400 if request.method == "POST" else 200,
    )


def public_done(request):
    # Shown once, then forgotten: the next person at a shared computer must not see it.
    code = request.session.pop("petitions_submitted", None)
    if not code:
        return redirect("petitions:public_submit")
    response = render(request, "petitions/public_done.html", {"code": code, "pretty": _pretty(code)})
    response["Cache-Control"] = "no-store"
    return response


def _pretty(code):
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def public_lookup(request):
    form = forms.LookupForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST":
        if not ratelimit.hit(request, "lookup"):
            return _too_many(request, "petitions/public_lookup.html", form)
        if form.is_valid() and not form.cleaned_data["website"]:
            code = normalize_tracking_code(form.cleaned_data["code"])
            result = (
                Petition.objects.select_related("organization")
                .only(
                    "reference",
                    "kind",
                    "status",
                    "received_on",
                    "resolved_on",
                    "accept_due",
                    "resolve_due",
                    "public_answer",
                    "organization__name",
                    "tracking_code",
                    "duplicate_of",
                    "transferred_to",
                )
                .filter(tracking_code=code)
                .first()
            )
            if result is None:
                form.add_error("code", _("Không tìm thấy đơn với mã này. Vui lòng kiểm tra lại mã tra cứu."))
    response = render(request, "petitions/public_lookup.html", {"form": form, "result": result})
    response["Cache-Control"] = "no-store"
    return response
