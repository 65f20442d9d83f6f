"""Views: check access → validate a form → call one action → redirect (docs/architecture.md)."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import listcache, params, search
from danchu.core.leanhtml import options
from danchu.core.paginator import CappedPaginator
from danchu.core.xlsx import xlsx_response
from danchu.legal.frameworks import framework_for
from danchu.legal.models import Requirement
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal
from danchu.orgs.models import Membership, Organization

from . import actions, charts, forms, listrows
from .docs import minutes_docx, resolution_docx
from .models import (
    Channel,
    Consultation,
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
    DisclosureStatus,
    FollowUp,
    Phase,
    Recommendation,
    StaffConference,
    Vote,
    VoterRoll,
)
from .stats import stats_for

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _org(request, perm="participation.view"):
    if request.org is None or not access.can(request.user, perm, request.org):
        raise Http404
    return request.org


def _get_open_to_staff(request, model, uuid):
    """A consultation, vote or conference: for those who may view the organisation and for its
    staff, even when their role is held in a unit below it; 404 for everyone else."""
    obj = model.objects.select_related("organization").filter(uuid=uuid).first()
    if obj is None:
        raise Http404
    if access.can(request.user, "participation.view", obj.organization):
        return obj
    person = actions.person_for(request.user)
    if actions.is_staff_of(person, obj.organization, timezone.localdate()) and any(
        access.can(request.user, "participation.take_part", o) for o in access.role_orgs(request.user)
    ):
        return obj
    raise Http404


def _take_part(request, org):
    """Taking part needs a role that allows it and a place among the organisation's staff."""
    if access.can(request.user, "participation.take_part", org):
        return True
    person = actions.person_for(request.user)
    return actions.is_staff_of(person, org, timezone.localdate()) and any(
        access.can(request.user, "participation.take_part", o) for o in access.role_orgs(request.user)
    )


def _apply(form, call):
    """Run an action; on a ValidationError put its messages on the form and return None."""
    try:
        return call()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
        return None


def _post_action(request, call, success):
    try:
        call()
        messages.success(request, success)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)


