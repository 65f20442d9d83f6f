"""A register's list and export columns, its filters and its child lists.

A column is declared by the model field it shows: `"start"` takes its label from the field's
`verbose_name` and its format from the field's type (choices, date, yes/no, number, money for a
`*_vnd` integer); `("start", _("Bắt đầu"))` keeps the format and changes only the label;
`"inspection.ref"` follows a relation (label from the first field, shown as it is). A computed
column is a `Col` written out.
"""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import vnformat


@dataclass
class Col:
    """A list column: label, accessor (dotted attribute path or callable), format."""

    label: str
    accessor: object
    fmt: str = ""  # "", date, money, number, bool, choice
    num: bool = False

    def raw(self, obj):
        if callable(self.accessor):
            return self.accessor(obj)
        value = obj
        for part in self.accessor.split("."):
            if value is None:
                return None
            display = getattr(value, f"get_{part}_display", None)
            if self.fmt == "choice" and display is not None and part == self.accessor.split(".")[-1]:
                return display()
            value = getattr(value, part)
        return value

    def text(self, obj):
        value = self.raw(obj)
        if value is None or value == "":
            return ""
        if self.fmt == "date":
            return vnformat.short_date(value)
        if self.fmt == "money":
            return vnformat.number(value)
        if self.fmt == "number":
            return vnformat.number(value)
        if self.fmt == "bool":
            return _("Có") if value else ""
        return str(value)

    def export(self, obj):
        value = self.raw(obj)
        if self.fmt == "bool":
            return _("có") if value else _("không")
        if isinstance(value, models.Model):
            return str(value)
        if value is None:
            return ""
        if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
            return value
        return str(value)


def field_format(model_field):
    """(fmt, num) of a column showing `model_field` as it is."""
    if model_field.choices:
        return "choice", False
    if isinstance(model_field, models.BooleanField):
        return "bool", False
    if isinstance(model_field, models.DateField) and not isinstance(model_field, models.DateTimeField):
        return "date", False
    if isinstance(model_field, models.IntegerField) and not isinstance(model_field, models.AutoField):
        return ("money" if model_field.name.endswith("_vnd") else "number"), True
    return "", False


def label_of(model, name):
    """The label of a field: its verbose_name with a capital first letter (translated lazily)."""
    return capfirst(model._meta.get_field(name).verbose_name)


def derive_col(model, entry):
    """A `Col` from a declared entry: "field", "field.path", ("field", label) or a `Col`."""
    if isinstance(entry, Col):
        return entry
    name, label = (entry, None) if isinstance(entry, str) else entry
    first = name.split(".")[0]
    fmt, num = ("", False) if "." in name else field_format(model._meta.get_field(first))
    return Col(label if label is not None else label_of(model, first), name, fmt, num)


@dataclass
class Filter:
    """A filter of a list: GET parameter `name`, choices (or a callable(qs, request) giving them),
    and the lookup it applies (a field path, or a callable(qs, value))."""

    name: str
    label: str
    choices: object
    lookup: object

    def options(self, request):
        choices = self.choices(request) if callable(self.choices) else self.choices
        return [(str(v), str(label)) for v, label in choices]

    def apply(self, qs, value):
        if callable(self.lookup):
            return self.lookup(qs, value)
        if value in ("true", "false"):
            return qs.filter(**{self.lookup: value == "true"})
        return qs.filter(**{self.lookup: value})


BOOL_CHOICES = [("true", gettext_lazy("Có")), ("false", gettext_lazy("Không"))]


def year_choices(request=None):
    """Years for a list's year filter: next year back to 2010."""
    return [(str(y), str(y)) for y in range(timezone.localdate().year + 1, 2009, -1)]


@dataclass
class Child:
    """Records of another register shown on a parent's detail page."""

    register: object
    fk: str
    title: str = ""
