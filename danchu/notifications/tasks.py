"""The e-mail channel: one task per notification, enqueued on commit by actions.notify."""

from django.tasks import task
from django.utils import timezone

from danchu.core.mail import send_email

from . import kinds
from .models import EmailState, Notification


@task
def send_notification_email(notification_id):
    """Send the notification's e-mail once (a re-run of the task sends nothing more); a mail
    server that is down marks it failed and is logged, never raised (core/mail.py)."""
    # Claim the row first (one UPDATE, atomic), so two workers never send it twice and no lock
    # is held while the mail server answers.
    claimed = Notification.objects.filter(pk=notification_id, email_state=EmailState.PENDING).update(
        email_state=EmailState.SENDING
    )
    if not claimed:
        return False
    note = Notification.objects.get(pk=notification_id)
    kind = kinds.REGISTRY.get(note.kind)
    subject = kind.email_subject(note.params, note.message) if kind else f"[danchu] {note.message[:150]}"
    ok = send_email(subject, note.message, note.address)
    Notification.objects.filter(pk=note.pk).update(
        email_state=EmailState.SENT if ok else EmailState.FAILED, emailed_at=timezone.now() if ok else None
    )
    return ok
