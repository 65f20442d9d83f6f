"""Reminders for due-soon (≤ 3 working days) and overdue cases: one in-app notification per
case, deadline and kind (the notification's `once_key` makes re-runs harmless), and an e-mail to
the handler where they have an address, sent once the notification is committed. Messages name the case by reference and subject only,
never the sender."""

from django.urls import reverse
from django.utils import timezone

from danchu.core import transactions
from danchu.legal import calendar as workcal
from danchu.notifications.actions import notify
from danchu.orgs.models import Role, RoleAssignment

from .models import Petition
from .notifications import DUE_SOON, OVERDUE


def _recipients(petition, clerks_by_org):
    if petition.handler_id:
        return [petition.handler]
    return clerks_by_org.get(petition.organization_id, [])


def raise_reminders(today=None):
    """Create the notifications due today; return (created, e-mails queued). Each e-mail goes
    out on commit (danchu/notifications)."""
    today = today or timezone.localdate()
    soon = workcal.add_working_days(today, 3)
    cases = list(
        Petition.objects.tracked()
        .exclude(next_due__isnull=True)
        .filter(next_due__lte=soon)
        .select_related("handler", "organization")
    )
    clerks_by_org = {}
    for a in RoleAssignment.objects.filter(
        role=Role.CLERK, organization__in={p.organization_id for p in cases if not p.handler_id}
    ).select_related("user"):
        clerks_by_org.setdefault(a.organization_id, []).append(a.user)
    created = queued = 0
    for p in cases:
        kind = OVERDUE if p.next_due < today else DUE_SOON
        due = p.next_due.strftime("%d/%m/%Y")
        with transactions.action():  # each case's notices commit, and their e-mails leave, alone
            notes = notify(
                kind,
                _recipients(p, clerks_by_org),
                params={"ref": p.reference, "due": due, "subject": p.subject},
                target=p,
                organization=p.organization,
                due=p.next_due,
                url=reverse("petitions:detail", args=[p.uuid]),
                # once per case, deadline and kind: a re-run raises nothing new
                once_key=f"petitions:{p.pk}:{kind.code}:{p.next_due.isoformat()}",
            )
        created += len(notes)
        queued += sum(1 for n in notes if n.address)
    return created, queued
