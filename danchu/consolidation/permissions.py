"""Province officers manage requests, review, consolidate and score over their province; an
agency's head and clerks see their own organisation's requests, submit and self-assess."""

from django.db.models import Q

from danchu.orgs import access
from danchu.orgs.models import Role

from .models import ReportRequest

RULES = {
    # Held over the requesting body (Sở Nội vụ) or the province above it.
    "consolidation.manage": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER},
    "consolidation.score": {Role.PROVINCE_OFFICER},
    # Held over the answering agency.
    "consolidation.view_own": {Role.AGENCY_HEAD, Role.CLERK},
    "consolidation.submit": {Role.AGENCY_HEAD, Role.CLERK},
    "consolidation.self_assess": {Role.AGENCY_HEAD, Role.CLERK},
}


def visible_requests(user):
    """The requests `user` sees, as the list page and the API show them: those of a body they
    manage, and those asking one of their own organisations to report."""
    managed = access.orgs_with(user, "consolidation.manage")
    own = access.orgs_with(user, "consolidation.view_own")
    return ReportRequest.objects.filter(
        Q(requesting_org__in=managed.values("pk")) | Q(target_rows__organization__in=own.values("pk"))
    ).distinct()
