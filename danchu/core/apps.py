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

        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_session_active

        # The login writes the session anyway: mark it active then, so the first page after it
        # writes nothing more (SessionActivityMiddleware).
        user_logged_in.connect(mark_session_active, dispatch_uid="danchu_session_seen")
