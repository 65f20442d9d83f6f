"""Every change to the document registry goes through one of these functions: atomic, validated
(ValidationError with Vietnamese messages) and writing an audit row in the same transaction."""

import copy
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core import transactions
from danchu.core.stale import StaleEdit
from danchu.orgs import access

from . import refs
from .kinds import DocumentKind
from .models import Attachment, Direction, Document, DocumentRelation, RelationKind, compose_ref
from .uploads import validate_upload

EDITABLE_FIELDS = (
    "direction",
    "kind",
    "number",
    "symbol",
    "is_party",
    "issued_on",
    "effective_on",
    "issuer_org",
    "issuer_name",
    "subject",
    "signer_name",
    "notes",
)
NOT_AUDITED = ("id", "uuid", "updated_at", "created_at", "version", "deleted_at", "search_text")


def _snapshot(doc):
    """What the history shows: the fields people edit, organisations by name rather than id."""
    data = snapshot(doc, exclude=NOT_AUDITED)
    data["organization"] = doc.organization.name if doc.organization_id else None
    data["issuer_org"] = doc.issuer_org.name if doc.issuer_org_id else None
    return data


class StaleDocument(StaleEdit):
    """Someone else saved the document after the user opened it; `current` is what they saved.
    The registry keeps an integer version column; the page builds the table of differences."""

    def __init__(self, current):
        super().__init__(
            current,
            [],
            {"version": str(current.version)},
            message=_(
                "Văn bản này vừa được %(who)s sửa sau khi bạn mở trang. Những gì bạn nhập vẫn được giữ "
                "nguyên bên dưới; hãy xem bản hiện tại, điều chỉnh nếu cần rồi bấm Lưu lần nữa để ghi đè."
            )
            % {"who": _("người khác")},
        )


def _prepare(doc):
    doc.number = (doc.number or "").strip()
    doc.symbol = refs.normalize(doc.symbol or "")[0].strip()
    doc.issuer_name = (doc.issuer_name or "").strip()
    doc.subject = (doc.subject or "").strip()
    if doc.direction == Direction.ISSUED and doc.organization_id:
        if doc.issuer_org_id is None:
            doc.issuer_org = doc.organization
        if not doc.issuer_name:
            doc.issuer_name = doc.issuer_org.name
    elif not doc.issuer_name and doc.issuer_org_id:
        doc.issuer_name = doc.issuer_org.name
    doc.ref = compose_ref(doc.number, doc.symbol, doc.is_party)
    doc.year = doc.issued_on.year if doc.issued_on else None


