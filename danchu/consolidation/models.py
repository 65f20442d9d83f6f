"""The provincial side of reporting: requests for reports, the agencies' versioned submissions
with their frozen figures and the yearly scoring of agencies."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.reporting.models import ReportType


class TargetMode(models.TextChoices):
    SUBTREE = "subtree", _("Các cơ quan trực thuộc một cơ quan")
    LIST = "list", _("Danh sách cơ quan chọn riêng")


class ReportRequest(models.Model):
    """A request for reports (e.g. Công văn 1457/SNV-XDCQCTTN of 05/11/2020): who must answer,
    for which period and data window, by which deadline."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requesting_org = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan yêu cầu"),
        on_delete=models.PROTECT,
        related_name="report_requests",
    )
    reference = models.CharField(
        _("số, ký hiệu văn bản yêu cầu"), max_length=96, help_text=_("Ví dụ: 1457/SNV-XDCQCTTN")
    )
    issued_on = models.DateField(_("ngày văn bản yêu cầu"))
    title = models.CharField(_("trích yếu"), max_length=500)
    report_type = models.CharField(
        _("loại báo cáo"), max_length=32, choices=ReportType.choices, default=ReportType.ANNUAL_DEMOCRACY
    )
    period = models.ForeignKey(
        "orgs.ReportingPeriod",
        verbose_name=_("kỳ báo cáo"),
        on_delete=models.PROTECT,
        related_name="report_requests",
    )
    data_start = models.DateField(_("số liệu từ ngày"))
    data_end = models.DateField(_("số liệu đến ngày"))
    deadline = models.DateField(_("hạn gửi báo cáo"))
    target_mode = models.CharField(
        _("cơ quan phải báo cáo"), max_length=16, choices=TargetMode.choices, default=TargetMode.SUBTREE
    )
    target_root = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Các cơ quan trực tiếp thuộc cơ quan này phải báo cáo."),
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản yêu cầu trong sổ văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_requests",
    )
    note = models.TextField(_("nội dung yêu cầu"), blank=True)
    targets = models.ManyToManyField(
        "orgs.Organization", through="RequestTarget", related_name="+", verbose_name=_("cơ quan phải báo cáo")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(data_end__gte=models.F("data_start")), name="request_data_window"
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("issued_on")), name="request_deadline_after_issue"
            ),
            models.UniqueConstraint(fields=["requesting_org", "reference"], name="request_unique_reference"),
        ]

    def __str__(self):
        return f"{self.reference} — {self.period}"

    @property
    def is_overdue_today(self):
        return timezone.localdate() > self.deadline