def _querystring(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- disclosures -----------------------------------------------------------------------------


@login_required
def index(request):
    return redirect("participation:disclosures")


@login_required
def disclosure_list(request):
    org = _org(request)
    manage = access.can(request.user, "participation.manage", org)
    # Province officers (statistics and compliance over the subtree) read every published item.
    oversee = manage or access.can(request.user, "participation.stats", org)
    # Looked up only when needed: a cached page for a manager needs no person.
    person_of = functools.cache(lambda: actions.person_for(request.user))
    qs = Disclosure.objects.select_related("requirement", "organization").prefetch_related("channels")
    version = None
    if oversee:
        # Organisation ids, not a join on `path LIKE` (see petitions.views._filtered): the
        # planner then estimates the rows right and reads the list's index. The same query
        # gives the version of the subtree the cached page is kept under.
        org_ids, version = listcache.subtree_state(org)
        qs = qs.filter(organization_id__in=org_ids)
        if not manage:
            qs = qs.exclude(status=DisclosureStatus.DRAFT)
    else:
        # Staff see what was disclosed to them, wherever in the tree it was published.
        qs = qs.filter(
            status=DisclosureStatus.PUBLISHED,
            pk__in=DisclosureRecipient.objects.filter(person=person_of()).values("disclosure_id"),
        )
    v = params.Filters(request)
    q = v.raw("q")[:200]
    kind = v.choice("kind", DisclosureKind.values, label=_("Loại"))
    year = v.year("year")
    only = v.choice("only", ("unread",), label=_("Chỉ hiện"))
    v.page()
    if request.GET.get("format") != "xlsx":
        v.report(request)
    year = str(year or "")
    if q:
        qs = qs.filter(search.matches(q, ("title", "reference", "content")))
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        year = int(year)
        qs = qs.filter(Q(published_on__year=year) | Q(published_on__isnull=True, decided_on__year=year))
    if only == "unread" and person_of():
        qs = qs.filter(
            Exists(
                DisclosureRecipient.objects.filter(
                    disclosure=OuterRef("pk"), person=person_of(), acknowledged_at__isnull=True
                )
            )
        )
    if only == "late":
        qs = qs.filter(published_on__gt=F("due_on"))
    # Drafts first, then the newest: the order of disclosure_list_order_idx.
    qs = qs.order_by(F("published_on").desc(nulls_first=True), "-pk")
    if request.GET.get("format") == "xlsx" and oversee:
        qs = qs.annotate(n_read=Count("recipients", filter=Q(recipients__acknowledged_at__isnull=False)))
        rows = [
            (
                d.reference,
                d.title,
                d.get_kind_display(),
                str(d.requirement),
                ", ".join(d.channel_labels()),
                d.decided_on,
                d.published_on,
                d.due_on,
                "; ".join(d.timing().messages) or _("Đúng quy định"),
                d.audience_size,
                d.n_read,
                d.item_count,
            )
            for d in qs
        ]
        return xlsx_response(
            "cong-khai.xlsx",
            [
                (
                    _("Công khai"),
                    [
                        _("Số hiệu"),
                        _("Tiêu đề"),
                        _("Hình thức"),
                        _("Nội dung theo quy định"),
                        _("Kênh công khai"),
                        _("Ngày quyết định"),
                        _("Ngày công khai"),
                        _("Hạn công khai"),
                        _("Thời hạn"),
                        _("Số người"),
                        _("Đã đọc"),
                        _("Số nội dung niêm yết"),
                    ],
                    rows,
                )
            ],
        )

    def body():
        # Lean rows (participation.listrows): plain values and one f-string per row.
        page = CappedPaginator(listrows.lean(qs), 25).get_page(request.GET.get("page"))
        rows = listrows.disclosure_rows(page.object_list, org, person_of(), oversee)
        return render_to_string(
            "participation/_disclosure_list.html",
            {
                "org": org,
                "page_obj": page,
                "rows": rows,
                "manage": manage,
                "oversee": oversee,
                "q": q,
                "kind": kind,
                "year": year,
                "only": only,
                "kind_options": options(DisclosureKind.choices, kind or ""),
                "querystring_without_page": _querystring(request),
            },
        )

    # Staff read what was disclosed to them from anywhere in the tree: no subtree version covers
    # their list (short anyway), so it is rendered each time.
    content = listcache.fragment(request, "participation:disclosures", version, body) if version else body()
    return render(request, "participation/disclosure_list.html", {"content": content})


@login_required
def disclosure_create(request):
    org = _org(request, "participation.manage")
    if (refusal := ceased_refusal(request, org)) is not None:
        return refusal
    form = forms.DisclosureForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        disclosure = _apply(
            form,
            lambda: actions.create_disclosure(
                organization=org,
                actor=request.user,
                title=d["title"],
                kind=d["kind"],
                requirement=d["requirement"],
                decided_on=d["decided_on"],
                special_case=d["special_case"],
                channels=d["channels"],
                content=d["content"],
                posted_from=d["posted_from"],
                posted_to=d["posted_to"],
                item_count=d["item_count"],
                files=[d["attachment"]] if d.get("attachment") else [],
            ),
        )
        if disclosure:
            messages.success(request, _("Đã lưu dự thảo. Kiểm tra lại rồi bấm “Công khai”."))
            return redirect("participation:disclosure", uuid=disclosure.uuid)
    return render(request, "participation/form.html", {"form": form, "title": _("Công khai nội dung mới")})


def _disclosure_for(request, uuid):
    """The disclosure for its managers, for the people it was disclosed to and, read-only once
    published, for those who see the statistics and compliance of its organisation (province
    officers over their subtree); 404 for others."""
    disclosure = (
        Disclosure.objects.select_related("requirement", "organization")
        .prefetch_related("channels", "attachments")
        .filter(uuid=uuid)
        .first()
    )
    if disclosure is None:
        raise Http404
    manage = access.can(request.user, "participation.manage", disclosure.organization)
    person = actions.person_for(request.user)
    mine = disclosure.recipients.filter(person=person).first() if person else None
    if manage:
        return disclosure, manage, mine
    if mine is not None and disclosure.status == DisclosureStatus.PUBLISHED:
        return disclosure, manage, mine
    if disclosure.status != DisclosureStatus.DRAFT and access.can(
        request.user, "participation.stats", disclosure.organization
    ):
        return disclosure, manage, mine
    raise Http404


@login_required
def disclosure_detail(request, uuid):
    disclosure, manage, mine = _disclosure_for(request, uuid)
    context = {"d": disclosure, "manage": manage, "mine": mine, "timing": disclosure.timing()}
    if not manage and access.can(request.user, "participation.stats", disclosure.organization):
        # Read-only readers see how many acknowledged, as in the statistics, never who.
        context["n_read"] = disclosure.recipients.filter(acknowledged_at__isnull=False).count()
    if manage:
        recipients = disclosure.recipients.select_related("person").order_by(
            "acknowledged_at", "person__full_name"
        )
        context["unread"] = [r for r in recipients if r.acknowledged_at is None]
        context["read"] = [r for r in recipients if r.acknowledged_at is not None]
        context["publish_form"] = forms.PublishForm(initial={"published_on": timezone.localdate()})
        context["end_form"] = forms.EndPostingForm()
    return render(request, "participation/disclosure_detail.html", context)


@login_required
@require_POST
def disclosure_publish(request, uuid):
    disclosure, manage, _mine = _disclosure_for(request, uuid)
    if not manage:
        raise Http404
    form = forms.PublishForm(request.POST)
    if form.is_valid():
        _post_action(
            request,
            lambda: actions.publish_disclosure(
                disclosure, actor=request.user, published_on=form.cleaned_data["published_on"]
            ),
            _("Đã công khai."),
        )
    else:
        messages.error(request, _("Ngày công khai không hợp lệ."))
    return redirect("participation:disclosure", uuid=uuid)


@login_required
@require_POST
def disclosure_end_posting(request, uuid):
    disclosure, manage, _mine = _disclosure_for(request, uuid)
    if not manage:
        raise Http404
    form = forms.EndPostingForm(request.POST)
    if form.is_valid():
        _post_action(
            request,
            lambda: actions.end_posting(
                disclosure, actor=request.user, posted_to=form.cleaned_data["posted_to"]
            ),
            _("Đã ghi ngày gỡ niêm yết."),
        )
    else:
        messages.error(request, _("Vui lòng nhập ngày gỡ niêm yết hợp lệ."))
    return redirect("participation:disclosure", uuid=uuid)


@login_required
@require_POST
def disclosure_acknowledge(request, uuid):
    disclosure, _manage, _mine = _disclosure_for(request, uuid)
    _post_action(
        request,
        lambda: actions.acknowledge(disclosure, actor=request.user),
        _("Cảm ơn bạn đã xác nhận đọc."),
    )
    return redirect("participation:disclosure", uuid=uuid)


@login_required
@require_POST
def disclosure_remind(request, uuid):
    disclosure, manage, _mine = _disclosure_for(request, uuid)
    if not manage:
        raise Http404
    try:
        n, e = actions.remind_unread(disclosure, actor=request.user)
        messages.success(request, _("Đã nhắc %(n)s người chưa đọc (%(e)s thư điện tử).") % {"n": n, "e": e})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("participation:disclosure", uuid=uuid)


@login_required
def disclosure_attachment(request, uuid, pk):
    disclosure, _manage, _mine = _disclosure_for(request, uuid)
    attachment = disclosure.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


def _year_bounds(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), today.year + 1)
    return year, datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@login_required
