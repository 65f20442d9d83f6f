"""Legal data kept as records so that an administrator can correct it without a release:
calendar overrides (days off and make-up working days announced after a release), the
deadline rules of petitions (LEGAL.md §5) and the requirement catalogs (LEGAL.md §2–3)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .frameworks import Framework


class OverrideKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ")
    WORKING_DAY = "working_day", _("Ngày làm việc bù")


class CalendarOverride(models.Model):
    """A day the government announced as off, or a weekend day made a working day."""

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=OverrideKind.choices)
    name = models.CharField(_("tên gọi"), max_length=200)
    basis = models.CharField(
        _("căn cứ"),
        max_length=300,
        blank=True,
        help_text=_("Số, ký hiệu văn bản công bố, ví dụ: Công văn số 12729/VPCP-KGVX."),
    )
    basis_date = models.DateField(_("ngày của văn bản căn cứ"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù bổ sung")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù bổ sung")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}: {self.name}"


class CalendarYear(models.Model):
    """A year whose days off and swaps the government has announced (confirmed by an admin).

    A year without a confirmed record is provisional: the `holidays` package computes Tết and
    bridge days by rule, but the government announces each year's days off separately, so a
    deadline falling in that year may still move.
    """

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    confirmed = models.BooleanField(_("đã xác nhận"), default=True)
    basis = models.CharField(
        _("căn cứ"),
        max_length=300,
        help_text=_("Văn bản công bố lịch nghỉ lễ, Tết của năm, ví dụ: Thông báo số …/TB-BNV."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("thời điểm xác nhận"), auto_now_add=True)

    class Meta:
        verbose_name = _("năm đã xác nhận lịch nghỉ")
        verbose_name_plural = _("năm đã xác nhận lịch nghỉ")
        ordering = ["year"]

    def __str__(self):
        return f"{self.year}: {self.basis}"


class PetitionKind(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    LETTER = "letter", _("Đơn thư (xử lý chung)")
    FEEDBACK = "feedback", _("Phản ánh, kiến nghị")


class DeadlineStep(models.TextChoices):
    ACCEPT = "accept", _("Thụ lý")
    PROCESS = "process", _("Tiếp nhận, phân loại, xử lý đơn")
    TRANSFER = "transfer", _("Chuyển đơn khi không thuộc thẩm quyền")
    RESOLVE = "resolve", _("Giải quyết")
    EXTENSION_1 = "extension_1", _("Gia hạn lần 1")
    EXTENSION_2 = "extension_2", _("Gia hạn lần 2")
    SEND_DECISION = "send_decision", _("Gửi quyết định giải quyết")


class DeadlineVariant(models.TextChoices):
    NORMAL = "normal", _("Thông thường")
    COMPLEX = "complex", _("Phức tạp")
    ESPECIALLY_COMPLEX = "especially_complex", _("Đặc biệt phức tạp")
    SEVERAL_PLACES = "several_places", _("Xác minh ở nhiều nơi")
    REMOTE = "remote", _("Vùng sâu, vùng xa, đi lại khó khăn")
    REMOTE_COMPLEX = "remote_complex", _("Vùng sâu, vùng xa — phức tạp")
    SECOND = "second", _("Lần hai")
    SECOND_COMPLEX = "second_complex", _("Lần hai — phức tạp")
    SECOND_REMOTE = "second_remote", _("Lần hai — vùng sâu, vùng xa")
    SECOND_REMOTE_COMPLEX = "second_remote_complex", _("Lần hai — vùng sâu, vùng xa, phức tạp")


class DayKind(models.TextChoices):
    WORKING = "working", _("ngày làm việc")
    CALENDAR = "calendar", _("ngày")


class CountedFrom(models.TextChoices):
    RECEIVED = "received", _("Ngày nhận đơn")
    ACCEPTED = "accepted", _("Ngày thụ lý")
    DECISION = "decision", _("Ngày ban hành quyết định")


class DeadlineRule(models.Model):
    """One time limit of LEGAL.md §5, chosen by the date the letter was received."""

    kind = models.CharField(_("loại đơn"), max_length=16, choices=PetitionKind.choices)
    step = models.CharField(_("bước"), max_length=16, choices=DeadlineStep.choices)
    variant = models.CharField(
        _("trường hợp"), max_length=24, choices=DeadlineVariant.choices, default=DeadlineVariant.NORMAL
    )
    days = models.PositiveSmallIntegerField(_("số ngày"))
    day_kind = models.CharField(_("cách tính"), max_length=8, choices=DayKind.choices)
    counted_from = models.CharField(_("tính từ"), max_length=10, choices=CountedFrom.choices)
    basis = models.CharField(_("căn cứ"), max_length=300)
    applies_from = models.DateField(_("áp dụng cho đơn nhận từ ngày"))
    applies_to = models.DateField(_("đến ngày"), null=True, blank=True)
    needs_check = models.BooleanField(
        _("chưa xác nhận căn cứ"),
        default=False,
        help_text=_("Chưa đối chiếu được nguyên văn; quản trị cần xác nhận (trang Rà soát căn cứ pháp lý)."),
    )
    source = models.CharField(
        _("nguồn đối chiếu"),
        max_length=300,
        blank=True,
        help_text=_("Nơi đã đối chiếu nguyên văn (pháp điển, Công báo, cổng thông tin chính thức)."),
    )
    public_note = models.CharField(
        _("ghi chú cho người xử lý"),
        max_length=300,
        blank=True,
        help_text=_("Hiển thị cạnh căn cứ khi căn cứ chưa xác nhận, ví dụ vì sao áp dụng thời hạn ngắn hơn."),
    )
    review_note = models.TextField(
        _("ghi chú rà soát"),
        blank=True,
        help_text=_("Điều chưa xác nhận được và các nguồn đã tra cứu (chỉ quản trị xem)."),
    )

    class Meta:
        verbose_name = _("thời hạn xử lý đơn")
        verbose_name_plural = _("thời hạn xử lý đơn")
        ordering = ["kind", "step", "variant", "applies_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "step", "variant", "applies_from"], name="unique_deadline_rule"
            ),
            models.CheckConstraint(
                condition=models.Q(applies_to__isnull=True)
                | models.Q(applies_to__gte=models.F("applies_from")),
                name="deadline_rule_period_ordered",
            ),
        ]

    def __str__(self):
        return (
            f"{self.get_kind_display()} — {self.get_step_display()} ({self.get_variant_display()}): "
            f"{self.days:02d} {self.get_day_kind_display()}"
        )

    def applies_on(self, day):
        return self.applies_from <= day and (self.applies_to is None or day <= self.applies_to)


class RequirementArea(models.TextChoices):
    DISCLOSURE = "disclosure", _("Công khai")
    CONSULTATION = "consultation", _("Tham gia ý kiến")
    DECISION = "decision", _("Quyết định")
    SUPERVISION = "supervision", _("Kiểm tra, giám sát")


class RequirementQuerySet(models.QuerySet):
    def of(self, framework, area):
        return self.filter(framework=framework, area=area).order_by("order")


class Requirement(models.Model):
    """One item of what staff must be told, consulted on, decide or supervise, per framework."""

    framework = models.CharField(_("khung pháp lý"), max_length=16, choices=Framework.choices)
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=RequirementArea.choices)
    code = models.CharField(_("mã"), max_length=16)
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nội dung"), max_length=500)
    basis = models.CharField(_("căn cứ"), max_length=200)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("nội dung tương ứng theo quy định mới"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )

    objects = RequirementQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung thực hiện dân chủ")
        verbose_name_plural = _("nội dung thực hiện dân chủ")
        ordering = ["framework", "area", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "area", "code"], name="unique_requirement_code"),
            models.UniqueConstraint(fields=["framework", "area", "order"], name="unique_requirement_order"),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"
