"""Stale-edit detection: an edit form carries the version of the record as it was opened; the
action compares it, under the row lock, with what is stored now, and refuses to overwrite a change
made meanwhile by someone else (issue 14, item 9).

The version is a fingerprint of the stored values (SHA-256 of their JSON), so a model needs no
version column: `version_of(instance)` covers its concrete fields and many-to-many values, and
`text_version(text)` a single text (a report section). The documents registry keeps its integer
`version` column and raises `StaleDocument`, a `StaleEdit` too.

The rule, the same everywhere:

- the action locks the stored row (`select_for_update`) before comparing, so two requests racing
  cannot both pass the check;
- a form posted with a version that is not the stored one (or with none) is refused with
  `StaleEdit`, unless what the user typed equals what is stored (nothing would be lost);
- the page shows what differs (field, stored value, the user's value), keeps what the user typed
  and carries the stored version, so a second save, made knowingly, overwrites;
- an action called without `expected_version` (imports, commands, the demo, the API, which read
  and write in one transaction and never show a form) is not checked.
"""

import datetime
import decimal
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import vnformat

VERSION_FIELD = "opened_version"
SKIP_FIELDS = ("id", "uuid")


def fingerprint(data):
    """A short, stable hash of JSON-able `data` (keys sorted)."""
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _value(instance, field):
    if field.many_to_many:
        if instance.pk is None:
            return []
        return sorted(str(pk) for pk in getattr(instance, field.name).values_list("pk", flat=True))
    if field.is_relation:
        return getattr(instance, field.attname)
    value = field.value_from_object(instance)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time, decimal.Decimal)):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return value


def _fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in SKIP_FIELDS] + list(
        model._meta.many_to_many
    )


def version_of(instance):
    """The version of a stored record: a fingerprint of its concrete and many-to-many values."""
    return fingerprint({f.name: _value(instance, f) for f in _fields(type(instance))})


def text_version(text):
    """The version of a stored text (line endings and outer blanks do not count)."""
    return fingerprint(normalize_text(text))


def normalize_text(text):
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def shown(instance, field, value=None, *, mine=None):
    """A value as the page shows it: choice labels, Có/Không, names of related records, dd/mm/yyyy."""
    if field.many_to_many:
        items = mine if mine is not None else (getattr(instance, field.name).all() if instance.pk else [])
        return ", ".join(sorted(str(o) for o in items))
    if field.is_relation:
        related = getattr(instance, field.name, None)
        return str(related) if related is not None else ""
    value = field.value_from_object(instance)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return str(_("Có") if value else _("Không"))
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return vnformat.short_date(value)
    if isinstance(value, int):
        return vnformat.number(value)
    return str(value)


def record_differences(stored, mine, m2m=None):
    """[(label, stored value, the user's value)] for the fields where `mine` (the instance as the
    user filled it, with `m2m` its many-to-many values) differs from `stored`."""
    rows = []
    for field in _fields(type(stored)):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        if field.many_to_many:
            if m2m is None or field.name not in m2m:
                continue
            theirs, yours = shown(stored, field), shown(mine, field, mine=m2m[field.name])
        else:
            theirs, yours = shown(stored, field), shown(mine, field)
        if theirs != yours:
            rows.append((capfirst(str(field.verbose_name)), theirs, yours))
    return rows


class StaleEdit(ValidationError):
    """Someone else saved the record after the user opened it.

    `current` is the stored record, `rows` what differs [(label, stored, yours)], `versions` the
    stored version(s) a form carries so that a second save, made knowingly, overwrites."""

    def __init__(self, current, rows, versions=None, message=None):
        self.current = current
        self.rows = rows
        self.versions = versions if versions is not None else {}
        super().__init__(
            message
            or _(
                "Bản ghi này vừa được người khác sửa sau khi bạn mở trang, nên chưa lưu gì. Những gì "
                "bạn nhập vẫn được giữ nguyên bên dưới; hãy xem bảng so sánh, điều chỉnh nếu cần rồi "
                "bấm Lưu lần nữa để ghi đè."
            ),
            code="stale",
        )


def check_record(stored, expected, mine, m2m=None):
    """Raise StaleEdit when `expected` (the version the form carried; "" when it carried none) is
    not the version of `stored` (locked by the caller) and `mine` differs from it.
    `expected=None` means no form was shown: nothing to check."""
    if expected is None:
        return
    current = version_of(stored)
    if str(expected) == current:
        return
    rows = record_differences(stored, mine, m2m)
    if rows:
        raise StaleEdit(stored, rows, {VERSION_FIELD: current})


def check_values(subject, expected, stored, mine, labels, show=str):
    """The same rule for values that are not the fields of one record (who is present at a
    conference): `stored` and `mine` are {key: value}, the version is `fingerprint(stored)`,
    `labels` names each key and `show` writes a value as the page does. `subject` is the record
    they belong to, locked by the caller. `expected=None` means no form was shown."""
    if expected is None:
        return
    current = fingerprint(stored)
    if str(expected) == current:
        return
    rows = [
        (str(labels.get(key, key)), str(show(stored.get(key))), str(show(mine.get(key))))
        for key in sorted(set(stored) | set(mine), key=lambda k: (str(labels.get(k, k)), str(k)))
        if stored.get(key) != mine.get(key)
    ]
    if rows:
        raise StaleEdit(subject, rows, {VERSION_FIELD: current})
