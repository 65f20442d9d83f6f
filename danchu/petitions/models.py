"""Petitions (đơn thư): complaints, denunciations, feedback; their steps, attachments, the
sender's encrypted identity; citizen reception sessions and the published reception schedule.

Workflow state changes only through danchu.petitions.actions.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.core import search

# Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper is unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 random bits


def new_tracking_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_tracking_code(text):
    """What a citizen typed -> the stored form ('abcd-efgh-ijkl' -> 'ABCDEFGH1JK1')."""
    text = (text or "").upper().replace("-", "").replace(" ", "")
    return text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))[:32]


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    FEEDBACK = "feedback", _("Phản ánh, kiến nghị")


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin (trực tuyến)")
    PAPER = "paper", _("Đơn giấy, qua bưu điện")
    RECEPTION = "reception", _("Tại nơi tiếp công dân")
    PHONE = "phone", _("Điện thoại")
    EMAIL = "email", _("Thư điện tử")
    TRANSFERRED = "transferred", _("Cơ quan khác chuyển đến")


class SenderType(models.TextChoices):
    CITIZEN = "citizen", _("Công dân, tổ chức")
    STAFF = "staff", _("Cán bộ, công chức, viên chức (quyết định nội bộ)")


class Status(models.TextChoices):
    RECEIVED = "received", _("Mới tiếp nhận")
    CLASSIFIED = "classified", _("Đã phân loại, chờ thụ lý")
    ACCEPTED = "accepted", _("Đang giải quyết")
    SUSPENDED = "suspended", _("Tạm đình chỉ")
    RESOLVED = "resolved", _("Đã trả lời, giải quyết")
    NOT_ELIGIBLE = "not_eligible", _("Không đủ điều kiện, lưu đơn")
    TRANSFERRED = "transferred", _("Đã chuyển đơn")
    GUIDANCE_SENT = "guidance_sent", _("Đã hướng dẫn")
    CLOSED = "closed", _("Đã kết thúc")


OPEN_STATUSES = (Status.RECEIVED, Status.CLASSIFIED, Status.ACCEPTED, Status.SUSPENDED)


class Outcome(models.TextChoices):
    """What processing the letter decided (LEGAL.md §5, outcomes of processing a letter)."""

    ACCEPT = "accept", _("Đủ điều kiện, thụ lý giải quyết")
    TRANSFER = "transfer", _("Chuyển đơn đến cơ quan có thẩm quyền")
    GUIDANCE = "guidance", _("Hướng dẫn người gửi")
    FILE = "file", _("Không đủ điều kiện thụ lý, lưu đơn")
    DUPLICATE = "duplicate", _("Đơn trùng, đã gộp")


class PetitionQuerySet(models.QuerySet):
    def in_subtree(self, org):
        return self.filter(organization__path__startswith=org.path)

    def counted(self):
        """Letters that count in statistics: duplicates are linked to their original, not counted."""
        return self.filter(duplicate_of__isnull=True)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today):
        return self.open().filter(next_due__lt=today)

    def decision_to_send(self):
        """Complaints decided whose decision has not been sent yet: their `next_due` is the
        sending deadline (Luật Khiếu nại Art. 32, 41), tracked until it is recorded."""
        return self.filter(
            status=Status.RESOLVED, kind=Kind.COMPLAINT, decision_sent_on__isnull=True, send_due__isnull=False
        )

    def tracked(self):
        """Every case with a running deadline: open cases and decisions still to be sent."""
        return self.filter(Q(status__in=OPEN_STATUSES) | Q(pk__in=self.decision_to_send().values("pk")))


class Petition(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    reference = models.CharField(_("số đơn"), max_length=32, editable=False)
    tracking_code = models.CharField(_("mã tra cứu"), max_length=16, unique=True, default=new_tracking_code)
    kind = models.CharField(_("loại đơn"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("nguồn đơn"), max_length=16, choices=Channel.choices)
    sender_type = models.CharField(
        _("người gửi là"), max_length=16, choices=SenderType.choices, default=SenderType.CITIZEN
    )
    received_on = models.DateField(_("ngày nhận"))
    subject = models.CharField(_("nội dung tóm tắt"), max_length=255)
    content = models.TextField(_("nội dung đơn"), max_length=10000)
    is_anonymous = models.BooleanField(_("đơn nặc danh"), default=False)
    # Once the letter was a denunciation, its sender's identity is a denouncer's (Luật Tố cáo
    # 2018 Art. 47-48) whatever kind the letter has later: set by the actions, never unset.
    identity_protected = models.BooleanField(
        _("danh tính người gửi được bảo vệ"), default=False, editable=False
    )
    # A keyed hash of the sender (actions.sender_fingerprint), to detect duplicates without
    # decrypting identities. Never shown, exported or audited.
    sender_fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    transferred_from = models.CharField(_("cơ quan chuyển đến"), max_length=255, blank=True)
    # The letter's code in the system it came from (the national portal's PAKN ID, the national
    # complaints database, an e-office system), unique per source: a letter is never counted twice.
    external_source = models.CharField(_("hệ thống nguồn"), max_length=32, blank=True)
    external_code = models.CharField(_("mã ở hệ thống nguồn"), max_length=64, blank=True)
    second_time = models.BooleanField(_("khiếu nại lần hai"), default=False)
    several_places = models.BooleanField(_("xác minh ở nhiều địa điểm"), default=False)

    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    is_eligible = models.BooleanField(_("đủ điều kiện thụ lý"), null=True, blank=True)
    eligibility_reason = models.TextField(_("lý do"), blank=True)
    outcome = models.CharField(_("kết quả xử lý đơn"), max_length=16, choices=Outcome.choices, blank=True)
    transferred_to = models.CharField(_("chuyển đến"), max_length=255, blank=True)
    classified_on = models.DateField(_("ngày phân loại"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions_handled",
    )

    is_complex = models.BooleanField(_("vụ việc phức tạp"), default=False)
    is_especially_complex = models.BooleanField(_("vụ việc đặc biệt phức tạp"), default=False)
    is_remote = models.BooleanField(_("vùng sâu, vùng xa, đi lại khó khăn"), default=False)
    complexity_reason = models.TextField(_("căn cứ xác định phức tạp"), blank=True)

    accepted_on = models.DateField(_("ngày thụ lý"), null=True, blank=True)
    accept_due = models.DateField(_("hạn thụ lý, xử lý đơn"), null=True, blank=True)
    resolve_due = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    handler_due = models.DateField(
        _("hạn trả lời do người xử lý đặt"), null=True, blank=True, help_text=_("Với phản ánh, kiến nghị.")
    )
    send_due = models.DateField(
        _("hạn gửi quyết định giải quyết"),
        null=True,
        blank=True,
        help_text=_("Khiếu nại: tính từ ngày ban hành quyết định (Luật Khiếu nại, Điều 32, 41)."),
    )
    decision_sent_on = models.DateField(_("ngày gửi quyết định giải quyết"), null=True, blank=True)
    next_due = models.DateField(_("hạn gần nhất"), null=True, blank=True, db_index=True)
    # 0 while the letter is being processed, 1 once it has left the workflow: the first key of
    # the worklist's order, computed by the database from `status` so every writer (actions,
    # bulk generation, fixtures) keeps it right, and indexed with the rest of that order.
    open_rank = models.GeneratedField(
        expression=models.Case(
            models.When(status__in=[s.value for s in OPEN_STATUSES], then=models.Value(0)),
            default=models.Value(1),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        editable=False,
    )
    deadline_steps = models.JSONField(_("các thời hạn"), default=list, blank=True, editable=False)
    extensions = models.PositiveSmallIntegerField(_("số lần gia hạn"), default=0)
    suspended_on = models.DateField(_("tạm đình chỉ từ"), null=True, blank=True)
    suspended_days = models.PositiveIntegerField(_("số ngày tạm đình chỉ"), default=0)

    resolved_on = models.DateField(_("ngày trả lời, giải quyết"), null=True, blank=True)
    resolved_on_time = models.BooleanField(_("đúng hạn"), null=True, blank=True)
    finished_on = models.DateField(
        _("ngày kết thúc xử lý"),
        null=True,
        blank=True,
        help_text=_("Ngày đơn ra khỏi quy trình: trả lời, giải quyết, chuyển, hướng dẫn hoặc lưu đơn."),
    )
    answer_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản trả lời, quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petition_answers",
    )
    public_answer = models.TextField(_("nội dung trả lời công khai"), blank=True)
    internal_notes = models.TextField(_("ghi chú nội bộ"), blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("trùng với đơn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )

    created_at = models.DateTimeField(_("thời điểm tạo"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("thời điểm kết thúc"), null=True, blank=True)

    # The worklist's searched fields folded (danchu.core.search.fold_fields), so SQLite searches
    # with a plain LIKE instead of folding every letter in Python; set by save() and the bulk
    # generator, never edited. Only the letter's own text: the sender's identity, kept encrypted
    # in SenderIdentity, is never searched and never stored here.
    search_text = models.TextField(_("nội dung tìm kiếm"), blank=True, default="", editable=False)

    objects = PetitionQuerySet.as_manager()

    SEARCHED_FIELDS = ("reference", "subject", "content")

    class Meta:
        verbose_name = _("đơn thư")
        verbose_name_plural = _("đơn thư")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="petition_reference_per_org"),
            models.UniqueConstraint(
                fields=["external_source", "external_code"],
                condition=~Q(external_code=""),
                name="petition_external_code_per_source",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=models.F("pk")), name="petition_not_duplicate_of_itself"
            ),
            models.CheckConstraint(
                condition=Q(is_anonymous=False) | Q(kind="denunciation"),
                name="petition_only_denunciation_anonymous",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "received_on"], name="petition_org_received_idx"),
            # The worklist's order (open first, nearest deadline, newest): the first page is read
            # from this index instead of sorting every letter of the subtree.
            models.Index(
                fields=["open_rank", "next_due", "-received_on", "-id"], name="petition_worklist_order_idx"
            ),
        ]

    def __str__(self):
        return f"{self.reference} — {self.subject}"[:255]

    def save(self, *args, **kwargs):
        self.fill_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(self.SEARCHED_FIELDS):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def fill_search_text(self):
        """Set `search_text` from the searched fields (save() does; bulk inserts call it)."""
        self.search_text = search.fold_fields(*(getattr(self, f) for f in self.SEARCHED_FIELDS))

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def overdue_on(self, today):
        return self.is_open and self.next_due is not None and self.next_due < today


class SenderIdentity(models.Model):
    """Who sent the letter. Stored apart from the case and encrypted (Fernet); read only through
    actions.reveal_identity, which writes an audit row with its reason."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="identity")
    ciphertext = models.TextField(editable=False)

    class Meta:
        verbose_name = _("thông tin người gửi (bảo mật)")
        verbose_name_plural = _("thông tin người gửi (bảo mật)")

    def __str__(self):
        return str(_("Thông tin người gửi (bảo mật)"))

    def __repr__(self):
        return f"<SenderIdentity petition={self.petition_id}>"


