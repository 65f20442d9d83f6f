"""Home-page panel: whoever may set up agencies or periods (including a system admin on an empty
install, who has no organisation yet) finds the setup pages."""

from django.utils.translation import gettext_lazy as _

from . import access, actions


def home_panels(request):
    user = request.user
    manages = access.is_system_admin(user) or access.orgs_with(user, "orgs.settings").exists()
    periods = actions.may_manage_periods(user)
    if not (manages or periods):
        return []
    return [
        {
            "title": _("Thiết lập"),
            "template": "orgs/_home_setup.html",
            "context": {"manages": manages, "periods": periods},
            "order": 90,
        }
    ]
