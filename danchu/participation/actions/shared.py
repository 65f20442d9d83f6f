"""People, boards and references shared by the workflows."""

import datetime

from django.utils import timezone

from danchu.core import numbering
from danchu.orgs.models import Membership, Person

from ..models import (
    BoardMember,
    Disclosure,
)

# --- helpers ---------------------------------------------------------------------------------


def person_for(user):
    """The person behind a user account, or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).first()


def staff_person_ids(org, day):
    """The people working anywhere in `org`'s subtree on `day` (each once)."""
    return set(Membership.objects.staff_of(org, day).values_list("person_id", flat=True).distinct())


def conference_electorate(org, day):
    """All the staff of `org`'s conference on `day` (whether summoned or not): its subtree, except
    units below it that must hold their own conference (a public service centre holds its own)."""
    from danchu.orgs.models import Organization

    own = (
        Organization.objects.subtree(org)
        .exclude(pk=org.pk)
        .filter(kind="centre", staff_required_conference=True)
        .values_list("path", flat=True)
    )
    memberships = Membership.objects.staff_of(org, day)
    for path in own:
        memberships = memberships.exclude(organization__path__startswith=path)
    return set(memberships.values_list("person_id", flat=True).distinct())


def is_staff_of(person, org, day):
    return person is not None and Membership.objects.staff_of(org, day).filter(person=person).exists()


def current_board(org, day=None):
    day = day or timezone.localdate()
    return BoardMember.objects.filter(organization=org, term_start__lte=day, term_end__gte=day)


def is_board_member(person, org, day=None):
    return person is not None and current_board(org, day).filter(person=person).exists()


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(day)


def _next_reference(org, year):
    prefix = f"CK-{year}-"
    taken = Disclosure.objects.filter(organization=org, reference__startswith=prefix).count()
    return f"{prefix}{numbering.allocate(org, numbering.DISCLOSURE, year, at_least=taken):03d}"
