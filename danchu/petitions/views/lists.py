"""The worklist and its spreadsheet export."""

import urllib.parse

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import listcache
from danchu.core.leanhtml import options
from danchu.core.paginator import CappedRowsPaginator
from danchu.core.templatetags import shell
from danchu.core.xlsx import xlsx_response
from danchu.orgs import access

from .. import listrows
from ..worklist import due_soon_limit as _due_soon_limit
from ..worklist import filters as _worklist_filters
from ..worklist import letters as _filtered
from .shared import PAGE_SIZE, _require


@login_required
def worklist(request):
    org = _require(request, "petitions.view")
    subtree = listcache.subtree_state(org)
    f, filters = _worklist_filters(request)
    filters.report(request)
    content = listcache.fragment(
        request, "petitions:worklist", subtree.version, lambda: _worklist_body(request, org, subtree, f)
    )
    # base.html written in Python (core/templatetags/shell.py), as a template extending it
    # with the title and the stylesheet would (core/tests/test_shell.py).
    return shell.page(request, _("Đơn thư"), content, head=shell.stylesheet("petitions/petitions.css"))


def _worklist_body(request, org, subtree, f=None):
    """The worklist below the menu: filters, rows and pages (cached by danchu.core.listcache)."""
    qs, f = _filtered(request, org, subtree.ids, f)
    # The rows as plain values of the letters' own columns, with what they show prepared here
    # once: building 150 model instances (letters, agencies, handlers) and resolving their
    # attributes in the template cost more than the query, and the agencies' and handlers' names
    # are already read for the page (the subtree, the handler filter), so no row joins them.
    own = qs.select_related(None)
    rows = own.values(
        *("uuid", "reference", "kind", "status", "received_on", "subject", "next_due", "organization_id"),
        "handler_id",
    )
    # The page's rows, the capped count and the handler filter's choices in one statement
    # (CappedRowsPaginator); `own` counts the letters alone where it cannot be written.
    paginator = CappedRowsPaginator(rows, PAGE_SIZE, counted=own, extra=listrows.handlers_column(subtree.ids))
    page = paginator.get_page(request.GET.get("page"))
    letters = list(page.object_list)
    if paginator.extra_value is not None:
        handlers = listrows.handlers_from(paginator.extra_value)
    else:  # no letter on the page to carry them
        handlers = listrows.subtree_handlers(subtree.ids)
    today = timezone.localdate()
    zero = "00000000-0000-0000-0000-000000000000"
    # The rows and the dropdowns' options are written by listrows / leanhtml, not the template
    # engine: per row it cost more than the rest of the request (docs/benchmarks.md).
    rows_html = listrows.worklist_rows(
        letters,
        org,
        today,
        _due_soon_limit(today),
        reverse("petitions:detail", args=[zero]),  # one reverse() per page, not per row
        zero,
        units=subtree.units,
        handlers=listrows.handler_names(handlers, letters),
    )
    params = {k: v for k, v in request.GET.items() if k != "page"}
    # Written by listrows, not a template: the page's fixed texts are translated once per process.
    return listrows.worklist_body(
        page_obj=page,
        rows=rows_html,
        f=f,
        options={
            "kind": listrows.fixed_options("kind", f["kind"], today),
            "status": listrows.fixed_options("status", f["status"], today),
            "handler": options(handlers, f["handler"]),
            "year": listrows.fixed_options("year", f["year"], today),
        },
        query=urllib.parse.urlencode(params),
        register_url=reverse("petitions:register")
        if access.can(request.user, "petitions.register", org)
        else "",
        export_url=reverse("petitions:export"),
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
