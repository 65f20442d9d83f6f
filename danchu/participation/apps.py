from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "danchu.participation"
    label = "participation"
    verbose_name = _("Công khai, lấy ý kiến, hội nghị")
