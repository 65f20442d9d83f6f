from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "danchu.participation"
    label = "participation"
    verbose_name = _("Công khai, lấy ý kiến, hội nghị")
    nav_label = _("Dân chủ")
    nav = [
        (_("Công khai"), "participation:disclosures", "participation.view"),
        (_("Lấy ý kiến"), "participation:consultations", "participation.view"),
        (_("Biểu quyết"), "participation:votes", "participation.view"),
        (_("Hội nghị CB-CC-VC"), "participation:conferences", "participation.view"),
        (_("Kiến nghị"), "participation:recommendations", "participation.view"),
        (_("Tuân thủ công khai"), "participation:compliance", "participation.stats"),
    ]
