"""The worklist's query: its filters, validated, and the letters they select, in the worklist's
order. The worklist page, its export and the API's GET /petitions share it (views/lists.py,
api/v1/petitions.py)."""

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import params, search
from danchu.legal import calendar as workcal
from danchu.orgs import access
from danchu.orgs.models import Organization

from . import permissions
from .models import Kind, Petition, Status, normalize_tracking_code


def due_soon_limit(today):
    """The last day a deadline counts as near: 3 working days from today."""
    return workcal.add_working_days(today, 3)


def filters(request):
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


def letters(request, org, org_ids=None, f=None):
    """The letters of the worklist (and of the API's GET /petitions) under `org`, filtered as
    the request asks and in the worklist's order, with the validated filters."""
    # The subtree as a list of organisation ids, not a join on `path LIKE`: PostgreSQL cannot
    # tell how many letters a path prefix covers (with a thousand units it guessed 50 rows of
    # 100,000 and sorted them all), while it knows how letters spread over organization_id.
    if org_ids is None:
        org_ids = list(Organization.objects.filter(path__startswith=org.path).values_list("pk", flat=True))
    qs = Petition.objects.filter(organization_id__in=org_ids)
    if not access.roles_in(request.user, org) & {permissions.H, permissions.C}:
        qs = qs.filter(permissions.visible_q(request.user))  # handlers: their own cases only
    if f is None:  # the worklist validates its filters once, before this
        f, _errors = filters(request)
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
        qs = qs.filter(open_rank=0, next_due__gte=today, next_due__lte=due_soon_limit(today))
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
