"""The participation home, disclosures, compliance and statistics."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import listcache, params, search, stale
from danchu.core.leanhtml import options
from danchu.core.paginator import CappedRowsPaginator
from danchu.core.templatetags import shell
from danchu.core.xlsx import xlsx_response
from danchu.legal.frameworks import Framework, framework_for
from danchu.legal.models import Requirement
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal

from .. import actions, charts, forms, listrows
from ..models import (
    Channel,
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
    DisclosureStatus,
)
from ..stats import stats_for
from .shared import _apply, _org, _post_action, _querystring

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
    qs = Disclosure.objects.all()  # the export joins what it reads below; the page reads ids only
    version = None
    if oversee:
        # Organisation ids, not a join on `path LIKE` (see petitions.worklist.letters): the
        # planner then estimates the rows right and reads the list's index. The same query
        # gives the version of the subtree the cached page is kept under.
        org_ids, version, _units = listcache.subtree_state(org)
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
    only = v.choice("only", ("unread", "late"), label=_("Chỉ hiện"))
    page_number = v.page()
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
        qs = qs.select_related("requirement", "organization").prefetch_related("channels")
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
        # Lean rows (participation.listrows): one statement chooses the page, counts the list
        # (CappedRowsPaginator) and reads the page's rows, their channels and readings
        # (listrows.page_reader); each row is one f-string.
        reader = listrows.page_reader(request.user)
        page = CappedRowsPaginator(qs.values_list("pk", flat=True), 25, read=reader).get_page(page_number)
        rows = listrows.disclosure_rows(page.object_list, org, request.user, oversee)
        return listrows.disclosure_body(
            page_obj=page,
            rows=rows,
            manage=manage,
            oversee=oversee,
            q=q,
            year=year,
            only=only,
            kind_options=options(DisclosureKind.choices, kind or ""),
            query=_querystring(request),
        )

    # Staff read what was disclosed to them from anywhere in the tree: no subtree version covers
    # their list (short anyway), so it is rendered each time.
    content = listcache.fragment(request, "participation:disclosures", version, body) if version else body()
    # base.html written in Python (core/templatetags/shell.py), as a template
    # extending it with the title would (core/tests/test_shell.py).
    return shell.page(request, _("Công khai"), content)


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
        context["opened_version"] = stale.version_of(disclosure)
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
        try:
            _post_action(
                request,
                lambda: actions.end_posting(
                    disclosure,
                    actor=request.user,
                    posted_to=form.cleaned_data["posted_to"],
                    expected_version=request.POST.get(stale.VERSION_FIELD, ""),
                ),
                _("Đã ghi ngày gỡ niêm yết."),
            )
        except stale.StaleEdit as exc:
            # One date: the messages name the stored one and the one the user typed.
            messages.error(
                request,
                _(
                    "Ngày gỡ niêm yết vừa được người khác ghi sau khi bạn mở trang, nên chưa lưu ngày bạn nhập."
                ),
            )
            for label, theirs, yours in exc.rows:
                messages.error(
                    request,
                    _("%(field)s: bản hiện tại %(theirs)s, bạn nhập %(yours)s.")
                    % {"field": label, "theirs": theirs or "—", "yours": yours or "—"},
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


YEAR_FIRST = 2000  # the registers hold nothing older


def _year_bounds(f):
    """The year the page shows (this year unless `?year=` names a valid one) and its first and
    last day. A value that is not a year, or a year outside the registers, is named on the page
    through `f` (params.Filters) and the page shows this year."""
    today = timezone.localdate()
    year = f.year("year", label=_("Năm"))
    if year is not None and not YEAR_FIRST <= year <= today.year + 1:
        f.errors["year"] = _("Năm “%(value)s” nằm ngoài khoảng %(lo)s–%(hi)s: đang hiện năm %(year)s.") % {
            "value": year,
            "lo": YEAR_FIRST,
            "hi": today.year + 1,
            "year": today.year,
        }
        year = None
    year = year or today.year
    return year, datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@login_required
def compliance(request):
    """For every item of the framework's catalog: disclosed (with evidence), late, or missing."""
    org = _org(request, "participation.stats")
    f = params.Filters(request)
    year, start, end = _year_bounds(f)
    # A year the 2022 law came into force in has both frameworks; any other year only one.
    frameworks = [fw for fw in Framework.values if fw in {framework_for(start), framework_for(end)}]
    framework = f.choice("framework", frameworks, label=_("Khung pháp lý")) or framework_for(end)
    f.report(request)
    catalog = list(Requirement.objects.of(framework, "disclosure"))
    items = list(
        Disclosure.objects.published()
        .in_subtree(org)
        .between(start, end)
        .filter(requirement__framework=framework)
        .select_related("organization")
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
            "framework_options": [(fw, Framework(fw).label) for fw in frameworks]
            if len(frameworks) > 1
            else [],
            "years": range(timezone.localdate().year, 2014, -1),
        },
    )


@login_required
def statistics(request):
    org = _org(request, "participation.stats")
    f = params.Filters(request)
    year, start, end = _year_bounds(f)
    f.report(request)
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
