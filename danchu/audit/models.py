"""The append-only audit trail: who did what to which record, when, old -> new values."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    RESTORE = "restore", _("Khôi phục")
    TRANSITION = "transition", _("Chuyển trạng thái")
    REVEAL = "reveal", _("Xem thông tin bảo mật")
    EXPORT = "export", _("Xuất dữ liệu")
    IMPORT = "import", _("Nhập dữ liệu")
    SUBMIT = "submit", _("Gửi")
    OTHER = "other", _("Khác")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=16, choices=AuditAction.choices)
    verb = models.CharField(_("mô tả"), max_length=255, blank=True)
    # A key of danchu.audit.verbs.VERBS and its placeholders' values: the verb shown in the
    # reader's language (`verb_text`); empty for free text, shown as `verb`.
    verb_code = models.CharField(_("mã hành động"), max_length=64, blank=True, db_index=True)
    verb_params = models.JSONField(_("tham số hành động"), default=dict, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=255)
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_idx"),
            # The newest event of an organisation, one index probe each: the version of the
            # cached list pages (danchu.core.listcache.subtree_state).
            models.Index(fields=["organization", "-id"], name="audit_org_latest_idx"),
        ]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit events are append-only")

    @property
    def verb_text(self):
        """The verb in the active language (from its code), else the stored text."""
        from .verbs import render

        return (render(self.verb_code, self.verb_params) if self.verb_code else "") or self.verb