def compliance(request):
    """For every item of the framework's catalog: disclosed (with evidence), late, or missing."""
    org = _org(request, "participation.stats")
    year, start, end = _year_bounds(request)
    framework = framework_for(end)
    if framework != framework_for(start):
        framework = request.GET.get("framework") or framework
    catalog = list(Requirement.objects.of(framework, "disclosure"))
    items = list(
        Disclosure.objects.published()
        .in_subtree(org)
        .between(start, end)
        .filter(requirement__framework=framework)
        .prefetch_related("channels")
        .order_by("published_on")
    )
    rows = []
    for req in catalog:
        evidence = [d for d in items if d.requirement_id == req.pk]
        late = [d for d in evidence if not d.timing().ok]
        status = "missing" if not evidence else ("late" if late else "ok")
        rows.append({"req": req, "evidence": evidence, "late": late, "status": status})
    return render(
        request,
        "participation/compliance.html",
        {
            "org": org,
            "year": year,
            "rows": rows,
            "framework": framework,
            "years": range(timezone.localdate().year, 2014, -1),
        },
    )


@login_required
def statistics(request):
    org = _org(request, "participation.stats")
    year, start, end = _year_bounds(request)
    stats = stats_for(org, start, end)
    channel_labels = dict(Channel.choices)
    by_channel = [(channel_labels.get(k, k), v) for k, v in stats["disclosures_by_channel"].items()]
    return render(
        request,
        "participation/stats.html",
        {
            "org": org,
            "year": year,
            "s": stats,
            "by_channel": by_channel,
            "category_chart": charts.category_chart(stats["disclosures_by_category"]),
            "rate_chart": charts.rate_chart(stats["acknowledgements"], stats["audience"]),
            "years": range(timezone.localdate().year, 2014, -1),
        },
    )


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
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
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
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
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


