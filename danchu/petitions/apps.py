from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "danchu.petitions"
    label = "petitions"
    verbose_name = _("Đơn thư")
    nav_label = _("Đơn thư")
    nav = [
        (_("Đơn thư"), "petitions:list", "petitions.view"),
        (_("Tiếp công dân"), "petitions:receptions", "petitions.reception"),
        (_("Thống kê đơn thư"), "petitions:stats", "petitions.stats"),
    ]
