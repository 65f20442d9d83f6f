"""Reports written from the records: the report, its narrative sections, hand-entered figures,
the frozen snapshot of a submission, the background builds and uploaded templates."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danchu.legal.frameworks import Framework


class ReportType(models.TextChoices):
    ANNUAL_DEMOCRACY = "annual_democracy", _("Báo cáo kết quả thực hiện dân chủ ở cơ sở hằng năm")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    REVIEWED = "reviewed", _("Đã rà soát")
    SIGNED = "signed", _("Đã ký")
    SUBMITTED = "submitted", _("Đã gửi")


class ReportQuerySet(models.QuerySet):
    def current(self):
        """The latest version of each report (corrections keep the old versions)."""
        return self.filter(superseded_by__isnull=True)


class Report(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan báo cáo"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    drafting_unit = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("đơn vị soạn thảo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="drafted_reports",
        help_text=_("Đứng cuối ký hiệu văn bản, ví dụ VP trong BC-STTTT-VP."),
    )
    period = models.ForeignKey(
        "orgs.ReportingPeriod", verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="reports"
    )
    report_type = models.CharField(
        _("loại báo cáo"), max_length=32, choices=ReportType.choices, default=ReportType.ANNUAL_DEMOCRACY
    )
    framework = models.CharField(_("khung pháp lý"), max_length=16, choices=Framework.choices)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    title = models.CharField(_("trích yếu"), max_length=500)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True, editable=False)
    symbol = models.CharField(_("ký hiệu"), max_length=64, help_text=_("Ví dụ: BC-STTTT-VP"))
    report_date = models.DateField(_("ngày báo cáo"))
    place = models.CharField(_("địa danh"), max_length=64)
    data_start = models.DateField(_("số liệu từ ngày"))
    data_end = models.DateField(_("số liệu đến ngày"))
    signer = models.ForeignKey(
        "orgs.Membership",
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_reports",
    )
    signing_authority = models.CharField(
        _("thẩm quyền ký"),
        max_length=64,
        blank=True,
        help_text=_("Ví dụ: KT. GIÁM ĐỐC (để trống nếu ký thay mặt chính mình)"),
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=64, help_text=_("Ví dụ: PHÓ GIÁM ĐỐC"))
    recipients = models.TextField(_("nơi nhận"), help_text=_("Mỗi dòng một nơi nhận, ví dụ: Sở Nội vụ (b/c)"))
    request_ref = models.CharField(
        _("văn bản yêu cầu (số, ký hiệu)"), max_length=96, blank=True, help_text=_("Ví dụ: 1457/SNV-XDCQCTTN")
    )
    request_kind = models.CharField(_("loại văn bản yêu cầu"), max_length=32, blank=True, default="Công văn")
    request_date = models.DateField(_("ngày văn bản yêu cầu"), null=True, blank=True)
    request_issuer = models.CharField(_("cơ quan yêu cầu"), max_length=255, blank=True)
    request_subject = models.CharField(_("trích yếu văn bản yêu cầu"), max_length=500, blank=True)
    template = models.ForeignKey(
        "ReportTemplate",
        verbose_name=_("mẫu báo cáo tải lên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    registry_document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("văn bản trong sổ văn bản đi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_report",
        editable=False,
        help_text=_("Vào sổ văn bản đi khi ký, cùng số, ký hiệu với báo cáo."),
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("đính chính cho"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        editable=False,
    )
    correction_reason = models.TextField(_("lý do đính chính"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-period__year", "organization__path", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period", "report_type", "version"], name="report_unique_version"
            ),
            models.CheckConstraint(
                condition=Q(data_end__gte=models.F("data_start")), name="report_data_window"
            ),
            models.CheckConstraint(
                condition=Q(version=1) | ~Q(correction_reason=""), name="report_correction_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.title} — {self.organization.short_name or self.organization.name} ({self.period.code}, v{self.version})"

    @property
    def reference(self):
        """'120/BC-STTTT-VP', or '/BC-STTTT-VP' while the number is not taken yet."""
        number = f"{self.number:02d}" if self.number else ""
        return f"{number}/{self.symbol}"

    @property
    def recipient_lines(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def is_frozen(self):
        return self.status == ReportStatus.SUBMITTED

    @property
    def is_editable(self):
        return self.status == ReportStatus.DRAFT

    @property
    def snapshot(self):
        """The live snapshot of the signature (None before signing or after a withdrawn one).
        Uses `prefetch_related("snapshots")` when the caller prefetched them."""
        return next((s for s in self.snapshots.all() if s.withdrawn_at is None), None)


class ReportSection(models.Model):
    """The narrative of one section, written by people; kept per report (and so per period)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(_("mục"), max_length=32)
    text = models.TextField(_("nội dung"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục báo cáo")
        verbose_name_plural = _("mục báo cáo")
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="report_section_unique_key")]

    def __str__(self):
        return f"{self.report_id}:{self.key}"

    @property
    def paragraphs(self):
        return [p.strip() for p in self.text.replace("\r\n", "\n").split("\n") if p.strip()]


