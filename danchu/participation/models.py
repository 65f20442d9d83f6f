"""Staff participation: what staff know (disclosures), discuss (consultations), decide (votes, the
annual staff conference) and supervise (recommendations, the people's inspection board).

LEGAL.md §2–4. Rules that depend on the framework (3 or 5 working days, 30 or 20 days of
posting) live in `rules.py`; state changes only in `actions.py`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.legal.frameworks import Framework


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
            # from this index instead of a sort of every disclosure.
            models.Index(fields=["-published_on", "-id"], name="disclosure_list_order_idx"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def channel_list(self):
        return [c.channel for c in self.channels.all()]

    def channel_labels(self):
        return [str(Channel(c).label) for c in self.channel_list]

    def timing(self, today=None):
        from .rules import disclosure_timing

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


def attachment_path(instance, filename):
    return f"participation/{uuid.uuid4().hex}/{filename}"


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


# --- Consultations -------------------------------------------------------------------------


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


class Phase(models.TextChoices):
    BEFORE = "before", _("Chưa bắt đầu")
    OPEN = "open", _("Đang diễn ra")
    CLOSED = "closed", _("Đã kết thúc")


def phase_for(opens, closes, today=None):
    today = today or timezone.localdate()
    if today < opens:
        return Phase.BEFORE
    if today > closes:
        return Phase.CLOSED
    return Phase.OPEN


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


# --- Votes ---------------------------------------------------------------------------------


class VoteKind(models.TextChoices):
    YES_NO = "yes_no", _("Tán thành / Không tán thành / Không biểu quyết")
    OPTIONS = "options", _("Chọn một trong các phương án")


class Vote(models.Model):
    """A vote among the staff of an organisation.

    A secret vote keeps no link between a voter and a choice anywhere in the database:
    `VoterRoll` says who has voted (never what), written with its audit row in one transaction;
    the choice is a `SealedBallot` written in another transaction, with a random id, no time,
    and the option sealed (participation/ballots.py). No count moves while the vote is open, so
    polling the tables (or their `xmin`) between two ballots tells who voted, never what.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("nội dung biểu quyết"), max_length=255)
    description = models.TextField(_("thuyết minh"), blank=True)
    kind = models.CharField(_("cách biểu quyết"), max_length=16, choices=VoteKind.choices)
    secret = models.BooleanField(_("bỏ phiếu kín"), default=True)
    opens_on = models.DateField(_("bắt đầu"))
    closes_on = models.DateField(_("kết thúc"))
    electorate_size = models.PositiveIntegerField(_("số người có quyền biểu quyết"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("biểu quyết")
        verbose_name_plural = _("biểu quyết")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="vote_closes_after_opens"
            )
        ]

    def __str__(self):
        return self.title

    def phase(self, today=None):
        return phase_for(self.opens_on, self.closes_on, today)


class VoteOption(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(default=1)
    label = models.CharField(_("phương án"), max_length=255)
    tally = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class VoterRoll(models.Model):
    """Who has voted. Never what: no option, no time finer than the vote itself."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="roll")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "person"], name="voter_roll_once")]

    def __str__(self):
        return f"{self.person} đã biểu quyết"


class SealedBallot(models.Model):
    """One secret ballot: a random id, the vote and the sealed choice; no time, no person, no
    order (participation/ballots.py). Opened only to count a closed vote."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="sealed_ballots")
    sealed = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("phiếu kín (niêm phong)")
        verbose_name_plural = _("phiếu kín (niêm phong)")

    def __str__(self):
        return str(_("Phiếu kín (niêm phong)"))


class VotingCode(models.Model):
    """One printed one-time voting code for a room without devices (secret votes only).

    Only a hash of the code and whether it has been used are stored: no person, no issuer, no
    time, and nothing about the choice made with it (the choice only adds one to
    a `SealedBallot`, as for every secret ballot). The plain code exists on the printed sheet
    alone; it is shown once, when the codes are generated.
    """

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    used = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("mã bỏ phiếu dùng một lần")
        verbose_name_plural = _("mã bỏ phiếu dùng một lần")

    def __str__(self):
        return _("Mã bỏ phiếu (%(state)s)") % {"state": _("đã dùng") if self.used else _("chưa dùng")}


class NamedBallot(models.Model):
    """The choice of a voter in a named (open) vote; never written for a secret vote."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="named_ballots")
    person = models.ForeignKey("orgs.Person", on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(VoteOption, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "person"], name="named_ballot_once")]

    def __str__(self):
        return f"{self.person}: {self.option}"


# --- The annual staff conference -------------------------------------------------------------


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


# --- Staff recommendations and supervision --------------------------------------------------


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
