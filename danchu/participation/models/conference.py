"""The annual staff conference: attendees, documents, resolutions, the people's inspection board
it elects, the six-monthly follow-ups."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .shared import attachment_path


class ConferenceKind(models.TextChoices):
    ANNUAL = "annual", _("Thường niên")
    EXTRAORDINARY = "extraordinary", _("Bất thường")


class Convocation(models.TextChoices):
    FIRST = "first", _("Triệu tập lần thứ nhất")
    SECOND = "second", _("Triệu tập lần thứ hai")


class ConferenceStatus(models.TextChoices):
    PLANNED = "planned", _("Đã lên kế hoạch")
    IN_SESSION = "in_session", _("Đang họp")
    CLOSED = "closed", _("Đã bế mạc")


class ConferenceQuerySet(models.QuerySet):
    def held(self):
        return self.filter(status=ConferenceStatus.CLOSED, quorum_reached=True)


class StaffConference(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm công tác được tổng kết"))
    held_on = models.DateField(_("ngày tổ chức"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    kind = models.CharField(
        _("loại hội nghị"), max_length=16, choices=ConferenceKind.choices, default=ConferenceKind.ANNUAL
    )
    convocation = models.CharField(
        _("lần triệu tập"), max_length=8, choices=Convocation.choices, default=Convocation.FIRST
    )
    by_delegates = models.BooleanField(_("hội nghị đại biểu"), default=False, editable=False)
    chair = models.CharField(_("chủ trì"), max_length=255, blank=True)
    secretary = models.CharField(_("thư ký"), max_length=255, blank=True)
    agenda = models.TextField(_("chương trình hội nghị"), blank=True)
    notes = models.TextField(_("diễn biến, ý kiến tại hội nghị"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ConferenceStatus.choices, default=ConferenceStatus.PLANNED
    )
    quorum_reached = models.BooleanField(_("đủ số lượng"), default=False, editable=False)
    present_at_close = models.PositiveIntegerField(default=0, editable=False)
    summoned_count = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("hội nghị cán bộ, công chức, viên chức, người lao động")
        verbose_name_plural = _("hội nghị cán bộ, công chức, viên chức, người lao động")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"Hội nghị CB-CC-VC-NLĐ năm {self.year} — {self.organization.name}"


class Attendee(models.Model):
    conference = models.ForeignKey(StaffConference, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")
    summoned = models.BooleanField(_("được triệu tập"), default=True)
    present = models.BooleanField(_("có mặt"), default=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["person__full_name"]
        constraints = [models.UniqueConstraint(fields=["conference", "person"], name="attendee_unique")]

    def __str__(self):
        return str(self.person)


class ConferenceDocumentKind(models.TextChoices):
    HEAD_REPORT = "head_report", _("Báo cáo của thủ trưởng cơ quan")
    UNION_REPORT = "union_report", _("Báo cáo của Ban Chấp hành công đoàn")
    BOARD_REPORT = "board_report", _("Báo cáo của Ban Thanh tra nhân dân")
    OTHER = "other", _("Tài liệu khác")


class ConferenceDocument(models.Model):
    conference = models.ForeignKey(StaffConference, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("loại tài liệu"), max_length=16, choices=ConferenceDocumentKind.choices)
    title = models.CharField(_("tên tài liệu"), max_length=255)
    summary = models.TextField(_("tóm tắt"), blank=True)
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=255, blank=True)
    original_name = models.CharField(max_length=255, blank=True)

    def __str__(self):
        return self.title


class Resolution(models.Model):
    """One matter the conference decided, by more than 50% of those present."""

    conference = models.ForeignKey(StaffConference, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(_("nội dung biểu quyết"))
    present = models.PositiveIntegerField(_("số người có mặt khi biểu quyết"))
    votes_for = models.PositiveIntegerField(_("tán thành"))
    votes_against = models.PositiveIntegerField(_("không tán thành"), default=0)
    abstentions = models.PositiveIntegerField(_("không biểu quyết"), default=0)
    passed = models.BooleanField(_("được thông qua"), default=False, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    present__gte=models.F("votes_for") + models.F("votes_against") + models.F("abstentions")
                ),
                name="resolution_votes_within_present",
            )
        ]

    def __str__(self):
        return self.text[:80]


class BoardRole(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    DEPUTY = "deputy", _("Phó Trưởng ban")
    MEMBER = "member", _("Thành viên")


class BoardMember(models.Model):
    """A member of the people's inspection board (Ban thanh tra nhân dân) elected by a conference."""

    conference = models.ForeignKey(StaffConference, on_delete=models.CASCADE, related_name="board")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("chức danh"), max_length=8, choices=BoardRole.choices, default=BoardRole.MEMBER)
    votes = models.PositiveIntegerField(_("số phiếu bầu"), default=0)
    term_start = models.DateField(_("nhiệm kỳ từ"))
    term_end = models.DateField(_("nhiệm kỳ đến"))

    class Meta:
        ordering = ["role", "person__full_name"]
        constraints = [models.UniqueConstraint(fields=["conference", "person"], name="board_member_unique")]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}"


class FollowUp(models.Model):
    """The six-monthly review of the conference resolution by the head and the union."""

    conference = models.ForeignKey(StaffConference, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("hạn sơ kết"))
    done_on = models.DateField(_("ngày sơ kết"), null=True, blank=True)
    result = models.TextField(_("kết quả thực hiện nghị quyết"), blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self):
        return f"Sơ kết nghị quyết hạn {self.due_on:%d/%m/%Y}"