class IndicatorOverride(models.Model):
    """A figure entered by hand for one organisation and period, instead of the computed one."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("orgs.ReportingPeriod", on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("chỉ tiêu"), max_length=64)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=2)
    reason = models.TextField(_("lý do nhập tay"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu nhập tay")
        verbose_name_plural = _("số liệu nhập tay")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period", "code"], name="indicator_override_unique"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="indicator_override_has_reason"),
        ]

    def __str__(self):
        return f"{self.code} = {self.value}"


class ReportSnapshot(models.Model):
    """What the head signed, frozen at the signature: indicator values, lists, section texts and
    the whole context the document is rendered from (actions.sign). Submission renders the files
    from it and stores them with their SHA-256 (actions.submit), so what is submitted is what was
    signed. Never changed nor deleted; a signature withdrawn before submission
    (actions.withdraw_signature) keeps its snapshot, marked withdrawn, and the next signature takes
    a new one: a report has at most one live snapshot."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="snapshots")
    values = models.JSONField(_("số liệu"))
    content = models.JSONField(_("nội dung"), default=dict)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    reference = models.CharField(_("số, ký hiệu"), max_length=96, blank=True)
    registry_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản trong sổ văn bản đi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("thời điểm hủy chữ ký"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_reason = models.TextField(_("lý do hủy chữ ký"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # The only change a stored snapshot accepts: its withdrawal, once, before submission.
    WITHDRAWAL_FIELDS = frozenset({"withdrawn_at", "withdrawn_by", "withdrawal_reason"})

    class Meta:
        verbose_name = _("bản chốt báo cáo")
        verbose_name_plural = _("bản chốt báo cáo")
        ordering = ["report", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"], condition=Q(withdrawn_at__isnull=True), name="snapshot_one_live_per_report"
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawal_reason=""),
                name="snapshot_withdrawal_has_reason",
            ),
        ]

    def __str__(self):
        return f"snapshot of report {self.report_id} ({self.reference})"

    def save(self, *args, **kwargs):
        if self.pk:
            stored = ReportSnapshot.objects.filter(pk=self.pk).values("withdrawn_at").first()
            update_fields = set(kwargs.get("update_fields") or ())
            withdrawing = (
                stored is not None
                and stored["withdrawn_at"] is None
                and update_fields
                and update_fields <= self.WITHDRAWAL_FIELDS
                and self.withdrawn_at is not None
            )
            if stored is not None and not withdrawing:
                raise ValidationError(_("Bản chốt của báo cáo đã ký không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Bản chốt của báo cáo đã ký không được xóa."))

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None


class FileFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "XLSX"


def report_file_path(instance, filename):
    return f"reports/{instance.report.uuid}/{uuid.uuid4().hex}/{filename}"


class ReportFile(models.Model):
    """A rendered file. Files of a snapshot are frozen; files of a draft build are replaced by the next build."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    snapshot = models.ForeignKey(
        ReportSnapshot, null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    format = models.CharField(max_length=8, choices=FileFormat.choices)
    file = models.FileField(upload_to=report_file_path, max_length=255)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp báo cáo")
        verbose_name_plural = _("tệp báo cáo")
        ordering = ["format"]

    def __str__(self):
        return self.filename

    def save(self, *args, **kwargs):
        if self.pk and self.snapshot_id:
            raise ValidationError(_("Tệp của báo cáo đã gửi không được sửa."))
        super().save(*args, **kwargs)


class BuildStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class ReportBuild(models.Model):
    """One run of the build (from the web, as a background task): its progress for the page to poll."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="builds")
    formats = models.CharField(max_length=32, default="docx,xlsx")
    status = models.CharField(max_length=16, choices=BuildStatus.choices, default=BuildStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"build {self.pk} of report {self.report_id}: {self.status}"

    @property
    def is_finished(self):
        return self.status in (BuildStatus.DONE, BuildStatus.FAILED)


def template_path(instance, filename):
    return f"report-templates/{instance.report_type}/{instance.framework}/{uuid.uuid4().hex}.docx"


class ReportTemplate(models.Model):
    """A DOCX template (docxtpl/Jinja) uploaded by an administrator for a report type and framework."""

    report_type = models.CharField(_("loại báo cáo"), max_length=32, choices=ReportType.choices)
    framework = models.CharField(_("khung pháp lý"), max_length=16, choices=Framework.choices)
    name = models.CharField(_("tên mẫu"), max_length=255)
    file = models.FileField(_("tệp mẫu"), upload_to=template_path, max_length=255)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.name
