"""Who may see and change the activities registers. Roles apply to the organisation's subtree."""

from danchu.orgs.models import Role

RULES = {
    "activities.view": {
        Role.SYSTEM_ADMIN,
        Role.PROVINCE_OFFICER,
        Role.AGENCY_HEAD,
        Role.CLERK,
        Role.PETITION_HANDLER,
        Role.INSPECTOR,
        Role.STAFF,
    },
    "activities.change": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK},
}
