"""Who may do what in the document registry.

Staff of an organisation see its registry; clerks, heads and system admins change it. The
shared legal texts (organization empty) are seen by every logged-in user and changed only by
system admins and province officers.
"""

from danchu.orgs import access
from danchu.orgs.models import Role

RULES = {
    "documents.view": {
        Role.SYSTEM_ADMIN,
        Role.PROVINCE_OFFICER,
        Role.AGENCY_HEAD,
        Role.CLERK,
        Role.PETITION_HANDLER,
        Role.INSPECTOR,
        Role.STAFF,
    },
    "documents.change": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK},
    "documents.change_external": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER},
}


def can_change_external(user):
    if not getattr(user, "is_authenticated", False):
        return False
    if access.is_system_admin(user):
        return True
    return access.orgs_with(user, "documents.change_external").exists()


def can_view_document(user, document):
    if not getattr(user, "is_authenticated", False):
        return False
    if document.organization_id is None:
        return True
    return access.can(user, "documents.view", document.organization)


def can_change_document(user, document):
    if document.organization_id is None:
        return can_change_external(user)
    return access.can(user, "documents.change", document.organization)


def can_change_in(user, organization):
    """May `user` add documents to the registry of `organization` (None: the shared legal texts)?"""
    if organization is None:
        return can_change_external(user)
    return access.can(user, "documents.change", organization)


def can_register_answer(user, petition):
    """May `user` register the answer or decision of `petition` in its organisation's registry?

    Those who keep the registry may (`documents.change`); besides them exactly one more person: the
    handler assigned to that petition, while its answer is open to them (an accepted case). The
    registry stays closed to the handler for anything else (`/van-ban/moi/` answers 403)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if access.can(user, "documents.change", petition.organization):
        return True
    from danchu.petitions.permissions import may

    return petition.handler_id == user.pk and may(user, "answer", petition)