def _validate(doc):
    errors = {}
    if not doc.number:
        errors["number"] = _("Chưa nhập số văn bản.")
    if not doc.symbol:
        errors["symbol"] = _("Chưa nhập ký hiệu văn bản.")
    if doc.number and doc.symbol:
        try:
            parsed = refs.parse_ref(doc.ref)
        except refs.RefError as exc:
            errors["ref"] = str(exc)
        else:
            if parsed.ref != doc.ref or parsed.is_party != doc.is_party:
                errors["ref"] = _(
                    "Số, ký hiệu “%(ref)s” không đúng dạng: văn bản của Đảng viết 18-KH/ĐU, "
                    "văn bản chính quyền viết 420/KH-STTTT-VP."
                ) % {"ref": doc.ref}
    if doc.kind not in DocumentKind.values:
        errors["kind"] = _("Loại văn bản không hợp lệ.")
    if doc.direction not in Direction.values:
        errors["direction"] = _("Loại sổ không hợp lệ.")
    elif (doc.direction == Direction.EXTERNAL) != (doc.organization_id is None):
        errors["direction"] = _(
            "Văn bản pháp luật dùng chung không thuộc sổ của cơ quan nào; văn bản của cơ quan phải là "
            "văn bản đi hoặc văn bản đến."
        )
    if not doc.subject:
        errors["subject"] = _("Chưa nhập trích yếu.")
    if doc.issued_on and doc.effective_on and doc.effective_on < doc.issued_on:
        errors["effective_on"] = _("Ngày có hiệu lực không được trước ngày ban hành.")
    for field in ("issued_on", "effective_on"):
        value = getattr(doc, field)
        if value is not None and not datetime.date(1900, 1, 1) <= value <= datetime.date(2200, 12, 31):
            errors[field] = _("Ngày không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    duplicate = find_duplicate(doc)
    if duplicate is not None:
        raise ValidationError(
            {
                "ref": _(
                    "Sổ đã có văn bản số, ký hiệu %(ref)s của %(issuer)s năm %(year)s "
                    "(%(subject)s). Số, ký hiệu không được trùng trong cùng một năm của cùng cơ quan ban hành."
                )
                % {
                    "ref": doc.ref,
                    "issuer": doc.issuer_name or _("cùng cơ quan"),
                    "year": doc.year or _("không rõ"),
                    "subject": duplicate.subject[:80],
                }
            },
            code="duplicate",
        )


def find_duplicate(doc):
    """A live document of the same registry with the same number + symbol, issuer and year."""
    qs = Document.objects.alive().filter(ref=doc.ref, issuer_name__iexact=doc.issuer_name)
    qs = (
        qs.filter(organization__isnull=True)
        if doc.organization_id is None
        else qs.filter(organization_id=doc.organization_id)
    )
    qs = qs.filter(year__isnull=True) if doc.year is None else qs.filter(year=doc.year)
    if doc.pk:
        qs = qs.exclude(pk=doc.pk)
    return qs.first()


def _save(doc):
    try:
        with transaction.atomic():
            doc.save()
    except IntegrityError:
        # Two people saved the same number at the same moment: the constraint caught it.
        raise ValidationError(
            {"ref": _("Số, ký hiệu %(ref)s vừa được đăng ký.") % {"ref": doc.ref}}
        ) from None


def _check(actor, organization):
    """The action's own check: who keeps `organization`'s registry (None: the shared legal texts)."""
    from .permissions import can_change_in

    if actor is not access.SYSTEM and not can_change_in(actor, organization):
        raise PermissionDenied(_("Bạn không có quyền sửa sổ văn bản của cơ quan này."))


@transactions.action()
def create_document(*, actor, organization, **fields):
    """Register a document in `organization`'s registry (None: the shared legal texts)."""
    _check(actor, organization)
    return _create_document(actor, organization, fields)


def _create_document(actor, organization, fields):
    """create_document without its permission check, for an action that made its own."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    doc = Document(organization=organization, **fields)
    if organization is None:
        doc.direction = Direction.EXTERNAL
    _prepare(doc)
    _validate(doc)
    _save(doc)
    record(
        doc,
        AuditAction.CREATE,
        actor,
        changes=diff({}, _snapshot(doc)),
        organization=organization,
        verb=_("Vào sổ văn bản"),
    )
    return doc


ANSWER_FIELDS = ("kind", "number", "symbol", "issued_on", "subject", "signer_name")


@transactions.action()
def register_answer_document(petition, *, actor, **fields):
    """Register the answer or decision of `petition` as a document issued by its organisation.

    Open to the registry's keepers and to the handler of that petition for its answer
    (`permissions.can_register_answer`); anyone else gets PermissionDenied."""
    from .permissions import can_register_answer

    if actor is not access.SYSTEM and not can_register_answer(actor, petition):
        raise PermissionDenied(_("Bạn không có quyền vào sổ văn bản trả lời đơn này."))
    unknown = set(fields) - set(ANSWER_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    fields = {**fields, "direction": Direction.ISSUED}
    # Stored text: kept in Vietnamese whatever the interface language.
    fields["notes"] = f"Văn bản trả lời đơn {petition.reference}, người xử lý vào sổ từ hồ sơ đơn."
    return _create_document(actor, petition.organization, fields)


def _would_change(current, fields):
    """Whether saving `fields` over the stored document `current` would change it."""
    mine = copy.copy(current)
    for name, value in fields.items():
        setattr(mine, name, value)
    _prepare(mine)
    return bool(diff(_snapshot(current), _snapshot(mine)))


@transactions.action()
def update_document(doc, *, actor, expected_version=None, **fields):
    """Change a document; `expected_version` is the version the user saw (optimistic locking):
    an edit form posted with another version, or with none (""), is refused with `StaleDocument`
    unless what the user typed equals what is stored (nothing would be lost). None (no form was
    shown: imports, commands) checks nothing."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    current = Document.objects.select_for_update(of=("self",)).select_related("organization").get(pk=doc.pk)
    _check(actor, current.organization)
    if (
        expected_version is not None
        and str(expected_version).strip() != str(current.version)
        and _would_change(current, fields)
    ):
        raise StaleDocument(current)
    if current.deleted_at is not None:
        raise ValidationError(_("Văn bản đã bị xóa; hãy khôi phục trước khi sửa."))
    before = _snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value)
    _prepare(current)
    _validate(current)
    changes = diff(before, _snapshot(current))
    if not changes:
        return current
    current.version += 1
    _save(current)
    record(current, AuditAction.UPDATE, actor, changes=changes, organization=current.organization)
    return current


