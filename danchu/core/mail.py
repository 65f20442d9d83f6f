"""Outgoing e-mail. A reminder by e-mail is a courtesy: a mail server that is down never breaks
the action that sends it; the failure is logged and the caller learns nothing was sent."""

import logging

from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def send_email(subject, body, address):
    """Send one message to one address; True when the mail server accepted it."""
    if not address:
        return False
    try:
        send_mail(subject.replace("\n", " ")[:200], body, None, [address])
    except Exception:  # noqa: BLE001 — any transport failure; the action goes on
        logger.warning("could not send e-mail to %s", address, exc_info=True)
        return False
    return True
