"""One notification: one notice to one person, about one record, of one registered kind."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import kinds


class EmailState(models.TextChoices):
    NONE = "", _("Không gửi thư")
    PENDING = "pending", _("Chờ gửi thư")
    SENDING = "sending", _("Đang gửi thư")
    SENT = "sent", _("Đã gửi thư")
    FAILED = "failed", _("Gửi thư không được")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user) if user is not None and user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)

    def of_kinds(self, prefix):
        """The kinds of one app: `of_kinds("petitions.")`."""
        return self.filter(kind__startswith=prefix)

    def about(self, obj):
        return self.filter(target_type=ContentType.objects.get_for_model(obj), target_id=obj.pk)


class Notification(models.Model):
    """Written by `actions.notify` only. The in-app channel is the row itself (listed to `user`);
    the e-mail channel is `email_state`, sent by a task once the creating transaction committed.
    `once_key` makes a notice idempotent (a reminder job run twice raises it once)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    address = models.EmailField(_("địa chỉ thư"), blank=True)
    kind = models.CharField(_("loại thông báo"), max_length=64)
    message = models.CharField(_("nội dung"), max_length=500)
    params = models.JSONField(_("tham số nội dung"), default=dict, blank=True)
    url = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("loại hồ sơ liên quan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_id = models.PositiveBigIntegerField(_("mã hồ sơ liên quan"), null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due = models.DateField(_("hạn"), null=True, blank=True)
    once_key = models.CharField(_("khóa chống gửi lặp"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    email_state = models.CharField(
        _("trạng thái thư điện tử"),
        max_length=8,
        choices=EmailState.choices,
        default=EmailState.NONE,
        blank=True,
    )
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "once_key"], condition=~Q(once_key=""), name="notification_once_per_key"
            )
        ]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_unread_idx"),
            models.Index(fields=["target_type", "target_id"], name="notification_target_idx"),
        ]

    def __str__(self):
        return self.message

    @property
    def kind_label(self):
        return kinds.label(self.kind)

    @property
    def tone(self):
        kind = kinds.REGISTRY.get(self.kind)
        return kind.tone if kind else ""

    @property
    def emailed(self):
        return self.email_state == EmailState.SENT
