"""Who may do what in the organisation registry itself. Each app keeps such a module; the
rules of all of them are collected by danchu.orgs.access."""

from .models import Role

RULES = {
    "orgs.view": {
        Role.SYSTEM_ADMIN,
        Role.PROVINCE_OFFICER,
        Role.AGENCY_HEAD,
        Role.CLERK,
        Role.PETITION_HANDLER,
        Role.INSPECTOR,
        Role.STAFF,
    },
    "orgs.manage": {Role.SYSTEM_ADMIN},
    "orgs.view_staff": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK},
}
