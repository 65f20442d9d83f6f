from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsolidationConfig(AppConfig):
    name = "danchu.consolidation"
    label = "consolidation"
    verbose_name = _("Tổng hợp báo cáo cấp tỉnh")
