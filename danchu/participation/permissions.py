"""Who may do what with disclosures, consultations, votes, conferences and recommendations.

Taking part (acknowledging, commenting, voting, sending a recommendation) also needs the person
to belong to the audience or electorate: actions check that, these rules only the role."""

from danchu.orgs.models import Role

EVERYONE_INSIDE = {
    Role.SYSTEM_ADMIN,
    Role.AGENCY_HEAD,
    Role.CLERK,
    Role.PETITION_HANDLER,
    Role.INSPECTOR,
    Role.STAFF,
}

RULES = {
    # See the disclosures, consultations, votes and conferences of the organisation.
    "participation.view": EVERYONE_INSIDE | {Role.PROVINCE_OFFICER},
    # Acknowledge, comment, vote, send a recommendation.
    "participation.take_part": EVERYONE_INSIDE - {Role.SYSTEM_ADMIN},
    # Publish disclosures, see who has not read, remind; run consultations, votes, conferences.
    "participation.manage": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD, Role.CLERK},
    # Answer recommendations sent to the head; see every recommendation of the organisation.
    "participation.answer": {Role.SYSTEM_ADMIN, Role.AGENCY_HEAD},
    # Compliance view and statistics.
    "participation.stats": {Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.AGENCY_HEAD, Role.CLERK},
}
