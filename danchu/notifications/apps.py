from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "danchu.notifications"
    label = "notifications"
    verbose_name = _("Thông báo")
    nav = [(_("Thông báo"), "notifications:list", None)]

    def ready(self):
        # Each app declares its kinds of notification in its own notifications.py.
        autodiscover_modules("notifications")
