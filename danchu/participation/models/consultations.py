"""Consultations: a draft put to the staff for comments, by section."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .shared import phase_for


class Consultation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("dự thảo lấy ý kiến"), max_length=255)
    topic = models.ForeignKey(
        "legal.Requirement",
        verbose_name=_("nội dung lấy ý kiến theo quy định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.TextField(_("nội dung, cách thức lấy ý kiến"), blank=True)
    opens_on = models.DateField(_("bắt đầu nhận ý kiến"))
    closes_on = models.DateField(_("hạn cuối nhận ý kiến"))
    summary = models.TextField(_("tổng hợp ý kiến"), blank=True)
    uptake = models.TextField(_("việc tiếp thu, giải trình"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lấy ý kiến")
        verbose_name_plural = _("lấy ý kiến")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="consultation_closes_after_opens"
            )
        ]

    def __str__(self):
        return self.title

    def phase(self, today=None):
        return phase_for(self.opens_on, self.closes_on, today)


class ConsultationSection(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    title = models.CharField(_("tên phần, điều"), max_length=255)
    text = models.TextField(_("nội dung"), blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(
        ConsultationSection,
        verbose_name=_("góp ý cho phần"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.person}: {self.body[:40]}"
