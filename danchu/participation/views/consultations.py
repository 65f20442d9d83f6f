"""Consultations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal

from .. import actions, forms
from ..models import (
    Consultation,
    Disclosure,
    Phase,
)
from .shared import _apply, _get_open_to_staff, _org, _page, _querystring, _take_part

# --- consultations ----------------------------------------------------------------------------


@login_required
def consultation_list(request):
    org = _org(request)
    qs = (
        Consultation.objects.filter(organization__path__startswith=org.path)
        .select_related("organization")
        .annotate(n_comments=Count("comments"))
        .order_by("-opens_on", "-pk")  # an aggregate drops Meta.ordering
    )
    page = _page(request, qs)
    return render(
        request,
        "participation/consultation_list.html",
        {
            "page_obj": page,
            "manage": access.can(request.user, "participation.manage", org),
            "today": timezone.localdate(),
            "querystring_without_page": _querystring(request),
        },
    )


@login_required
def consultation_create(request):
    org = _org(request, "participation.manage")
    if (refusal := ceased_refusal(request, org)) is not None:
        return refusal
    form = forms.ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        sections = [(line.strip(), "") for line in d["sections"].splitlines() if line.strip()]
        consultation = _apply(
            form,
            lambda: actions.create_consultation(
                organization=org,
                actor=request.user,
                title=d["title"],
                topic=d["topic"],
                description=d["description"],
                opens_on=d["opens_on"],
                closes_on=d["closes_on"],
                sections=sections,
            ),
        )
        if consultation:
            messages.success(request, _("Đã tạo đợt lấy ý kiến."))
            return redirect("participation:consultation", uuid=consultation.uuid)
    return render(request, "participation/form.html", {"form": form, "title": _("Lấy ý kiến về dự thảo")})


@login_required
def consultation_detail(request, uuid):
    consultation = _get_open_to_staff(request, Consultation, uuid)
    org = consultation.organization
    manage = access.can(request.user, "participation.manage", org)
    sections = list(consultation.sections.all())
    comment_form = forms.CommentForm(request.POST or None, sections=sections)
    summary_form = forms.SummaryForm(request.POST or None, prefix="s")
    if request.method == "POST":
        if "body" in request.POST:
            if not _take_part(request, org):
                raise Http404
            if comment_form.is_valid():
                section = next((s for s in sections if s.pk == comment_form.cleaned_data["section"]), None)
                if _apply(
                    comment_form,
                    lambda: actions.add_comment(
                        consultation,
                        actor=request.user,
                        body=comment_form.cleaned_data["body"],
                        section=section,
                    ),
                ):
                    messages.success(request, _("Đã gửi ý kiến. Cảm ơn bạn."))
                    return redirect("participation:consultation", uuid=uuid)
        elif "s-summary" in request.POST:
            if not manage:
                raise Http404
            if summary_form.is_valid():
                d = summary_form.cleaned_data
                if _apply(
                    summary_form,
                    lambda: actions.publish_consultation_summary(
                        consultation,
                        actor=request.user,
                        summary=d["summary"],
                        uptake=d["uptake"],
                        channels=d["channels"],
                    ),
                ):
                    messages.success(request, _("Đã công khai kết quả lấy ý kiến."))
                    return redirect("participation:consultation", uuid=uuid)
    comments = consultation.comments.select_related("person", "section")
    summary = Disclosure.objects.filter(consultation=consultation).first()
    return render(
        request,
        "participation/consultation_detail.html",
        {
            "c": consultation,
            "phase": consultation.phase(),
            "sections": sections,
            "comments": comments
            if manage or consultation.phase() == Phase.CLOSED
            else comments.filter(person__user=request.user),
            "comment_form": comment_form,
            "summary_form": summary_form,
            "summary": summary,
            "manage": manage,
            "take_part": _take_part(request, org),
        },
    )
