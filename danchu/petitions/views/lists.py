"""The worklist and its spreadsheet export."""

import urllib.parse

from django.contrib.auth.decorators import login_required
from django.db.models import F, Q
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import listcache, params, search
from danchu.core.leanhtml import options
from danchu.core.paginator import CappedPaginator
from danchu.core.xlsx import xlsx_response
from danchu.orgs import access
from danchu.orgs.models import Organization

from .. import listrows, permissions
from ..models import (
    Kind,
    Petition,
    Status,
    normalize_tracking_code,
)
from .shared import PAGE_SIZE, _due_soon_limit, _require


def _worklist_filters(request):
    """The worklist's filters, validated (danchu.core.params.Filters): the valid values as text
    for the form, and the messages for the values that were ignored."""
    v = params.Filters(request)
    handler = v.raw("handler")
    if handler != "none":
        handler = v.integer("handler", 1, label=_("Người xử lý"))
    year = v.year("year")
    f = {
        "q": v.raw("q")[:200],
        "kind": v.choice("kind", Kind.values, label=_("Loại đơn")),
        "status": v.choice("status", ["open", *Status.values], label=_("Trạng thái")),
        "handler": str(handler or ""),
        "due": v.choice("due", ("overdue", "soon"), label=_("Hạn")),
        "year": str(year or ""),
    }
    v.page()
    return f, v


def _filtered(request, org, org_ids=None):
    # The subtree as a list of organisation ids, not a join on `path LIKE`: PostgreSQL cannot
    # tell how many letters a path prefix covers (with a thousand units it guessed 50 rows of
    # 100,000 and sorted them all), while it knows how letters spread over organization_id.
    if org_ids is None:
        org_ids = list(Organization.objects.filter(path__startswith=org.path).values_list("pk", flat=True))
    qs = Petition.objects.filter(organization_id__in=org_ids)
    if not access.roles_in(request.user, org) & {permissions.H, permissions.C}:
        qs = qs.filter(permissions.visible_q(request.user))  # handlers: their own cases only
    f, _errors = _worklist_filters(request)
    today = timezone.localdate()
    if f["kind"]:
        qs = qs.filter(kind=f["kind"])
    if f["status"] == "open":
        qs = qs.filter(open_rank=0)
    elif f["status"]:
        qs = qs.filter(status=f["status"])
    if f["handler"] == "none":
        qs = qs.filter(handler__isnull=True)
    elif f["handler"]:
        qs = qs.filter(handler_id=int(f["handler"]))
    # open_rank = 0 is the stored form of "open" (models.Petition.open_rank), served by the index.
    if f["due"] == "overdue":
        qs = qs.filter(open_rank=0, next_due__lt=today)
    elif f["due"] == "soon":
        qs = qs.filter(open_rank=0, next_due__gte=today, next_due__lte=_due_soon_limit(today))
    if f["year"]:
        qs = qs.filter(received_on__year=int(f["year"]))
    if f["q"]:
        code = normalize_tracking_code(f["q"])
        qs = qs.filter(
            search.matches(f["q"], Petition.SEARCHED_FIELDS, stored="search_text") | Q(tracking_code=code)
        )
    qs = qs.select_related("organization", "handler")
    # Open letters first, nearest deadline first, newest first: the order of
    # petition_worklist_order_idx, so a page is read from the index, not sorted.
    qs = qs.order_by("open_rank", F("next_due").asc(nulls_last=True), "-received_on", "-pk")
    return qs, f


@login_required
def worklist(request):
    org = _require(request, "petitions.view")
    org_ids, version = listcache.subtree_state(org)
    _worklist_filters(request)[1].report(request)
    content = listcache.fragment(
        request, "petitions:worklist", version, lambda: _worklist_body(request, org, org_ids)
    )
    return render(request, "petitions/worklist.html", {"content": content})


def _worklist_body(request, org, org_ids):
    """The worklist below the menu: filters, rows and pages (cached by danchu.core.listcache)."""
    qs, f = _filtered(request, org, org_ids)
    # The rows as plain values, with what they show prepared here once: building 150 model
    # instances (letters, agencies, handlers) and resolving their attributes in the template
    # cost more than the query.
    rows = qs.values(
        *("uuid", "reference", "kind", "status", "received_on", "subject", "next_due", "organization_id"),
        *("organization__name", "organization__short_name"),
        *("handler_id", "handler__first_name", "handler__last_name", "handler__username"),
    )
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    zero = "00000000-0000-0000-0000-000000000000"
    # The rows and the dropdowns' options are written by listrows / leanhtml, not the template
    # engine: per row it cost more than the rest of the request (docs/benchmarks.md).
    rows_html = listrows.worklist_rows(
        list(page.object_list),
        org,
        today,
        _due_soon_limit(today),
        reverse("petitions:detail", args=[zero]),  # one reverse() per page, not per row
        zero,
        {value: str(label) for value, label in Kind.choices},
        {value: str(label) for value, label in Status.choices},
    )
    params = {k: v for k, v in request.GET.items() if k != "page"}
    handlers = listrows.subtree_handlers(org_ids)
    return render_to_string(
        "petitions/_worklist.html",
        {
            "org": org,
            "page_obj": page,
            "rows": rows_html,
            "f": f,
            "kind_options": options(Kind.choices, f["kind"]),
            "status_options": options(Status.choices, f["status"]),
            "handler_options": options(handlers, f["handler"]),
            "year_options": options([(y, y) for y in range(today.year, 2014, -1)], f["year"]),
            "querystring_without_page": urllib.parse.urlencode(params),
            "export_query": urllib.parse.urlencode(params),
            "can_register": access.can(request.user, "petitions.register", org),
        },
    )


@login_required
def export(request):
    org = _require(request, "petitions.view")
    qs, _f = _filtered(request, org)
    headers = [
        _("Số đơn"),
        _("Cơ quan"),
        _("Loại đơn"),
        _("Nguồn đơn"),
        _("Ngày nhận"),
        _("Nội dung tóm tắt"),
        _("Trạng thái"),
        _("Kết quả xử lý đơn"),
        _("Người xử lý"),
        _("Hạn thụ lý, xử lý"),
        _("Hạn giải quyết"),
        _("Ngày trả lời, giải quyết"),
        _("Đúng hạn"),
    ]
    rows = [
        [
            p.reference,
            p.organization.short_name or p.organization.name,
            p.get_kind_display(),
            p.get_channel_display(),
            p.received_on,
            p.subject,
            p.get_status_display(),
            p.get_outcome_display() if p.outcome else "",
            (p.handler.get_full_name() or p.handler.get_username()) if p.handler else "",
            p.accept_due,
            p.resolve_due,
            p.resolved_on,
            {True: _("Có"), False: _("Không")}.get(p.resolved_on_time, ""),
        ]
        for p in qs[:20000]
    ]
    return xlsx_response(f"don-thu-{timezone.localdate():%Y%m%d}.xlsx", [(_("Đơn thư"), headers, rows)])