def scan_path(instance, filename):
    return f"petitions/identity/{uuid.uuid4().hex}.bin"


class IdentityScan(models.Model):
    """A scan of the sender's papers or handwriting: the file's bytes and name are encrypted."""

    identity = models.ForeignKey(SenderIdentity, on_delete=models.CASCADE, related_name="scans")
    file = models.FileField(upload_to=scan_path, max_length=255)
    name_ciphertext = models.TextField()
    content_type = models.CharField(max_length=128)
    size = models.PositiveIntegerField()

    def __str__(self):
        return str(_("Bản chụp giấy tờ (bảo mật)"))


def attachment_path(instance, filename):
    return f"petitions/{instance.petition.uuid}/{uuid.uuid4().hex}"


class PetitionAttachment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=128)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.original_name


class EventKind(models.TextChoices):
    REGISTER = "register", _("Tiếp nhận đơn")
    CLASSIFY = "classify", _("Phân loại, xử lý đơn")
    ASSIGN = "assign", _("Giao người xử lý")
    ACCEPT = "accept", _("Thụ lý")
    COMPLEX = "complex", _("Xác định tính chất vụ việc")
    EXTEND = "extend", _("Gia hạn")
    SUSPEND = "suspend", _("Tạm đình chỉ")
    RESUME = "resume", _("Tiếp tục giải quyết")
    VERIFY = "verify", _("Xác minh")
    ANSWER = "answer", _("Trả lời, ban hành quyết định")
    SEND_DECISION = "send_decision", _("Gửi quyết định giải quyết")
    CLOSE = "close", _("Kết thúc")
    DUPLICATE = "duplicate", _("Gộp đơn trùng")
    DOCUMENT_REQUEST = "document_request", _("Đề nghị vào sổ văn bản trả lời")


