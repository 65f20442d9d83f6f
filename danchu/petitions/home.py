"""Home-page panel: the user's petition reminders and open cases (never any identity)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.notifications.models import Notification
from danchu.orgs import access

from . import permissions
from .models import Petition


def home_panels(request):
    user, org = request.user, getattr(request, "org", None)
    if org is None or not access.can(user, "petitions.view", org):
        return []
    today = timezone.localdate()
    visible = Petition.objects.filter(permissions.visible_q(user)).in_subtree(org).open()
    mine = visible.filter(handler=user)
    notes = list(
        # The reminders of the organisation shown, like the figures beside them.
        Notification.objects.for_user(user)
        .unread()
        .of_kinds("petitions.")
        .filter(organization__path__startswith=org.path)
        .order_by("due", "-pk")[:8]
    )
    return [
        {
            "title": _("Đơn thư"),
            "template": "petitions/_home_panel.html",
            "context": {
                "open": visible.count(),
                "mine": mine.count(),
                "overdue": visible.filter(next_due__lt=today).count(),
                "notifications": notes,
            },
            "order": 20,
        }
    ]
