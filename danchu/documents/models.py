"""The document registry: what an organisation issues or receives, and external legal texts."""

import functools
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from danchu.core import search

from .kinds import DocumentKind


class Direction(models.TextChoices):
    ISSUED = "issued", _("Văn bản đi (cơ quan ban hành)")
    RECEIVED = "received", _("Văn bản đến")
    EXTERNAL = "external", _("Văn bản pháp luật, văn bản cấp trên")


class DocumentQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)

    def external(self):
        return self.filter(organization__isnull=True)

    def matching(self, q):
        """The documents a search for `q` finds, on the registry page and in the API alike: the
        folded text of reference, subject, issuer and symbol (accents and case ignored), or the
        exact number."""
        return self.filter(search.matches(q, Document.SEARCHED_FIELDS, stored="search_text") | Q(number=q))

    def of_subtree(self, org):
        """The registry of `org` and of every unit below it."""
        return self.filter(organization__path__startswith=org.path)

    def issued_between(self, start, end):
        return self.filter(issued_on__gte=start, issued_on__lte=end)


@functools.lru_cache(maxsize=16)
def _kind_labels(language):
    del language  # the key: translated in the active language
    return {value: str(label) for value, label in DocumentKind.choices}


class Document(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("sổ văn bản của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("Để trống với văn bản pháp luật dùng chung."),
    )
    direction = models.CharField(
        _("loại sổ"), max_length=16, choices=Direction.choices, default=Direction.ISSUED
    )
    kind = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentKind.choices)
    number = models.CharField(_("số"), max_length=16, help_text=_("Ví dụ: 420, 02, 18"))
    symbol = models.CharField(
        _("ký hiệu"), max_length=64, help_text=_("Ví dụ: KH-STTTT-VP, KH/ĐU, 2015/NĐ-CP")
    )
    ref = models.CharField(_("số, ký hiệu"), max_length=96, db_index=True, editable=False)
    is_party = models.BooleanField(_("văn bản của Đảng"), default=False)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True, editable=False)
    issuer_org = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan ban hành (trong danchu)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    subject = models.TextField(_("trích yếu"))
    signer_name = models.CharField(_("người ký"), max_length=128, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The registry's searched fields folded (danchu.core.search.fold_fields): SQLite's search reads
    # it with a plain LIKE; set by save() and the bulk generator, never edited.
    search_text = models.TextField(_("nội dung tìm kiếm"), blank=True, default="", editable=False)

    objects = DocumentQuerySet.as_manager()

    SEARCHED_FIELDS = ("ref", "subject", "issuer_name", "symbol")

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            # Number + symbol is unique per issuer per year (LEGAL.md §7), among the live records
            # of one registry (two agencies may both register the same incoming document). The
            # shared legal texts (organization empty) are checked in actions.py.
            models.UniqueConstraint(
                fields=["organization", "issuer_name", "year", "ref"],
                condition=Q(deleted_at__isnull=True),
                name="document_unique_ref_per_issuer_year",
            ),
        ]
        indexes = [models.Index(fields=["organization", "issued_on"], name="document_org_date_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} số {self.ref}"

    def save(self, *args, **kwargs):
        self.ref = compose_ref(self.number, self.symbol, self.is_party)
        self.year = self.issued_on.year if self.issued_on else None
        self.fill_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & {*self.SEARCHED_FIELDS, "number", "is_party"}:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_kind_display(self):
        """The kind's label, as Django's get_kind_display() gives it; from a table translated once
        per language: Django's own hashes and translates all the kinds' labels on every call
        (1–2 ms each; a page listing documents in a dropdown called it hundreds of times)."""
        return _kind_labels(get_language()).get(self.kind, self.kind)

    def fill_search_text(self):
        """Set `search_text` from the searched fields (save() does; bulk inserts call it)."""
        self.search_text = search.fold_fields(*(getattr(self, f) for f in self.SEARCHED_FIELDS))

    @property
    def is_external(self):
        return self.organization_id is None

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def issuer_label(self):
        return self.issuer_name or (self.issuer_org.name if self.issuer_org_id else "")


def compose_ref(number, symbol, is_party):
    """'420' + 'KH-STTTT-VP' -> '420/KH-STTTT-VP'; Party form '18' + 'KH/ĐU' -> '18-KH/ĐU'."""
    from .refs import format_ref

    return format_ref(number, symbol, bool(is_party))


def attachment_path(instance, filename):
    return f"documents/{instance.document.uuid}/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=128)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.original_name


class RelationKind(models.TextChoices):
    IMPLEMENTS = "implements", _("triển khai thực hiện")
    CITES = "cites", _("căn cứ, dẫn chiếu")
    REPLACES = "replaces", _("thay thế")
    AMENDS = "amends", _("sửa đổi, bổ sung")


class DocumentRelation(models.Model):
    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="relations_in")
    kind = models.CharField(_("quan hệ"), max_length=16, choices=RelationKind.choices)

    class Meta:
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="document_relation_unique"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="document_relation_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.source.ref} {self.get_kind_display()} {self.target.ref}"
