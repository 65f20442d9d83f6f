"""Recommendations of the people's inspection board."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import params
from danchu.orgs import access

from .. import actions, forms
from ..models import (
    Recommendation,
)
from .shared import _apply, _org, _page, _querystring

# --- recommendations ---------------------------------------------------------------------------


@login_required
def recommendation_list(request):
    org = _org(request)
    person = actions.person_for(request.user)
    answer = access.can(request.user, "participation.answer", org)
    board = actions.is_board_member(person, org)
    qs = Recommendation.objects.filter(organization__path__startswith=org.path)
    visible = Q(author=request.user)
    if answer:
        visible |= Q(addressee="head")
    if board:
        visible |= Q(addressee="board")
    qs = qs.filter(visible)
    page = _page(request, qs)
    return render(
        request,
        "participation/recommendation_list.html",
        {
            "page_obj": page,
            "today": timezone.localdate(),
            "querystring_without_page": _querystring(request),
            # the same permission as recommendation_create: no link to a page that is a 404
            "can_send": access.can(request.user, "participation.take_part", org),
        },
    )


@login_required
def recommendation_create(request):
    org = _org(request, "participation.take_part")
    form = forms.RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rec = _apply(
            form,
            lambda: actions.send_recommendation(organization=org, actor=request.user, **form.cleaned_data),
        )
        if rec:
            messages.success(
                request,
                _("Đã gửi kiến nghị. Mã tra cứu của bạn: %(code)s — hãy ghi lại để theo dõi câu trả lời.")
                % {"code": rec.tracking_code},
            )
            return (
                redirect("participation:recommendation_lookup")
                if rec.is_anonymous
                else redirect("participation:recommendation", uuid=rec.uuid)
            )
    return render(request, "participation/form.html", {"form": form, "title": _("Gửi kiến nghị, phản ánh")})


def _recommendation_for(request, uuid):
    rec = access.get_for_user(request.user, Recommendation.objects.all(), "participation.view", uuid=uuid)
    if rec.author_id != request.user.pk and not actions.may_answer(request.user, rec):
        raise Http404
    return rec


@login_required
def recommendation_detail(request, uuid):
    rec = _recommendation_for(request, uuid)
    form = forms.AnswerForm(request.POST or None)
    can_answer = actions.may_answer(request.user, rec) and not rec.answered_on
    if request.method == "POST":
        if not can_answer:
            raise Http404
        if form.is_valid() and _apply(
            form,
            lambda: actions.answer_recommendation(
                rec, actor=request.user, answer=form.cleaned_data["answer"]
            ),
        ):
            messages.success(request, _("Đã trả lời kiến nghị."))
            return redirect("participation:recommendation", uuid=uuid)
    return render(
        request,
        "participation/recommendation_detail.html",
        {"r": rec, "form": form, "can_answer": can_answer, "overdue": rec.overdue()},
    )


CODE_MAX = Recommendation._meta.get_field("tracking_code").max_length


@login_required
def recommendation_lookup(request):
    f = params.Filters(request)
    typed = f.raw("code")[:100]
    code = typed.upper().replace(" ", "").replace("-", "")
    rec = None
    if code and not (code.isascii() and code.isalnum() and len(code) <= CODE_MAX):
        f.errors["code"] = _(
            "Mã tra cứu “%(value)s” không hợp lệ: mã gồm chữ cái và chữ số (tối đa %(n)s ký tự), như trong thông báo khi gửi kiến nghị."
        ) % {"value": typed[:40], "n": CODE_MAX}
        code = ""
    f.report(request)
    if code:
        rec = Recommendation.objects.filter(tracking_code=code).first()
        if rec is None:
            messages.error(request, _("Không tìm thấy kiến nghị với mã tra cứu này."))
    return render(request, "participation/recommendation_lookup.html", {"code": typed, "r": rec})
