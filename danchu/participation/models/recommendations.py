"""Staff recommendations and supervision: addressed to the head or the inspection board."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Addressee(models.TextChoices):
    HEAD = "head", _("Thủ trưởng cơ quan")
    BOARD = "board", _("Ban Thanh tra nhân dân")


class RecommendationQuerySet(models.QuerySet):
    def from_board(self):
        return self.filter(from_board=True)


class Recommendation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    addressee = models.CharField(_("gửi đến"), max_length=8, choices=Addressee.choices)
    from_board = models.BooleanField(_("kiến nghị của Ban Thanh tra nhân dân"), default=False)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung kiến nghị, phản ánh"))
    # Null when sent anonymously: the sender follows the answer with the tracking code.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tracking_code = models.CharField(max_length=16, unique=True, editable=False)
    received_on = models.DateField(_("ngày nhận"))
    due_on = models.DateField(_("hạn trả lời"), null=True, blank=True)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("kiến nghị, phản ánh của cán bộ")
        verbose_name_plural = _("kiến nghị, phản ánh của cán bộ")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def is_anonymous(self):
        return self.author_id is None

    def overdue(self, today=None):
        today = today or timezone.localdate()
        if self.due_on is None:
            return False
        if self.answered_on:
            return self.answered_on > self.due_on
        return today > self.due_on
