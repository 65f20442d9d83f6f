"""Puts the organisation the user is working in on the request (`request.org`).

By default that is the organisation the user works in (`default_org`: where they are on the staff,
among the live organisations they hold a role in), else the first of them: a clerk of a body that
ceased (Sở TT-TT Trà Vinh, merged on 01/03/2025) who also holds a role in its successor lands on
the successor; the ceased body stays a choice of the switcher, for its history."""

from django.utils import timezone

from . import access

SESSION_KEY = "danchu_active_org"


def default_org(choices, day=None, user=None):
    """The organisation the user works in: among the live choices, the one where the user is on the
    staff today (a current Membership), else the closest one above it (a province officer's role
    over the province covers their department), else the first live choice."""
    day = day or timezone.localdate()
    live = [o for o in choices if o.is_valid_on(day)]
    pool = live or choices
    if user is not None and len(pool) > 1:
        from .models import Membership

        paths = list(
            Membership.objects.active_on(day)
            .filter(person__user=user)
            .values_list("organization__path", flat=True)
        )
        best = max(
            (o for o in pool if any(p.startswith(o.path) for p in paths)),
            key=lambda o: (any(p == o.path for p in paths), len(o.path)),
            default=None,
        )
        if best is not None:
            return best
    return (pool or [None])[0]


class ActiveOrganizationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.org = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            choices = access.role_orgs(user)
            wanted = request.session.get(SESSION_KEY)
            request.org = next((o for o in choices if o.pk == wanted), None) or default_org(
                choices, user=user
            )
            request.org_choices = choices
        return self.get_response(request)
