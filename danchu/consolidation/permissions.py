"""Province officers manage requests, review, consolidate and score over their province; an
agency's head and clerks see their own organisation's requests, submit and self-assess."""

from danchu.orgs.models import Role

RULES = {
    # Held over the requesting body (Sở Nội vụ) or the province above it.
    "consolidation.manage": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER},
    "consolidation.score": {Role.PROVINCE_OFFICER},
    # Held over the answering agency.
    "consolidation.view_own": {Role.AGENCY_HEAD, Role.CLERK},
    "consolidation.submit": {Role.AGENCY_HEAD, Role.CLERK},
    "consolidation.self_assess": {Role.AGENCY_HEAD, Role.CLERK},
}
