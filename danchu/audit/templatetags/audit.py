import datetime
import decimal

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.audit.trail import history_for
from danchu.core import vnformat

register = template.Library()

# Labels for the fields many models share and leave without a verbose_name (Django would show
# "created by"), and for the keys that actions record beside the model's fields.
GENERIC_LABELS = {
    "uuid": _("mã định danh"),
    "created_at": _("thời điểm tạo"),
    "created_by": _("người tạo"),
    "updated_at": _("thời điểm sửa"),
    "updated_by": _("người sửa"),
    "deleted_at": _("thời điểm xóa"),
    "version": _("phiên bản"),
    "is_current": _("bản hiện hành"),
    "is_active": _("đang dùng"),
    "reviewed_at": _("thời điểm xét duyệt"),
    "reviewed_by": _("người xét duyệt"),
    "self_submitted_at": _("thời điểm gửi tự chấm"),
    "scored_at": _("thời điểm chấm"),
    "uploaded_at": _("thời điểm tải lên"),
    "original_name": _("tên tệp gốc"),
    "content_type": _("loại tệp"),
    "size": _("dung lượng"),
    "message": _("nội dung"),
    "emailed": _("đã gửi thư điện tử"),
    "read_at": _("thời điểm đọc"),
    "order": _("thứ tự"),
    "organization": _("cơ quan, đơn vị"),
    "request": _("yêu cầu báo cáo"),
    "scheme": _("bộ tiêu chí"),
    "criterion": _("tiêu chí"),
    "assessment": _("kết quả chấm điểm"),
    "document": _("văn bản"),
    "source": _("văn bản nguồn"),
    "target": _("văn bản liên quan"),
    "disclosure": _("nội dung công khai"),
    "actor": _("người thực hiện"),
    "at": _("thời điểm"),
    "answered_by": _("người trả lời"),
    "assessor": _("người chấm"),
    "author": _("người gửi"),
    "checked_in_at": _("thời điểm điểm danh"),
    "ciphertext": _("dữ liệu mã hóa"),
    "name_ciphertext": _("tên tệp mã hóa"),
    "conference": _("hội nghị"),
    "consultation": _("đợt lấy ý kiến"),
    "digest": _("mã băm"),
    "sha256": _("mã băm SHA-256"),
    "due": _("hạn"),
    "entered_at": _("thời điểm nhập"),
    "entered_by": _("người nhập"),
    "file": _("tệp"),
    "filename": _("tên tệp"),
    "finished_at": _("thời điểm xong"),
    "format": _("định dạng"),
    "formats": _("định dạng"),
    "identity": _("danh tính"),
    "kind": _("loại"),
    "last": _("số cuối đã cấp"),
    "object_id": _("mã bản ghi"),
    "option": _("phương án"),
    "parent": _("mục cha"),
    "period": _("kỳ báo cáo"),
    "person": _("người"),
    "petition": _("đơn thư"),
    "present_at_close": _("số có mặt khi bế mạc"),
    "previous": _("lần gửi trước"),
    "progress": _("tiến độ"),
    "report": _("báo cáo"),
    "requested_by": _("người yêu cầu"),
    "sender_fingerprint": _("dấu nhận dạng người gửi"),
    "sent_by": _("người gửi"),
    "signed_at": _("thời điểm ký"),
    "snapshot": _("bản chốt"),
    "status": _("trạng thái"),
    "submitted_at": _("thời điểm gửi"),
    "submitted_by": _("người gửi"),
    "summoned_count": _("số người được triệu tập"),
    "tally": _("số phiếu"),
    "tracking_code": _("mã tra cứu"),
    "uploaded_by": _("người tải lên"),
    "used": _("đã dùng"),
    "user": _("tài khoản"),
    "vote": _("cuộc biểu quyết"),
    "year": _("năm"),
    "scope": _("phạm vi"),
    "key": _("khóa"),
    "window": _("khoảng thời gian"),
    "count": _("số lần"),
    "sealed": _("phiếu đã niêm phong"),
    "signed_by": _("người ký"),
    "withdrawn_by": _("người hủy chữ ký"),
    "submission": _("lần gửi báo cáo"),
    "token_hash": _("mã băm của mã truy cập"),
    "reminded": _("đã nhắc"),
    "self_scores": _("điểm tự chấm"),
    "assessor_scores": _("điểm thẩm định"),
}
# Stored for the database's own use (an ordering key, a tree path): nothing a person reads.
HIDDEN_FIELDS = {"path", "depth"}


