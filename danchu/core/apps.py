from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danchu.core"
    label = "core"
    verbose_name = _("Lõi")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deployment checks)
