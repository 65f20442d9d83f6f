"""Who may see and change the oversight registers. Roles apply to the organisation's subtree."""

from danchu.orgs.models import Role

RULES = {
    "oversight.view": {
        Role.SYSTEM_ADMIN,
        Role.PROVINCE_OFFICER,
        Role.AGENCY_HEAD,
        Role.CLERK,
        Role.PETITION_HANDLER,
        Role.INSPECTOR,
        Role.STAFF,
    },
    # Inspections, their subjects, outcomes and recommendations.
    "oversight.change_inspections": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK, Role.INSPECTOR},
    # Party oversight, discipline cases, complaints about party members.
    "oversight.change_party": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK},
}