def field_label(model, name):
    """What a person reads for a recorded key: the field's Vietnamese verbose_name; for the
    fields Django names itself ("created by") and for an action's own keys, GENERIC_LABELS;
    "section:overview" is the section of a report."""
    if name.startswith("section:"):
        return _("mục “%(key)s”") % {"key": name.split(":", 1)[1]}
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(GENERIC_LABELS.get(name, name))
    verbose = str(getattr(field, "verbose_name", "") or "")
    if not verbose or verbose == name.replace("_", " "):
        return str(GENERIC_LABELS.get(name, verbose or name))
    return verbose


def is_shown(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return True
    return name not in HIDDEN_FIELDS and not isinstance(field, models.GeneratedField)


# Functions key -> label or None that name the keys of a recorded dict (an app registers its
# own, e.g. reporting names its indicator codes), so the trail never shows a raw code.
KEY_LABELLERS = []


def register_key_labeller(labeller):
    if labeller not in KEY_LABELLERS:
        KEY_LABELLERS.append(labeller)


def key_label(key):
    for labeller in KEY_LABELLERS:
        if (label := labeller(key)) is not None:
            return str(label)
    return key


def _plain_value(value):
    """A value recorded without a field to say how to show it: lists and dicts as text."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_plain_value(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{key_label(k)}: {_plain_value(v)}" for k, v in value.items())
    if isinstance(value, (float, decimal.Decimal)):
        return _number(value)
    return value


def _local_datetime(value):
    try:
        moment = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%d/%m/%Y %H:%M")


def _date(value):
    try:
        return vnformat.short_date(datetime.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return value


def _number(value):
    try:
        return vnformat.number(decimal.Decimal(str(value)))
    except (decimal.InvalidOperation, ValueError, TypeError):
        return value


def _displayer(model, events):
    """A function (field name, stored value) -> what a person reads: choice labels instead of
    codes, the related record instead of its id (one query per related model, not per row),
    dates and times in Vietnamese form and local time, numbers with a decimal comma."""
    fields, wanted = {}, {}
    for event in events:
        for name in event.changes or {}:
            try:
                fields[name] = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            field = fields[name]
            if field.is_relation and field.many_to_one:
                values = event.changes[name]
                ids = wanted.setdefault(field.related_model, set())
                ids.update(v for v in values if v not in (None, "", "***"))
    related = {
        rel_model: rel_model._default_manager.in_bulk([i for i in ids if str(i).isdigit()])
        for rel_model, ids in wanted.items()
    }

    def show(name, value):
        field = fields.get(name)
        if value is None or value == "***":
            return value
        if field is None:
            return _plain_value(value)
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if field.is_relation and field.many_to_one:
            obj = related.get(field.related_model, {}).get(int(value)) if str(value).isdigit() else None
            return str(obj) if obj is not None else value
        if isinstance(field, models.DateTimeField):
            return _local_datetime(value)
        if isinstance(field, models.DateField):
            return _date(value)
        if isinstance(field, (models.DecimalField, models.FloatField)):
            return _number(value)
        return _plain_value(value)

    return show


@register.inclusion_tag("audit/_history.html")
def history(instance):
    """The change history of a record, for its detail page."""
    model = type(instance)
    events = list(history_for(instance)[:200])
    show = _displayer(model, events)
    for event in events:
        event.rows = [
            (field_label(model, k), show(k, v[0]), show(k, v[1]))
            for k, v in (event.changes or {}).items()
            if isinstance(v, list) and len(v) == 2 and is_shown(model, k)
        ]
    return {"events": events}
