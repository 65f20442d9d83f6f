from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "danchu.reporting"
    label = "reporting"
    verbose_name = _("Báo cáo")
    nav = [(_("Báo cáo"), "reporting:list", "reporting.view")]

    def ready(self):
        from danchu.audit.templatetags.audit import register_key_labeller

        from . import system_checks  # noqa: F401 (registers the indicator keys check)
        from .indicators.definitions import BY_CODE

        # The trail of frozen figures ({code: number}) names its indicators.
        register_key_labeller(lambda key: BY_CODE[key].label if key in BY_CODE else None)
