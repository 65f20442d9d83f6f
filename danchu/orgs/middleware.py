"""Puts the organisation the user is working in on the request (`request.org`).

By default that is the first live organisation the user holds a role in: a clerk of a body that
ceased (Sở TT-TT Trà Vinh, merged on 01/03/2025) who also holds a role in its successor lands on
the successor; the ceased body stays a choice of the switcher, for its history."""

from django.utils import timezone

from . import access

SESSION_KEY = "danchu_active_org"


def default_org(choices, day=None):
    day = day or timezone.localdate()
    live = [o for o in choices if o.is_valid_on(day)]
    return (live or choices or [None])[0]


class ActiveOrganizationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.org = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            choices = access.role_orgs(user)
            wanted = request.session.get(SESSION_KEY)
            request.org = next((o for o in choices if o.pk == wanted), None) or default_org(choices)
            request.org_choices = choices
        return self.get_response(request)
