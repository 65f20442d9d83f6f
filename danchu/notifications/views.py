"""The user's own notifications: one page, with search, filters and marking read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import params, search
from danchu.core.paginator import CappedPaginator

from . import actions, kinds
from .models import Notification

PAGE_SIZE = 30
STATES = ("unread", "read")


@login_required
def notification_list(request):
    f = params.Filters(request)
    kind = f.choice("kind", [code for code, _label in kinds.choices()], label=_("Loại thông báo"))
    state = f.choice("state", STATES, label=_("Trạng thái"))
    q = f.raw("q")[:200]
    f.report(request)
    qs = Notification.objects.for_user(request.user)
    unread = qs.unread().count()
    if kind:
        qs = qs.filter(kind=kind)
    if state == "unread":
        qs = qs.unread()
    elif state == "read":
        qs = qs.filter(read_at__isnull=False)
    if q:
        qs = qs.filter(search.matches(q, ["message"]))
    page = CappedPaginator(qs.select_related("organization"), PAGE_SIZE).get_page(f.page())
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "notifications/list.html",
        {
            "page_obj": page,
            "f": {"kind": kind, "state": state, "q": q},
            "kinds": kinds.choices(),
            "unread": unread,
            "querystring_without_page": query.urlencode(),
        },
    )


@login_required
@require_POST
def mark_read(request):
    given = request.POST.getlist("id")
    # one or some (a bad id marks nothing), or all when no id is posted
    ids = params.ints(given)
    count = actions.mark_read(request.user, notifications=ids) if given else actions.mark_read(request.user)
    if count:
        messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = ""
    return redirect(target or "notifications:list")
