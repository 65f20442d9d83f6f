from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "danchu.activities"
    label = "activities"
    verbose_name = _("Hoạt động")
    nav = [(_("Hoạt động"), "activities:index", "activities.view")]
