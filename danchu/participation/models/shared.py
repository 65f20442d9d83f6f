"""What the workflows share: the phase of a dated item, the attachments' upload path."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def attachment_path(instance, filename):
    return f"participation/{uuid.uuid4().hex}/{filename}"


class Phase(models.TextChoices):
    BEFORE = "before", _("Chưa bắt đầu")
    OPEN = "open", _("Đang diễn ra")
    CLOSED = "closed", _("Đã kết thúc")


def phase_for(opens, closes, today=None):
    today = today or timezone.localdate()
    if today < opens:
        return Phase.BEFORE
    if today > closes:
        return Phase.CLOSED
    return Phase.OPEN
