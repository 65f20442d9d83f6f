"""Votes and one-time voting codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from danchu.core import params
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal

from .. import actions, forms
from ..models import (
    Vote,
    VoterRoll,
)
from .shared import _apply, _get_open_to_staff, _org, _page, _post_action, _querystring, _take_part

# --- votes ------------------------------------------------------------------------------------


@login_required
def vote_list(request):
    org = _org(request)
    qs = (
        Vote.objects.filter(organization__path__startswith=org.path)
        .annotate(
            turnout=Count("roll", distinct=True) + Count("codes", filter=Q(codes__used=True), distinct=True)
        )
        .order_by("-opens_on", "-pk")
    )  # an aggregate drops Meta.ordering
    page = _page(request, qs)
    return render(
        request,
        "participation/vote_list.html",
        {
            "page_obj": page,
            "manage": access.can(request.user, "participation.manage", org),
            "querystring_without_page": _querystring(request),
        },
    )


@login_required
def vote_create(request):
    org = _org(request, "participation.manage")
    if (refusal := ceased_refusal(request, org)) is not None:
        return refusal
    form = forms.VoteForm(request.POST or None, initial={"secret": True})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        vote = _apply(
            form,
            lambda: actions.create_vote(
                organization=org,
                actor=request.user,
                title=d["title"],
                description=d["description"],
                kind=d["kind"],
                secret=d["secret"],
                opens_on=d["opens_on"],
                closes_on=d["closes_on"],
                options=d["options"].splitlines(),
            ),
        )
        if vote:
            messages.success(request, _("Đã tạo biểu quyết."))
            return redirect("participation:vote", uuid=vote.uuid)
    return render(request, "participation/form.html", {"form": form, "title": _("Biểu quyết mới")})


@login_required
def vote_detail(request, uuid):
    vote = _get_open_to_staff(request, Vote, uuid)
    person = actions.person_for(request.user)
    options = list(vote.options.all())
    error = None
    if request.method == "POST":
        if not _take_part(request, vote.organization):
            raise Http404
        option_id = params.int_or_none(request.POST.get("option"))
        option = next((o for o in options if o.pk == option_id), None)
        try:
            actions.cast_vote(vote, actor=request.user, option=option)
            messages.success(request, _("Đã ghi nhận biểu quyết của bạn."))
            return redirect("participation:vote", uuid=uuid)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "participation/vote_detail.html",
        {
            "v": vote,
            "phase": vote.phase(),
            "options": options,
            "voted": person is not None and VoterRoll.objects.filter(vote=vote, person=person).exists(),
            "results": actions.vote_results(vote),
            "error": error,
            "take_part": _take_part(request, vote.organization),
            "manage": access.can(request.user, "participation.manage", vote.organization),
        },
    )


# --- one-time voting codes ----------------------------------------------------------------------


def _vote_managed(request, uuid):
    vote = access.get_for_user(request.user, Vote.objects.all(), "participation.manage", uuid=uuid)
    return vote


@login_required
def vote_codes(request, uuid):
    """Print one-time codes for a room without devices. The codes are shown once, in the answer to
    the POST that creates them (only their digests are stored), so this view renders the sheet
    instead of redirecting; the sheet is marked not to be cached."""
    vote = _vote_managed(request, uuid)
    form = forms.CodeBatchForm(request.POST if request.POST.get("action") == "generate" else None)
    if request.method == "POST":
        if request.POST.get("action") == "void":
            _post_action(
                request,
                lambda: actions.void_unused_codes(vote, actor=request.user),
                _("Đã hủy các mã chưa sử dụng."),
            )
            return redirect("participation:vote_codes", uuid=uuid)
        if form.is_valid():
            codes = _apply(
                form,
                lambda: actions.generate_voting_codes(
                    vote, actor=request.user, count=form.cleaned_data["count"]
                ),
            )
            if codes:
                response = render(
                    request,
                    "participation/vote_codes_sheet.html",
                    {"v": vote, "codes": codes, "options": vote.options.all()},
                )
                response["Cache-Control"] = "no-store"
                return response
    issued = vote.codes.count()
    used = vote.codes.filter(used=True).count()
    return render(
        request,
        "participation/vote_codes.html",
        {
            "v": vote,
            "form": form,
            "issued": issued,
            "used": used,
            "unused": issued - used,
            "available": actions.codes_available(vote),
            "phase": vote.phase(),
        },
    )


@login_required
def vote_kiosk(request, uuid):
    """The ballot page of the room's kiosk: a code and a choice cast a secret ballot. It runs under
    the organiser's account (docs/participation.md): the voter does not log in, and the page
    shows no menu and never echoes a code after it has been used."""
    vote = _vote_managed(request, uuid)
    options = list(vote.options.all())
    form = forms.KioskForm(request.POST or None, options=options)
    if request.method == "POST" and form.is_valid():
        option = next((o for o in options if o.pk == form.cleaned_data["option"]), None)
        if _apply(
            form,
            lambda: (
                actions.cast_code_ballot(
                    vote, actor=request.user, code=form.cleaned_data["code"], option=option
                )
                or True
            ),
        ):
            messages.success(request, _("Đã ghi nhận phiếu. Cảm ơn bạn; mời người tiếp theo."))
            return redirect("participation:vote_kiosk", uuid=uuid)
    response = render(
        request,
        "participation/vote_kiosk.html",
        {
            "v": vote,
            "form": form,
            "phase": vote.phase(),
            "blocked": actions.code_lookups_blocked(vote, request.user),
        },
    )
    response["Cache-Control"] = "no-store"
    return response
