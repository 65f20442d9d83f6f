"""Puts the organisation the user is working in on the request (`request.org`)."""

from . import access

SESSION_KEY = "danchu_active_org"


class ActiveOrganizationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.org = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            choices = access.role_orgs(user)
            wanted = request.session.get(SESSION_KEY)
            request.org = next((o for o in choices if o.pk == wanted), choices[0] if choices else None)
            request.org_choices = choices
        return self.get_response(request)
