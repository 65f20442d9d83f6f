from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "danchu.legal"
    label = "legal"
    verbose_name = _("Pháp lý và lịch làm việc")
    # Open to every signed-in user (no permission needed).
    nav_label = _("Thời hạn")
    nav = [
        (_("Tính thời hạn"), "legal:deadlines", None),
        (_("Lịch làm việc"), "legal:calendar", None),
        (_("Rà soát căn cứ pháp lý"), "legal:review", "legal.manage_calendar"),
    ]
