"""The system admin's home panel: a year whose days off are not announced yet (Tết 2027 in
December 2026) is provisional, and deadlines falling in it may move; the admin confirms it on the
calendar page. A home panel rather than a system check: it is a state of the data, not of the
configuration, and `check --deploy` must stay clean on a correct installation."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.orgs import access

from . import calendar


def home_panels(request):
    org = getattr(request, "org", None)
    if org is None or not access.can(request.user, "legal.manage_calendar", org):
        return []
    today = timezone.localdate()
    years = calendar.provisional_years([today.year, today.year + 1])
    if not years:
        return []
    return [
        {
            "title": _("Lịch nghỉ lễ, Tết cần xác nhận"),
            "template": "legal/_panel_provisional.html",
            "context": {"years": years},
            "order": 5,
        }
    ]