# --- conferences ------------------------------------------------------------------------------


@login_required
def conference_list(request):
    org = _org(request)
    qs = StaffConference.objects.filter(organization__path__startswith=org.path).select_related(
        "organization"
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/conference_list.html",
        {
            "page_obj": page,
            "manage": access.can(request.user, "participation.manage", org),
            "querystring_without_page": _querystring(request),
        },
    )


@login_required
def conference_create(request):
    org = _org(request, "participation.manage")
    if (refusal := ceased_refusal(request, org)) is not None:
        return refusal
    today = timezone.localdate()
    form = forms.ConferenceForm(request.POST or None, initial={"year": today.year - 1, "held_on": today})
    if request.method == "POST" and form.is_valid():
        conference = _apply(
            form, lambda: actions.create_conference(organization=org, actor=request.user, **form.cleaned_data)
        )
        if conference:
            for w in actions.conference_warnings(conference):
                messages.warning(request, w)
            messages.success(request, _("Đã lập kế hoạch hội nghị và danh sách triệu tập."))
            return redirect("participation:conference", uuid=conference.uuid)
    return render(
        request,
        "participation/form.html",
        {"form": form, "title": _("Hội nghị cán bộ, công chức, viên chức, người lao động")},
    )


@login_required
def conference_detail(request, uuid):
    conference = _get_open_to_staff(request, StaffConference, uuid)
    manage = access.can(request.user, "participation.manage", conference.organization)
    attendees = list(conference.attendees.select_related("person").filter(summoned=True))
    people = {a.person_id: a.person for a in attendees}
    resolution_form = forms.ResolutionForm(request.POST if "text" in request.POST else None)
    board_form = forms.BoardForm(
        request.POST if "person_1" in request.POST else None, people=[a.person for a in attendees]
    )
    document_form = forms.ConferenceDocumentForm(
        request.POST if "upload" in request.FILES or "doc-kind" in request.POST else None,
        request.FILES or None,
        prefix="doc",
    )
    followup_form = forms.FollowUpForm(request.POST if "result" in request.POST else None)
    if request.method == "POST":
        if not manage:
            raise Http404
        action = request.POST.get("action")
        done = None
        if action == "checkin":
            ids = params.ints(request.POST.getlist("present"))
            try:
                for a in attendees:
                    if (a.person_id in ids) != a.present:
                        actions.check_in(
                            conference, actor=request.user, person=a.person, present=a.person_id in ids
                        )
                done = _("Đã cập nhật điểm danh.")
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        elif action == "resolution" and resolution_form.is_valid():
            if _apply(
                resolution_form,
                lambda: actions.record_resolution(
                    conference, actor=request.user, **resolution_form.cleaned_data
                ),
            ):
                done = _("Đã ghi kết quả biểu quyết.")
        elif action == "board" and board_form.is_valid():
            if _apply(
                board_form,
                lambda: actions.elect_board(
                    conference, actor=request.user, members=board_form.members(people)
                ),
            ):
                done = _("Đã ghi kết quả bầu Ban Thanh tra nhân dân.")
        elif action == "document" and document_form.is_valid():
            d = document_form.cleaned_data
            if _apply(
                document_form,
                lambda: actions.add_conference_document(
                    conference,
                    actor=request.user,
                    kind=d["kind"],
                    title=d["title"],
                    summary=d.get("summary", ""),
                    upload=d.get("upload"),
                ),
            ):
                done = _("Đã thêm tài liệu.")
        elif action == "close":
            try:
                actions.close_conference(conference, actor=request.user)
                done = _("Hội nghị đã bế mạc.")
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        elif action == "followup" and followup_form.is_valid():
            follow_up = FollowUp.objects.filter(
                conference=conference, pk=params.int_or_none(request.POST.get("follow_up")) or 0
            ).first()
            if follow_up and _apply(
                followup_form,
                lambda: actions.record_follow_up(follow_up, actor=request.user, **followup_form.cleaned_data),
            ):
                done = _("Đã ghi kết quả sơ kết.")
        if done:
            messages.success(request, done)
            return redirect("participation:conference", uuid=uuid)
        conference.refresh_from_db()
    q = actions.quorum(conference)
    return render(
        request,
        "participation/conference_detail.html",
        {
            "c": conference,
            "manage": manage,
            "attendees": attendees,
            "q": q,
            "warnings": actions.conference_warnings(conference),
            "resolution_form": resolution_form,
            "board_form": board_form,
            "board_rows": [
                (board_form[f"person_{i}"], board_form[f"role_{i}"], board_form[f"votes_{i}"])
                for i in range(1, 10)
            ],
            "document_form": document_form,
            "followup_form": followup_form,
            "board": conference.board.select_related("person"),
        },
    )


