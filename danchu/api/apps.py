from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "danchu.api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"
    # Every role holds orgs.view: each user manages their own tokens.
    nav = [(_("Mã truy cập API"), "api_tokens", "orgs.view")]