class RequestTarget(models.Model):
    """One organisation that must answer, resolved when the request was made (by validity dates)."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="target_rows")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("cơ quan phải báo cáo")
        verbose_name_plural = _("cơ quan phải báo cáo")
        ordering = ["organization__path"]
        constraints = [
            models.UniqueConstraint(fields=["request", "organization"], name="request_target_unique")
        ]

    def __str__(self):
        return f"{self.request_id} → {self.organization_id}"


class SubmissionKind(models.TextChoices):
    REPORT = "report", _("Báo cáo lập trong danchu")
    UPLOAD = "upload", _("Tệp báo cáo tải lên và số liệu nhập")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã gửi, chờ xem xét")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    RETURNED = "returned", _("Trả lại để hoàn chỉnh")


class SubmissionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def counted(self):
        """Current versions whose figures count in the consolidation (not returned)."""
        return self.filter(is_current=True).exclude(status=SubmissionStatus.RETURNED)


def submission_file_path(instance, filename):
    return f"consolidation/{instance.request.uuid}/{uuid.uuid4().hex}/{filename}"


class Submission(models.Model):
    """One version of an organisation's answer to a request. A returned submission is corrected
    by a new version; the old ones are kept. `values` holds the frozen figures {code: number}."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(ReportRequest, on_delete=models.PROTECT, related_name="submissions")
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version"
    )
    is_current = models.BooleanField(default=True)
    kind = models.CharField(_("hình thức"), max_length=16, choices=SubmissionKind.choices)
    report = models.ForeignKey(
        "reporting.Report",
        verbose_name=_("báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consolidation_submissions",
    )
    file = models.FileField(_("tệp báo cáo"), upload_to=submission_file_path, max_length=255, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(default=0)
    values = models.JSONField(_("số liệu"), default=dict)
    note = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("thời điểm gửi"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_late = models.BooleanField(_("gửi muộn"), default=False)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    correction_reason = models.TextField(
        _("lý do đính chính"),
        blank=True,
        help_text=_("Bản đính chính của báo cáo đã gửi: lý do ghi khi lập bản đính chính."),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo gửi")
        verbose_name_plural = _("báo cáo gửi")
        ordering = ["organization__path", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "organization", "version"], name="submission_unique_version"
            ),
            models.UniqueConstraint(
                fields=["request", "organization"],
                condition=Q(is_current=True),
                name="submission_one_current",
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""), name="submission_return_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(kind="upload") | Q(report__isnull=False), name="submission_report_linked"
            ),
        ]

    def __str__(self):
        return f"{self.organization.short_name or self.organization.name} — {self.request.reference} (v{self.version})"

    @property
    def is_correction(self):
        return bool(self.correction_reason)


# Scoring (LEGAL.md §9): a scheme per province and year, configured as data.


class ScoringScheme(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    province = models.ForeignKey(
        "orgs.Organization", verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="scoring_schemes"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    basis = models.CharField(
        _("căn cứ"), max_length=255, blank=True, help_text=_("Ví dụ: Quyết định số …/QĐ-UBND")
    )
    bonus_max = models.DecimalField(_("điểm thưởng tối đa"), max_digits=6, decimal_places=2, default=0)
    self_assessment_open = models.BooleanField(_("đang mở tự chấm"), default=True)

    class Meta:
        verbose_name = _("bộ tiêu chí chấm điểm")
        verbose_name_plural = _("bộ tiêu chí chấm điểm")
        ordering = ["-year", "province__path"]
        constraints = [models.UniqueConstraint(fields=["province", "year"], name="scheme_unique_year")]

    def __str__(self):
        return f"{self.name} ({self.year})"


class Criterion(models.Model):
    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    number = models.CharField(_("số thứ tự"), max_length=16)
    label = models.CharField(_("tiêu chí"), max_length=500)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="criterion_unique_number"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="criterion_points_not_negative"),
        ]

    def __str__(self):
        return f"{self.number}. {self.label}"


class GradeBand(models.Model):
    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="bands")
    label = models.CharField(_("xếp loại"), max_length=64)
    min_points = models.DecimalField(_("từ điểm"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")
        ordering = ["-min_points"]
        constraints = [models.UniqueConstraint(fields=["scheme", "label"], name="grade_band_unique_label")]

    def __str__(self):
        return f"{self.label} (≥ {self.min_points})"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Đang tự chấm")
    SELF_SUBMITTED = "self_submitted", _("Đã gửi tự chấm")
    SCORED = "scored", _("Đã thẩm định")


class Assessment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    scheme = models.ForeignKey(ScoringScheme, on_delete=models.PROTECT, related_name="assessments")
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    bonus = models.DecimalField(_("điểm thưởng"), max_digits=6, decimal_places=2, default=0)
    bonus_reason = models.CharField(_("lý do điểm thưởng"), max_length=500, blank=True)
    self_total = models.DecimalField(_("tổng điểm tự chấm"), max_digits=7, decimal_places=2, default=0)
    assessor_total = models.DecimalField(
        _("tổng điểm thẩm định"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    grade = models.CharField(_("xếp loại"), max_length=64, blank=True)
    self_submitted_at = models.DateTimeField(null=True, blank=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kết quả chấm điểm")
        verbose_name_plural = _("kết quả chấm điểm")
        ordering = ["organization__path"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "organization"], name="assessment_unique_org"),
            models.CheckConstraint(condition=Q(bonus__gte=0), name="assessment_bonus_not_negative"),
        ]

    def __str__(self):
        return f"{self.organization} — {self.scheme}"


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    self_score = models.DecimalField(_("tự chấm"), max_digits=6, decimal_places=2, null=True, blank=True)
    assessor_score = models.DecimalField(
        _("thẩm định"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("giải trình"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="score_unique_criterion")
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.self_score} / {self.assessor_score}"
