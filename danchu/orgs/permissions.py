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
    # The tree: agencies, communes and units under a province (a new province: system admin only).
    "orgs.manage": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER},
    # What an agency's documents need (signers, recipients, symbol, place) and its staff list.
    "orgs.settings": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.AGENCY_HEAD},
    # Accounts and roles.
    "orgs.users": {Role.SYSTEM_ADMIN},
    # Reporting periods (shared by every agency): held anywhere.
    "orgs.periods": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER},
    "orgs.view_staff": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK},
}
