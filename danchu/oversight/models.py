"""Inspections and checks (thanh tra, kiểm tra), their subjects, outcomes and recommendations;
party oversight (inspections and supervisions by the party committee, its inspection committee
and cells), party discipline cases and complaints about party members."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class InspectionKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Thanh tra hành chính")
    SPECIALISED = "specialised", _("Thanh tra, kiểm tra chuyên ngành")


class InspectionMode(models.TextChoices):
    LED = "led", _("Chủ trì")
    JOINT = "joint", _("Phối hợp")


class InspectionField(models.TextChoices):
    MOBILE_SUBSCRIBERS = "mobile_subscribers", _("Thuê bao di động")
    TELECOM = "telecom", _("Viễn thông, Internet")
    POSTAL = "postal", _("Bưu chính")
    PRINTING = "printing", _("In, xuất bản, phát hành")
    PRESS = "press", _("Báo chí")
    RADIO_FREQUENCIES = "radio_frequencies", _("Tần số vô tuyến điện")
    PUBLIC_GAMING = "public_gaming", _("Trò chơi điện tử công cộng")
    SOCIAL_NETWORKS = "social_networks", _("Mạng xã hội, thông tin trên mạng")
    ADVERTISING = "advertising", _("Quảng cáo")
    FINANCE_ASSETS = "finance_assets", _("Tài chính, tài sản")
    OTHER = "other", _("Khác")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Theo kế hoạch, chưa tiến hành")
    IN_PROGRESS = "in_progress", _("Đang tiến hành")
    CONCLUDED = "concluded", _("Đã kết luận")


class InspectionQuerySet(models.QuerySet):
    def of_subtree(self, org):
        return self.filter(organization__path__startswith=org.path)

    def started_between(self, start, end):
        return self.filter(start__gte=start, start__lte=end)


class Inspection(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan tiến hành"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    ref = models.CharField(
        _("số hiệu"),
        max_length=32,
        help_text=_("Số hiệu cuộc thanh tra, kiểm tra trong năm, ví dụ TTr-03/2020."),
    )
    kind = models.CharField(
        _("loại"), max_length=16, choices=InspectionKind.choices, default=InspectionKind.SPECIALISED
    )
    mode = models.CharField(
        _("hình thức"), max_length=8, choices=InspectionMode.choices, default=InspectionMode.LED
    )
    partner = models.CharField(
        _("cơ quan phối hợp / chủ trì"),
        max_length=255,
        blank=True,
        help_text=_("Bắt buộc khi phối hợp, ví dụ: Công an tỉnh."),
    )
    field = models.CharField(_("lĩnh vực"), max_length=32, choices=InspectionField.choices)
    subject_line = models.CharField(_("nội dung"), max_length=500)
    decision = models.ForeignKey(
        "documents.Document",
        verbose_name=_("quyết định thanh tra, kiểm tra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start = models.DateField(_("ngày bắt đầu"))
    end = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=InspectionStatus.choices, default=InspectionStatus.CONCLUDED
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuộc thanh tra, kiểm tra")
        verbose_name_plural = _("cuộc thanh tra, kiểm tra")
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "ref"], name="inspection_unique_ref_per_org"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="inspection_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.ref} — {self.subject_line}"

    def clean(self):
        errors = {}
        if self.mode == InspectionMode.JOINT and not self.partner.strip():
            errors["partner"] = _("Cuộc phối hợp phải ghi tên cơ quan phối hợp.")
        if self.end and self.start and self.end < self.start:
            errors["end"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
        if errors:
            raise ValidationError(errors)


class SubjectType(models.TextChoices):
    ORGANISATION = "organisation", _("Tổ chức")
    INDIVIDUAL = "individual", _("Cá nhân")


class InspectionSubject(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("cuộc thanh tra, kiểm tra"),
        on_delete=models.CASCADE,
        related_name="subjects",
    )
    name = models.CharField(_("tên đối tượng"), max_length=255)
    subject_type = models.CharField(
        _("loại đối tượng"), max_length=16, choices=SubjectType.choices, default=SubjectType.ORGANISATION
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    in_violation = models.BooleanField(_("có vi phạm"), default=False)
    violation = models.TextField(_("hành vi vi phạm"), blank=True)

    class Meta:
        verbose_name = _("đối tượng thanh tra, kiểm tra")
        verbose_name_plural = _("đối tượng thanh tra, kiểm tra")
        ordering = ["inspection", "pk"]

    def __str__(self):
        return self.name

    @property
    def organization(self):
        return self.inspection.organization

    def clean(self):
        if self.in_violation and not self.violation.strip():
            raise ValidationError({"violation": _("Đối tượng có vi phạm: hãy ghi hành vi vi phạm.")})


class OutcomeKind(models.TextChoices):
    REFERRAL = "referral", _("Chuyển cơ quan có thẩm quyền xử lý")
    SANCTION_DECISION = "sanction_decision", _("Quyết định xử phạt vi phạm hành chính")


class Outcome(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    subject = models.ForeignKey(
        InspectionSubject, verbose_name=_("đối tượng"), on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = models.CharField(_("hình thức xử lý"), max_length=24, choices=OutcomeKind.choices)
    referred_to = models.CharField(_("chuyển đến"), max_length=255, blank=True)
    decision = models.ForeignKey(
        "documents.Document",
        verbose_name=_("quyết định xử phạt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fine_vnd = models.PositiveBigIntegerField(_("tiền phạt (đồng)"), default=0)
    date = models.DateField(_("ngày"))
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kết quả xử lý")
        verbose_name_plural = _("kết quả xử lý")
        ordering = ["subject", "date", "pk"]

    def __str__(self):
        if self.kind == OutcomeKind.REFERRAL:
            return _("Chuyển %(to)s: %(s)s") % {"to": self.referred_to, "s": self.subject_id and self.subject}
        return _("Xử phạt %(s)s") % {"s": self.subject_id and self.subject}

    @property
    def organization(self):
        return self.subject.inspection.organization

    def clean(self):
        errors = {}
        if self.kind == OutcomeKind.REFERRAL:
            if not self.referred_to.strip():
                errors["referred_to"] = _("Hãy ghi cơ quan được chuyển đến.")
            if self.fine_vnd:
                errors["fine_vnd"] = _("Chuyển cơ quan khác xử lý thì không ghi tiền phạt.")
        if self.subject_id and not self.subject.in_violation:
            errors["subject"] = _("Chỉ xử lý đối tượng đã ghi nhận có vi phạm.")
        if errors:
            raise ValidationError(errors)


class Recommendation(models.Model):
    """A recommendation of an inspection, followed up until done."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("cuộc thanh tra, kiểm tra"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    text = models.TextField(_("kiến nghị"))
    due = models.DateField(_("hạn thực hiện"), null=True, blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    follow_up = models.TextField(_("theo dõi thực hiện"), blank=True)

    class Meta:
        verbose_name = _("kiến nghị sau thanh tra")
        verbose_name_plural = _("kiến nghị sau thanh tra")
        ordering = ["due", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def organization(self):
        return self.inspection.organization


class PartyOversightKind(models.TextChoices):
    INSPECTION = "inspection", _("Kiểm tra")
    THEMATIC_SUPERVISION = "thematic_supervision", _("Giám sát chuyên đề")
    REGULAR_SUPERVISION = "regular_supervision", _("Giám sát thường xuyên")


class PartyBody(models.TextChoices):
    COMMITTEE = "committee", _("Ban Chấp hành Đảng bộ")
    INSPECTION_COMMITTEE = "inspection_committee", _("Ủy ban Kiểm tra Đảng ủy")
    CELL = "cell", _("Chi bộ")


PARTY_KINDS = ("party_committee", "party_cell")


class PartyOrganization:
    """A record kept by a party committee or cell: its organisation must be one."""

    def clean(self):
        if self.organization_id and self.organization.kind not in PARTY_KINDS:
            raise ValidationError({"organization": _("Hãy chọn đảng ủy hoặc chi bộ.")})


class PartyOversight(PartyOrganization, models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("tổ chức đảng"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=24, choices=PartyOversightKind.choices)
    body = models.CharField(_("chủ thể tiến hành"), max_length=24, choices=PartyBody.choices)
    subject = models.CharField(_("đối tượng, nội dung"), max_length=500)
    date = models.DateField(_("ngày"))
    violations_found = models.BooleanField(_("phát hiện vi phạm"), default=False)
    conclusion = models.TextField(_("kết luận"), blank=True)

    class Meta:
        verbose_name = _("kiểm tra, giám sát của Đảng")
        verbose_name_plural = _("kiểm tra, giám sát của Đảng")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"


class DisciplineForm(models.TextChoices):
    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    DISMISSAL = "dismissal", _("Cách chức")
    EXPULSION = "expulsion", _("Khai trừ")


class PartyDisciplineCase(PartyOrganization, models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("tổ chức đảng"), on_delete=models.PROTECT, related_name="+"
    )
    member_name = models.CharField(_("đảng viên, tổ chức đảng bị kỷ luật"), max_length=255)
    date = models.DateField(_("ngày quyết định"))
    form = models.CharField(_("hình thức kỷ luật"), max_length=16, choices=DisciplineForm.choices)
    reason = models.TextField(_("nội dung vi phạm"))
    decision = models.ForeignKey(
        "documents.Document",
        verbose_name=_("quyết định kỷ luật"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vụ kỷ luật đảng")
        verbose_name_plural = _("vụ kỷ luật đảng")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_form_display()}: {self.member_name}"


class PartyComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    IN_PROGRESS = "in_progress", _("Đang giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    NOT_ELIGIBLE = "not_eligible", _("Không đủ điều kiện giải quyết")


class PartyComplaint(PartyOrganization, models.Model):
    """A complaint or denunciation about a party member, handled by the party's inspection committee."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("tổ chức đảng"), on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField(_("ngày nhận"))
    about = models.CharField(_("đảng viên bị khiếu nại, tố cáo"), max_length=255)
    summary = models.TextField(_("nội dung"))
    status = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=PartyComplaintStatus.choices,
        default=PartyComplaintStatus.RECEIVED,
    )
    result = models.TextField(_("kết quả giải quyết"), blank=True)

    class Meta:
        verbose_name = _("khiếu nại, tố cáo đối với đảng viên")
        verbose_name_plural = _("khiếu nại, tố cáo đối với đảng viên")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        day = self.received_on.strftime("%d/%m/%Y") if self.received_on else ""
        return _("Đơn ngày %(d)s về %(who)s") % {"d": day, "who": self.about}
