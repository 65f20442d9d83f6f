"""Who may do what with reports: the clerk drafts, the head signs, the province reads."""

from danchu.orgs.models import Role

RULES = {
    "reporting.view": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.AGENCY_HEAD, Role.CLERK},
    "reporting.draft": {Role.AGENCY_HEAD, Role.CLERK},
    "reporting.review": {Role.AGENCY_HEAD, Role.CLERK},
    "reporting.sign": {Role.AGENCY_HEAD},
    "reporting.submit": {Role.AGENCY_HEAD, Role.CLERK},
    "reporting.templates": {Role.SYSTEM_ADMIN},
}
