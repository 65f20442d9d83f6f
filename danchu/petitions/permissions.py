"""Who may do what with petitions.

Role rules (RULES) say what a role may do in an organisation's subtree; `may(user, action,
petition)` adds the case-level rules: a petition handler works only the cases assigned to them,
each action is open only in some states, and a denouncer's identity is revealed only to the
assigned handler and the agency head — for every
letter that was ever a denunciation (`Petition.identity_protected`), whatever its kind today. Staff and outsiders see nothing (views answer 404).
"""

from django.db.models import Q

from danchu.orgs import access
from danchu.orgs.models import Role

from .models import Kind, Status

H, C, P = Role.AGENCY_HEAD, Role.CLERK, Role.PETITION_HANDLER

RULES = {
    "petitions.view": {H, C, P},
    "petitions.register": {H, C},
    "petitions.classify": {H, C},
    "petitions.assign": {H, C},
    "petitions.handle": {H, P},
    "petitions.reveal": {H, C, P},
    "petitions.reception": {H, C, P},
    "petitions.stats": {H, C, P, Role.PROVINCE_OFFICER},
}

OPEN = {Status.RECEIVED, Status.CLASSIFIED, Status.ACCEPTED, Status.SUSPENDED}
FINISHED = {Status.RESOLVED, Status.NOT_ELIGIBLE, Status.TRANSFERRED, Status.GUIDANCE_SENT}

# action -> (roles that may do it, states in which it is open). A handler acts only on the
# cases assigned to them; heads and clerks on every case of their organisation.
ACTIONS = {
    "classify": ({H, C}, {Status.RECEIVED, Status.CLASSIFIED}),
    "assign": ({H, C}, OPEN),
    "link_duplicate": ({H, C}, {Status.RECEIVED, Status.CLASSIFIED}),
    "accept": ({H, P}, {Status.CLASSIFIED}),
    "mark_complex": ({H, P}, {Status.ACCEPTED, Status.SUSPENDED}),
    "extend": ({H, P}, {Status.ACCEPTED}),
    "suspend": ({H, P}, {Status.ACCEPTED}),
    "resume": ({H, P}, {Status.SUSPENDED}),
    # An anonymous denunciation filed as not eligible may still be checked under the agency's own
    # powers (Luật Tố cáo 2018 Art. 25(2)): its verification is recorded.
    "record_verification": ({H, P}, {Status.ACCEPTED, Status.SUSPENDED, Status.NOT_ELIGIBLE}),
    "answer": ({H, P}, {Status.ACCEPTED}),
    # The handler may ask the clerks to register the answer document instead of doing it in place.
    "request_document": ({H, P}, {Status.ACCEPTED}),
    "send_decision": ({H, P}, {Status.RESOLVED}),
    "close": ({H, C, P}, FINISHED),
    "reveal": ({H, C, P}, set(Status)),
}


def _roles(user, petition):
    return access.roles_in(user, petition.organization)


def can_view(user, petition):
    roles = _roles(user, petition)
    if roles & {H, C}:
        return True
    return P in roles and petition.handler_id is not None and petition.handler_id == user.pk


def may(user, action, petition):
    """May `user` do `action` on `petition` in its current state?"""
    roles_needed, states = ACTIONS[action]
    if petition.status not in states or not can_view(user, petition):
        return False
    if action == "send_decision" and (petition.kind != Kind.COMPLAINT or petition.decision_sent_on):
        return False
    if (
        action == "record_verification"
        and petition.status == Status.NOT_ELIGIBLE
        and not (petition.is_anonymous and petition.kind == Kind.DENUNCIATION)
    ):
        return False
    roles = _roles(user, petition)
    if action == "reveal" and (petition.identity_protected or petition.kind == Kind.DENUNCIATION):
        # Luật Tố cáo 2018 Art. 47-48: only the people handling the case. The protection follows
        # the identity: a letter that was ever a denunciation stays protected once reclassified.
        roles_needed = {H, P}
    if roles & (roles_needed - {P}):
        return True
    return P in roles_needed and P in roles and petition.handler_id == user.pk


def actions_for(user, petition):
    return [name for name in ACTIONS if may(user, name, petition)]


def visible_q(user):
    """A Q over Petition for every case `user` may see: the whole subtree for heads and clerks,
    the assigned cases for handlers."""
    query = Q(pk__in=[])
    for a in access.assignments(user):
        path = a.organization.path
        if a.role in (H, C):
            query |= Q(organization__path__startswith=path)
        elif a.role == P:
            query |= Q(organization__path__startswith=path, handler=user)
    return query
