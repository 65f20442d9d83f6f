from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "danchu.legal"
    label = "legal"
    verbose_name = _("Pháp lý và lịch làm việc")
