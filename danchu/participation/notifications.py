"""The participation's kinds of notification (danchu/notifications/kinds.py)."""

from django.utils.translation import gettext_lazy as _

from danchu.notifications.kinds import Kind, register

DISCLOSURE_UNREAD = register(
    Kind(
        "participation.disclosure_unread",
        _("Nhắc đọc nội dung công khai"),
        "%(org)s đã công khai nội dung “%(title)s” ngày %(day)s. Vui lòng đăng nhập danchu để đọc và xác nhận.",
        subject="[danchu] Nhắc đọc nội dung công khai: %(title)s",
        tone="warn",
    )
)
