"""Reminders for due-soon (≤ 3 working days) and overdue cases: one in-app notification per
case, deadline and kind (a unique constraint makes re-runs harmless), and an e-mail to the
handler where they have an address. Messages name the case by reference and subject only,
never the sender."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core.mail import send_email
from danchu.legal import calendar as workcal
from danchu.orgs.models import Role, RoleAssignment

from .models import Notification, NotificationKind, Petition


def _recipients(petition, clerks_by_org):
    if petition.handler_id:
        return [petition.handler]
    return clerks_by_org.get(petition.organization_id, [])


def raise_reminders(today=None):
    """Create the notifications due today; return (created, emailed)."""
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
    created = emailed = 0
    for p in cases:
        kind = NotificationKind.OVERDUE if p.next_due < today else NotificationKind.DUE_SOON
        if kind == NotificationKind.OVERDUE:
            message = _("Đơn %(ref)s quá hạn từ %(due)s: %(subject)s")
        else:
            message = _("Đơn %(ref)s sắp đến hạn %(due)s: %(subject)s")
        message = message % {"ref": p.reference, "due": p.next_due.strftime("%d/%m/%Y"), "subject": p.subject}
        for user in _recipients(p, clerks_by_org):
            try:
                with transaction.atomic():
                    note = Notification.objects.create(
                        user=user, petition=p, kind=kind, due=p.next_due, message=message[:400]
                    )
            except IntegrityError:
                continue  # already raised for this deadline
            created += 1
            if send_email(_("[danchu] %(m)s") % {"m": message[:150]}, message, user.email):
                Notification.objects.filter(pk=note.pk).update(emailed=True)
                emailed += 1
    return created, emailed