@login_required
def conference_delegates(request, uuid):
    """Pick the delegates of a conference of 100 staff or more among its electorate, searching by
    name and unit. Each page of the list only changes the people it shows ("shown"), so filtering
    and paging never drop a choice made on another page."""
    conference = access.get_for_user(
        request.user, StaffConference.objects.all(), "participation.manage", uuid=uuid
    )
    org = conference.organization
    units = list(Organization.objects.subtree(org).order_by("path"))
    q = request.GET.get("q", "").strip()
    unit = next((u for u in units if str(u.pk) == request.GET.get("unit", "")), None)
    only = request.GET.get("only", "")
    attendees = conference.attendees.select_related("person").order_by("person__full_name", "pk")
    if q:
        attendees = attendees.filter(search.matches(q, ("person__full_name",)))
    if unit is not None:
        attendees = attendees.filter(
            person_id__in=Membership.objects.staff_of(unit, conference.held_on).values("person_id")
        )
    if only == "chosen":
        attendees = attendees.filter(summoned=True)
    elif only == "not_chosen":
        attendees = attendees.filter(summoned=False)
    page = Paginator(attendees, 50).get_page(request.GET.get("page"))
    if request.method == "POST":
        shown = params.ints(request.POST.getlist("shown"))
        picked = params.ints(request.POST.getlist("delegate")) & shown
        action = request.POST.get("action")
        if action == "all":
            picked = shown
        elif action == "none":
            picked = set()
        current = set(conference.attendees.filter(summoned=True).values_list("person_id", flat=True))
        _post_action(
            request,
            lambda: actions.set_delegates(
                conference, actor=request.user, person_ids=(current - shown) | picked
            ),
            _("Đã lưu danh sách đại biểu."),
        )
        query = request.GET.urlencode()
        target = reverse("participation:conference_delegates", kwargs={"uuid": uuid})
        return redirect(f"{target}?{query}" if query else target)
    memberships = {}
    for m in (
        Membership.objects.staff_of(org, conference.held_on)
        .filter(person_id__in=[a.person_id for a in page])
        .select_related("organization")
        .order_by("organization__path")
    ):
        memberships.setdefault(m.person_id, []).append(m)
    rows = [(a, memberships.get(a.person_id, [])) for a in page]
    return render(
        request,
        "participation/conference_delegates.html",
        {
            "c": conference,
            "rows": rows,
            "page_obj": page,
            "units": units,
            "unit": unit,
            "q": q,
            "only": only,
            "q_stats": actions.quorum(conference),
            "electorate": conference.attendees.count(),
            "editable": conference.by_delegates and conference.status == "planned",
            "querystring_without_page": _querystring(request),
        },
    )


def _docx(request, uuid, builder, name):
    conference = _get_open_to_staff(request, StaffConference, uuid)
    response = HttpResponse(builder(conference), content_type=DOCX_MIME)
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{conference.organization.code}-{conference.year}.docx"'
    )
    return response


@login_required
def conference_document(request, uuid, pk):
    """A report stored on a conference (the head's, the union's, the inspection board's…): for the
    staff of the organisation and those who may view it; 404 for everyone else."""
    conference = _get_open_to_staff(request, StaffConference, uuid)
    document = conference.documents.filter(pk=pk).exclude(file="").first()
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=document.original_name or document.file.name.rsplit("/", 1)[-1]
    )


@login_required
def conference_minutes(request, uuid):
    return _docx(request, uuid, minutes_docx, "bien-ban-hoi-nghi")


@login_required
def conference_resolution(request, uuid):
    return _docx(request, uuid, resolution_docx, "nghi-quyet-hoi-nghi")


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
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
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


@login_required
def recommendation_lookup(request):
    code = request.GET.get("code", "").strip().upper()
    rec = None
    if code:
        rec = Recommendation.objects.filter(tracking_code=code).first()
        if rec is None:
            messages.error(request, _("Không tìm thấy kiến nghị với mã tra cứu này."))
    return render(request, "participation/recommendation_lookup.html", {"code": code, "r": rec})
