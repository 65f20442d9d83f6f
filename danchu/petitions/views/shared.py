"""Helpers shared by the petitions views."""

from django.core.exceptions import ValidationError
from django.http import Http404

from danchu.orgs import access

from .. import permissions
from ..models import (
    Petition,
)

PAGE_SIZE = 50


def _require(request, perm):
    if request.org is None or not access.can(request.user, perm, request.org):
        raise Http404
    return request.org


def _get_petition(request, uuid):
    try:
        p = Petition.objects.select_related("organization", "handler", "answer_document", "duplicate_of").get(
            uuid=uuid
        )
    except (Petition.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
    if not permissions.can_view(request.user, p):
        raise Http404
    return p
