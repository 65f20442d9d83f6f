"""The consolidation's kinds of notification (danchu/notifications/kinds.py), sent to an
agency's clerks and head."""

from django.utils.translation import gettext_lazy as _

from danchu.notifications.kinds import Kind, register

REQUEST_ISSUED = register(
    Kind(
        "consolidation.request_issued",
        _("Yêu cầu báo cáo mới"),
        "Yêu cầu báo cáo mới: %(ref)s (%(title)s), hạn gửi %(deadline)s.",
    )
)
REMINDER = register(
    Kind(
        "consolidation.reminder",
        _("Nhắc gửi báo cáo"),
        "Nhắc gửi báo cáo theo %(ref)s, hạn %(deadline)s.",
        tone="warn",
    )
)
REMINDER_OVERDUE = register(
    Kind(
        "consolidation.reminder_overdue",
        _("Quá hạn gửi báo cáo"),
        "Đã quá hạn gửi báo cáo theo %(ref)s (hạn %(deadline)s): đề nghị gửi ngay.",
        tone="bad",
    )
)
RETURNED = register(
    Kind(
        "consolidation.returned",
        _("Báo cáo bị trả lại"),
        "Báo cáo theo %(ref)s bị trả lại: %(reason)s",
        tone="bad",
    )
)
