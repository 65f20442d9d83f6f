"""Disclosures: what staff must be told, by which channels, to whom, and who has read it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danchu.legal.frameworks import Framework

from .shared import attachment_path


class Channel(models.TextChoices):
    NOTICE_BOARD = "notice_board", _("Niêm yết tại trụ sở")
    INTRANET = "intranet", _("Hệ thống thông tin nội bộ, văn phòng điện tử")
    CONFERENCE = "conference", _("Hội nghị cán bộ, công chức, viên chức")
    WRITTEN = "written", _("Văn bản gửi đến từng người")
    SUB_UNIT_HEADS = "sub_unit_heads", _("Thông qua người đứng đầu đơn vị trực thuộc")
    PARTY_UNION = "party_union", _("Thông qua chi bộ, công đoàn")
    WEBSITE = "website", _("Trang thông tin điện tử")


# Channels that put an item "on display", so that the minimum posting period applies.
POSTING_CHANNELS = {Channel.NOTICE_BOARD, Channel.INTRANET, Channel.WEBSITE}
# The agency's internal website or electronic system (Luật Thực hiện dân chủ ở cơ sở 2022, Art. 48(1)).
ONLINE_CHANNELS = {Channel.INTRANET, Channel.WEBSITE}


class DisclosureKind(models.TextChoices):
    DISCLOSURE = "disclosure", _("Công khai")
    DISSEMINATION = "dissemination", _("Quán triệt, phổ biến văn bản")
    POSTING = "posting", _("Niêm yết nội dung")


class DisclosureStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã công khai")
    WITHDRAWN = "withdrawn", _("Đã gỡ")


class DisclosureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=DisclosureStatus.PUBLISHED)

    def between(self, start, end):
        return self.filter(published_on__gte=start, published_on__lte=end)

    def in_subtree(self, org):
        return self.filter(organization__path__startswith=org.path)


class Disclosure(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("số hiệu"), max_length=32, editable=False, db_index=True)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("hình thức"), max_length=16, choices=DisclosureKind.choices, default=DisclosureKind.DISCLOSURE
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    content = models.TextField(_("nội dung"), blank=True)
    framework = models.CharField(_("khung pháp lý"), max_length=16, choices=Framework.choices, editable=False)
    requirement = models.ForeignKey(
        "legal.Requirement",
        verbose_name=_("nội dung phải công khai"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField(_("ngày ban hành quyết định, văn bản được công khai"))
    special_case = models.BooleanField(
        _("trường hợp đặc biệt"),
        default=False,
        help_text=_("Nghị định 04/2015: được công khai trong 05 ngày làm việc thay vì 03."),
    )
    published_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    due_on = models.DateField(_("hạn công khai"), null=True, blank=True, editable=False)
    posted_from = models.DateField(_("niêm yết từ ngày"), null=True, blank=True)
    posted_to = models.DateField(_("niêm yết đến ngày"), null=True, blank=True)
    item_count = models.PositiveIntegerField(
        _("số nội dung niêm yết"),
        null=True,
        blank=True,
        help_text=_("Ví dụ: 82 biểu hiện suy thoái; 19 điều đảng viên không được làm."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=DisclosureStatus.choices, default=DisclosureStatus.DRAFT
    )
    audience_size = models.PositiveIntegerField(_("số người được công khai"), default=0, editable=False)
    # Whether the agency had an internal website or electronic system when this was published
    # (Art. 48: it decides the posting the Law requires); empty for items published before it
    # was recorded, which are judged by the agency's present setting.
    internal_site = models.BooleanField(
        _("cơ quan có trang, hệ thống thông tin nội bộ khi công khai"), null=True, editable=False
    )
    consultation = models.OneToOneField(
        "Consultation",
        verbose_name=_("tổng hợp ý kiến của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="summary_disclosure",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung công khai")
        verbose_name_plural = _("nội dung công khai")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(posted_to__isnull=True)
                | Q(posted_from__isnull=True)
                | Q(posted_to__gte=models.F("posted_from")),
                name="disclosure_posted_to_after_from",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_on__isnull=False),
                name="disclosure_published_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "published_on"], name="disclosure_org_date_idx"),
            # The list's order (unpublished drafts first, then newest): its first page comes
            # from this index instead of a sort of every disclosure. The organisation is its last
            # column (after the unique id, so it changes no order) so the page's ids are read from
            # the index alone, the other agencies' newer disclosures skipped there rather than
            # fetched from the table one by one (docs/benchmarks.md, fourth round).
            models.Index(fields=["-published_on", "-id", "organization"], name="disclosure_list_order_idx"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def channel_list(self):
        return [c.channel for c in self.channels.all()]

    def channel_labels(self):
        return [str(Channel(c).label) for c in self.channel_list]

    def timing(self, today=None):
        from ..rules import disclosure_timing

        return disclosure_timing(self, today=today)


class DisclosureChannel(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(_("hình thức công khai"), max_length=16, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["disclosure", "channel"], name="disclosure_channel_unique")
        ]

    def __str__(self):
        return self.get_channel_display()


class DisclosureAttachment(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=128)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.original_name


class DisclosureRecipient(models.Model):
    """One person of the audience, fixed at publication, and whether they acknowledged reading."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(_("số lần nhắc"), default=0)
    last_reminded_at = models.DateTimeField(_("nhắc lần cuối"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["disclosure", "person"], name="disclosure_recipient_unique")
        ]

    def __str__(self):
        return f"{self.person} — {self.disclosure.reference}"
