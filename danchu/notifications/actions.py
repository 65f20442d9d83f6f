"""The one way to notify someone, and to mark notifications read.

`notify` writes one notification per recipient inside the caller's transaction; the e-mail goes
out through a task enqueued with `transaction.on_commit`, so a transaction that rolls back sends
nothing and an SMTP server that is slow or down never holds a lock nor breaks the action.

Notifying is a side effect of an action that writes its own audit row (a reminder, a returned
report); reading one's own notifications changes no record, so neither writes to the trail."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from danchu.core import transactions

from . import kinds
from .models import EmailState, Notification


def _recipient(item):
    """A user (e-mail to their address), or a (user or None, address) pair."""
    if isinstance(item, tuple):
        user, address = item
    else:
        user, address = item, getattr(item, "email", "")
    return user, (address or "").strip()


def notify(
    kind,
    recipients,
    *,
    params=None,
    target=None,
    organization=None,
    actor=None,
    due=None,
    url="",
    once_key="",
):
    """Notify each of `recipients` of `kind` (a registered code or Kind) with `params` for its
    template. `once_key`: a notice already raised for a user with this key is not raised again.
    Returns the notifications created."""
    kind = kinds.get(kind) if isinstance(kind, str) else kinds.get(kind.code)
    params = dict(params or {})
    message = kind.render(params)[:500]
    target_type = ContentType.objects.get_for_model(target) if target is not None else None
    email = kinds.Channel.EMAIL in kind.channels
    created, addressed = [], set()
    with transaction.atomic():
        for item in recipients:
            user, address = _recipient(item)
            if user is None and (not email or not address or address in addressed):
                continue
            pending = email and address and address not in addressed
            note = Notification(
                user=user,
                address=address if pending else "",
                kind=kind.code,
                message=message,
                params=params,
                url=url[:300],
                target_type=target_type,
                target_id=target.pk if target is not None else None,
                organization=organization,
                actor=actor,
                due=due,
                once_key=once_key[:200],
                email_state=EmailState.PENDING if pending else EmailState.NONE,
            )
            try:
                with transaction.atomic():
                    note.save()
            except IntegrityError:
                if once_key:
                    continue  # already raised for this user and key
                raise
            if pending:
                addressed.add(address)
                transaction.on_commit(lambda pk=note.pk: _enqueue_email(pk))
            created.append(note)
    return created


def _enqueue_email(pk):
    from .tasks import send_notification_email

    send_notification_email.enqueue(pk)


@transactions.action()
def mark_read(user, *, notifications=None, target=None, kind_prefix=""):
    """Mark the user's unread notifications read: the given ones (ids or a queryset), those
    about `target`, or those of one app's kinds; all of them when nothing narrows. Only the
    user's own: someone else's notification is never touched. Returns how many."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    qs = Notification.objects.for_user(user).unread()
    if notifications is not None:
        qs = qs.filter(
            pk__in=notifications if not hasattr(notifications, "values") else notifications.values("pk")
        )
    if target is not None:
        qs = qs.about(target)
    if kind_prefix:
        qs = qs.of_kinds(kind_prefix)
    return qs.update(read_at=timezone.now())
