"""The registry of kinds of notification. An app declares each kind it sends in its own
`notifications.py`:

    from danchu.notifications.kinds import Channel, Kind, register

    OVERDUE = register(Kind(
        "petitions.overdue", _("Quá hạn"), "Đơn %(ref)s quá hạn từ %(due)s: %(subject)s",
        channels={Channel.IN_APP, Channel.EMAIL},
    ))

The code is stored on each notification (keep it stable); the label is shown on the list. The
template is Vietnamese, not inside gettext: a notification is stored text for another person
(docs/architecture.md rule 7). `subject` is the e-mail's subject (default: "[danchu] " and the
start of the message); `tone` the badge shown beside it (warn, bad, ok, or "")."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_APP = "in_app", _("Trong danchu")
    EMAIL = "email", _("Thư điện tử")


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    template: str
    channels: frozenset = field(default=frozenset({Channel.IN_APP, Channel.EMAIL}))
    subject: str = ""
    tone: str = ""

    def __post_init__(self):
        object.__setattr__(self, "channels", frozenset(self.channels))

    def render(self, params):
        return self.template % params

    def email_subject(self, params, message):
        text = self.subject % params if self.subject else f"[danchu] {message[:150]}"
        return text.replace("\n", " ")[:200]


REGISTRY = {}


def register(kind):
    if REGISTRY.get(kind.code, kind) != kind:
        raise ValueError(f"notification kind {kind.code!r} declared twice")
    REGISTRY[kind.code] = kind
    return kind


def get(code):
    try:
        return REGISTRY[code]
    except KeyError:
        raise LookupError(
            f"unknown notification kind {code!r}: declare it in the app's notifications.py"
        ) from None


def label(code):
    kind = REGISTRY.get(code)
    return kind.label if kind else code


def choices():
    return sorted(((k.code, k.label) for k in REGISTRY.values()), key=lambda c: str(c[1]))
