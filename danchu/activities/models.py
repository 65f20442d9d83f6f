"""Communication campaigns, funds and contributions, administrative procedures and online public
services, duty at the public service centre, staffing quotas, and the activity log."""

import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EndNotBeforeStart:
    """A record that runs from `start` to an optional `end`."""

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc không được trước ngày bắt đầu.")})


class Channel(models.TextChoices):
    PROVINCIAL_PORTAL = "provincial_portal", _("Cổng thông tin điện tử tỉnh")
    AGENCY_WEBSITE = "agency_website", _("Trang thông tin điện tử của cơ quan")
    PRESS = "press", _("Báo chí")
    RADIO = "radio", _("Đài Phát thanh và Truyền hình")
    SOCIAL_MEDIA = "social_media", _("Mạng xã hội")
    OTHER = "other", _("Khác")


class Campaign(EndNotBeforeStart, models.Model):
    """Communication on one topic through one channel over a period, with what was published."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(
        _("chủ đề"), max_length=255, help_text=_("Ví dụ: Đại hội Đảng bộ tỉnh; phòng, chống dịch Covid-19.")
    )
    channel = models.CharField(_("kênh"), max_length=24, choices=Channel.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    articles = models.PositiveIntegerField(_("số tin, bài"), default=0)
    documents = models.PositiveIntegerField(_("số văn bản đăng tải"), default=0)
    banners = models.PositiveIntegerField(_("số băng rôn, pano"), default=0)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("đợt tuyên truyền")
        verbose_name_plural = _("tuyên truyền")
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="campaign_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.topic} — {self.get_channel_display()}"


class Fund(models.Model):
    """A named fund that staff contribute to (quỹ an sinh xã hội, mái ấm công đoàn…)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan, đơn vị vận động"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("tên quỹ"), max_length=255)
    purpose = models.TextField(_("mục đích"), blank=True)

    class Meta:
        verbose_name = _("quỹ")
        verbose_name_plural = _("quỹ")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="fund_unique_name_per_org")
        ]

    def __str__(self):
        return self.name


