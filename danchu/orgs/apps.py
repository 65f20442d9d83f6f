from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "danchu.orgs"
    label = "orgs"
    verbose_name = _("Cơ quan, đơn vị")
    nav_label = _("Cơ quan")
    nav = [
        (_("Cơ quan, đơn vị"), "orgs:detail_active", "orgs.view"),
        (_("Thiết lập"), "orgs:setup", "orgs.settings"),
        (_("Kỳ báo cáo"), "orgs:periods", "orgs.periods"),
    ]
