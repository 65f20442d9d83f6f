"""Import columns that name a document of the registry (used by the registers' imports)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def document_lookup(text, context):
    """Import column: a document of the registry given by its number and symbol (e.g. 12/QĐ-XPHC)."""
    from danchu.documents.models import Document

    match = Document.objects.alive().filter(ref__iexact=text, organization__in=context["orgs"]).first()
    if match is None:
        raise ValidationError(
            _("Không tìm thấy văn bản số “%(v)s” trong sổ văn bản của cơ quan.") % {"v": text}
        )
    return match