@transactions.action()
def delete_document(doc, *, actor, reason=""):
    """Soft delete: the document leaves the registry and lists, and can be restored."""
    current = Document.objects.select_for_update().get(pk=doc.pk)
    _check(actor, current.organization)
    if current.deleted_at is not None:
        raise ValidationError(_("Văn bản đã bị xóa trước đó."))
    current.deleted_at = timezone.now()
    current.version += 1
    current.save(update_fields=["deleted_at", "version", "updated_at"])
    record(
        current,
        AuditAction.DELETE,
        actor,
        changes={"deleted_at": [None, current.deleted_at.isoformat()]},
        reason=reason,
        organization=current.organization,
    )
    return current


@transactions.action()
def restore_document(doc, *, actor):
    current = Document.objects.select_for_update().get(pk=doc.pk)
    _check(actor, current.organization)
    if current.deleted_at is None:
        raise ValidationError(_("Văn bản chưa bị xóa."))
    duplicate = find_duplicate(current)
    if duplicate is not None:
        raise ValidationError(
            _("Không khôi phục được: sổ đã có văn bản khác cùng số, ký hiệu %(ref)s trong năm %(year)s.")
            % {"ref": current.ref, "year": current.year or _("không rõ")}
        )
    old = current.deleted_at
    current.deleted_at = None
    current.version += 1
    _save(current)
    record(
        current,
        AuditAction.RESTORE,
        actor,
        changes={"deleted_at": [old.isoformat(), None]},
        organization=current.organization,
    )
    return current


def add_attachment(doc, upload, *, actor):
    """Attach an uploaded file after checking its size and content."""
    _check(actor, doc.organization)
    content_type, name = validate_upload(upload)
    if doc.deleted_at is not None:
        raise ValidationError(_("Văn bản đã bị xóa; không thể đính kèm tệp."))
    attachment = Attachment(
        document=doc, original_name=name, content_type=content_type, size=upload.size, uploaded_by=actor
    )
    attachment.file.save(name, upload, save=False)
    try:
        with transactions.action():
            attachment.save()
            record(
                doc,
                AuditAction.UPDATE,
                actor,
                verb=_("Đính kèm tệp %(name)s") % {"name": name},
                organization=doc.organization,
            )
    except Exception:
        attachment.file.delete(save=False)  # no orphan file when the database refused the row
        raise
    return attachment


@transactions.action()
def remove_attachment(attachment, *, actor):
    doc, name, stored = attachment.document, attachment.original_name, attachment.file.name
    _check(actor, doc.organization)
    storage = attachment.file.storage
    attachment.delete()
    record(
        doc,
        AuditAction.UPDATE,
        actor,
        verb=_("Gỡ tệp đính kèm %(name)s") % {"name": name},
        organization=doc.organization,
    )
    transaction.on_commit(lambda: storage.delete(stored))


@transactions.action()
def add_relation(source, target, kind, *, actor):
    _check(actor, source.organization)
    if kind not in RelationKind.values:
        raise ValidationError({"kind": _("Quan hệ không hợp lệ.")})
    if source.pk == target.pk:
        raise ValidationError({"target": _("Một văn bản không thể liên quan đến chính nó.")})
    if target.deleted_at is not None:
        raise ValidationError({"target": _("Văn bản %(ref)s đã bị xóa.") % {"ref": target.ref}})
    if DocumentRelation.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError({"target": _("Quan hệ này đã có.")})
    relation = DocumentRelation.objects.create(source=source, target=target, kind=kind)
    label = f"{relation.get_kind_display()} {target.ref}"
    record(
        source,
        AuditAction.UPDATE,
        actor,
        verb=_("Thêm quan hệ: %(label)s") % {"label": label},
        organization=source.organization,
    )
    return relation


@transactions.action()
def remove_relation(relation, *, actor):
    source = relation.source
    _check(actor, source.organization)
    label = f"{relation.get_kind_display()} {relation.target.ref}"
    relation.delete()
    record(
        source,
        AuditAction.UPDATE,
        actor,
        verb=_("Bỏ quan hệ: %(label)s") % {"label": label},
        organization=source.organization,
    )
