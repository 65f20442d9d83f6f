"""What was read from an uploaded report and what was then typed: the provenance of its figures."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    NARRATIVE = "narrative", _("đọc từ văn bản, đã xác nhận")
    CORRECTED = "corrected", _("đọc từ văn bản, đã sửa")
    TYPED = "typed", _("nhập tay")


def reading_file_path(instance, filename):
    return f"ingest/{uuid.uuid4().hex}/{filename}"


class Reading(models.Model):
    """One uploaded report read by danchu for a request: its text, the figures read (with their
    sentences and spans), the citations and warnings; once submitted, the values typed and, per
    indicator, where each came from."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(
        "consolidation.ReportRequest", on_delete=models.PROTECT, related_name="readings"
    )
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("tệp báo cáo"), upload_to=reading_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    text = models.TextField(_("văn bản đọc được"))
    figures = models.JSONField(_("số liệu đọc được"), default=list)
    refs = models.JSONField(_("trích dẫn văn bản"), default=list)
    warnings = models.JSONField(_("cảnh báo"), default=list)
    read_values = models.JSONField(_("số liệu đọc được theo chỉ tiêu"), default=dict)
    entered_values = models.JSONField(_("số liệu đã nhập"), null=True, blank=True)
    sources = models.JSONField(_("nguồn của từng số liệu"), default=dict)
    submission = models.OneToOneField(
        "consolidation.Submission", null=True, blank=True, on_delete=models.PROTECT, related_name="reading"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("bản đọc báo cáo tải lên")
        verbose_name_plural = _("bản đọc báo cáo tải lên")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.organization})"
