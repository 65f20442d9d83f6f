from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "danchu.reporting"
    label = "reporting"
    verbose_name = _("Báo cáo")
    nav = [(_("Báo cáo"), "reporting:list", "reporting.view")]
