from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "danchu.documents"
    label = "documents"
    verbose_name = _("Văn bản")
    nav = [(_("Sổ văn bản"), "documents:list", "documents.view")]
