from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "danchu.oversight"
    label = "oversight"
    verbose_name = _("Thanh tra, kiểm tra")
    nav_label = _("Thanh tra")
    nav = [(_("Thanh tra, kiểm tra"), "oversight:index", "oversight.view")]
