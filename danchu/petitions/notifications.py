"""The petitions' kinds of notification (danchu/notifications/kinds.py). Messages name the case
by reference and subject only, never the sender."""

from django.utils.translation import gettext_lazy as _

from danchu.notifications.kinds import Channel, Kind, register

DUE_SOON = register(
    Kind("petitions.due_soon", _("Sắp đến hạn"), "Đơn %(ref)s sắp đến hạn %(due)s: %(subject)s", tone="warn")
)
OVERDUE = register(
    Kind("petitions.overdue", _("Quá hạn"), "Đơn %(ref)s quá hạn từ %(due)s: %(subject)s", tone="bad")
)
DOCUMENT_REQUEST = register(
    Kind(
        "petitions.document_request",
        _("Đề nghị vào sổ văn bản"),
        "Đề nghị vào sổ văn bản trả lời đơn %(ref)s%(note)s",
        channels={Channel.IN_APP},
    )
)