class Contribution(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    fund = models.ForeignKey(
        Fund, verbose_name=_("quỹ"), on_delete=models.CASCADE, related_name="contributions"
    )
    date = models.DateField(_("ngày"))
    amount_vnd = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    contributor = models.CharField(
        _("người, đơn vị đóng góp"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Văn phòng Sở; toàn thể CBCCVC."),
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("khoản đóng góp")
        verbose_name_plural = _("khoản đóng góp")
        ordering = ["-date", "-pk"]

    def __str__(self):
        from danchu.core.vnformat import money

        return f"{self.fund_id and self.fund.name}: {money(self.amount_vnd, 'đ')}"

    @property
    def organization(self):
        return self.fund.organization

    def clean(self):
        if self.amount_vnd is not None and self.amount_vnd <= 0:
            raise ValidationError({"amount_vnd": _("Số tiền phải lớn hơn 0.")})


class OnlineLevel(models.TextChoices):
    """Level of the online public service: 1–4 until 2022 (Nghị định 43/2011), then full or partial
    (Nghị định 42/2022)."""

    NONE = "none", _("Không cung cấp trực tuyến")
    LEVEL_2 = "2", _("Mức độ 2")
    LEVEL_3 = "3", _("Mức độ 3")
    LEVEL_4 = "4", _("Mức độ 4")
    PARTIAL = "partial", _("Một phần")
    FULL = "full", _("Toàn trình")


LEVELS_3_4 = (OnlineLevel.LEVEL_3, OnlineLevel.LEVEL_4, OnlineLevel.PARTIAL, OnlineLevel.FULL)
LEVELS_4 = (OnlineLevel.LEVEL_4, OnlineLevel.FULL)


class ProcedureQuerySet(models.QuerySet):
    def valid_between(self, start, end):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=start)
        )


class AdministrativeProcedure(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan giải quyết"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(
        _("mã thủ tục"), max_length=32, help_text=_("Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.004435.")
    )
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.CharField(_("lĩnh vực"), max_length=128)
    on_portal = models.BooleanField(_("công khai trên Cổng thông tin điện tử tỉnh"), default=False)
    on_website = models.BooleanField(_("công khai trên Trang thông tin điện tử của cơ quan"), default=False)
    on_notice_board = models.BooleanField(_("niêm yết tại trụ sở"), default=False)
    at_service_centre = models.BooleanField(
        _("niêm yết tại Trung tâm Phục vụ hành chính công"), default=False
    )
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=8,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    announced_by = models.ForeignKey(
        "documents.Document",
        verbose_name=_("quyết định công bố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["field", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code", "valid_from"], name="procedure_unique_code_per_org"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="procedure_valid_to_after_from",
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.name}"

    @property
    def is_posted(self):
        return self.on_portal or self.on_website or self.on_notice_board or self.at_service_centre

    def clean(self):
        errors = {}
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Ngày hết áp dụng không được trước ngày bắt đầu áp dụng.")
        # The level names changed on 1/8/2022 (Nghị định 42/2022): 3/4 before, partial/full after.
        if self.valid_from and self.online_level in (OnlineLevel.PARTIAL, OnlineLevel.FULL):
            if self.valid_to and self.valid_to.year < 2022:
                errors["online_level"] = _("Trước năm 2022 dịch vụ công trực tuyến ghi theo mức độ 2, 3, 4.")
        if errors:
            raise ValidationError(errors)


class ServiceCentreDuty(EndNotBeforeStart, models.Model):
    """An official sent to work at the provincial public service centre (Trung tâm Phục vụ hành chính công)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan cử"), on_delete=models.PROTECT, related_name="+"
    )
    official_name = models.CharField(_("họ và tên công chức"), max_length=128)
    position = models.CharField(_("chức vụ"), max_length=128, blank=True)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("công chức làm việc tại Trung tâm Phục vụ hành chính công")
        verbose_name_plural = _("cử công chức làm việc tại Trung tâm Phục vụ hành chính công")
        ordering = ["-start", "official_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="duty_end_after_start"
            )
        ]

    def __str__(self):
        return self.official_name


class StaffingQuota(models.Model):
    """The staffing quota of one organisation for one year.

    Quotas are those assigned for the year; reductions are the positions cut from the previous
    quota, so the reduction percentage is reductions / (quotas + reductions).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    civil_servant_quota = models.PositiveIntegerField(_("biên chế công chức được giao"))
    public_employee_quota = models.PositiveIntegerField(_("số lượng người làm việc (viên chức) được giao"))
    civil_servant_headcount = models.PositiveIntegerField(_("công chức hiện có"), null=True, blank=True)
    public_employee_headcount = models.PositiveIntegerField(_("viên chức hiện có"), null=True, blank=True)
    civil_servant_reduction = models.PositiveIntegerField(_("biên chế công chức tinh giản"), default=0)
    public_employee_reduction = models.PositiveIntegerField(_("viên chức tinh giản"), default=0)
    decisions = models.ManyToManyField(
        "documents.Document", verbose_name=_("văn bản sắp xếp, tinh giản"), blank=True, related_name="+"
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("biên chế, tinh giản")
        verbose_name_plural = _("biên chế, tinh giản biên chế")
        ordering = ["-year", "organization__path"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="staffing_quota_unique_per_year")
        ]

    def __str__(self):
        return f"{self.organization_id and self.organization.short_name or ''} {self.year}".strip()

    @property
    def reduction_count(self):
        return (self.civil_servant_reduction or 0) + (self.public_employee_reduction or 0)

    @property
    def reduction_pct(self):
        return reduction_pct(
            self.civil_servant_quota or 0, self.public_employee_quota or 0, self.reduction_count
        )

    def clean(self):
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Năm không hợp lệ.")})


def reduction_pct(civil_servant_quota, public_employee_quota, reductions):
    """Reductions over the quota before them, as a percentage rounded to one decimal (12,5)."""
    base = civil_servant_quota + public_employee_quota + reductions
    if not base:
        return None
    return (Decimal(reductions) * 100 / Decimal(base)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class ActivityCategory(models.TextChoices):
    INFORMATION_SECURITY = "information_security", _("An toàn thông tin")
    PLANNING = "planning", _("Kế hoạch, chỉ đạo")
    EMULATION = "emulation", _("Thi đua, khen thưởng")
    TRAINING = "training", _("Tập huấn, bồi dưỡng")
    DIGITAL_TRANSFORMATION = "digital_transformation", _("Chuyển đổi số, chính quyền điện tử")
    ADMINISTRATIVE_REFORM = "administrative_reform", _("Cải cách hành chính")
    OTHER = "other", _("Khác")


class Activity(models.Model):
    """A dated line in the activity log (a response team set up, an incident plan issued…)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("ngày"))
    category = models.CharField(_("nhóm"), max_length=32, choices=ActivityCategory.choices)
    title = models.CharField(_("tiêu đề"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("nhật ký hoạt động")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.title
