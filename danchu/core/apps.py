from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danchu.core"
    label = "core"
    verbose_name = _("Lõi")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import checks, search  # noqa: F401 (checks registers the deployment checks)

        connection_created.connect(search.register_sqlite, dispatch_uid="danchu_fold")