class PetitionEvent(models.Model):
    """The case's timeline: one row per step, with the date it happened."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("bước"), max_length=16, choices=EventKind.choices)
    on = models.DateField(_("ngày"))
    note = models.TextField(_("nội dung"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("bước xử lý")
        ordering = ["on", "at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class ReceptionSession(models.Model):
    """A citizen reception session (buổi tiếp công dân)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="receptions"
    )
    held_on = models.DateField(_("ngày tiếp"))
    official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tiếp (tài khoản)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    official_name = models.CharField(_("người tiếp công dân"), max_length=128)
    visits = models.PositiveIntegerField(_("số lượt tiếp"), default=0)
    people = models.PositiveIntegerField(_("số người"), default=0)
    matters = models.PositiveIntegerField(_("số vụ việc"), default=0)
    answered_on_the_spot = models.PositiveIntegerField(_("số vụ việc trả lời trực tiếp"), default=0)
    letters = models.ManyToManyField(
        Petition, verbose_name=_("đơn phát sinh"), blank=True, related_name="reception_sessions"
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("buổi tiếp công dân")
        verbose_name_plural = _("buổi tiếp công dân")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on_the_spot__lte=models.F("matters")),
                name="reception_answered_within_matters",
            ),
        ]

    def __str__(self):
        return f"Tiếp công dân ngày {self.held_on:%d/%m/%Y}"


class ReceptionSchedule(models.Model):
    """The agency's published reception schedule (lịch tiếp công dân), shown on the public page."""

    organization = models.OneToOneField(
        "orgs.Organization", on_delete=models.CASCADE, related_name="reception_schedule"
    )
    text = models.TextField(_("lịch tiếp công dân"), max_length=4000)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lịch tiếp công dân")
        verbose_name_plural = _("lịch tiếp công dân")

    def __str__(self):
        return f"Lịch tiếp công dân — {self.organization}"
