"""Refusing work at a body that ceased, before any form is filled: the page names the successor
and links to it (the switcher moves the user there when they hold a role in it)."""

from django.shortcuts import render
from django.utils import timezone

from . import access


def live_successor(org, day=None):
    """The live body that took over `org` (following the chain), or None."""
    day = day or timezone.localdate()
    seen = set()
    current = org.successor if org is not None else None
    while current is not None and current.pk not in seen:
        if current.is_valid_on(day):
            return current
        seen.add(current.pk)
        current = current.successor
    return None


def ceased_refusal(request, org=None, what=""):
    """A response refusing to register something at `org` (the active organisation by default)
    when it no longer exists today; None when it is live."""
    org = org or request.org
    today = timezone.localdate()
    if org is None or org.is_valid_on(today):
        return None
    successor = live_successor(org, today)
    switchable = successor is not None and any(o.pk == successor.pk for o in access.role_orgs(request.user))
    return render(
        request,
        "orgs/ceased.html",
        {"ceased": org, "successor": successor, "switchable": switchable, "what": what},
        status=409,
    )
