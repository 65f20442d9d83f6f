"""What an indicator is: a named figure with a unit, a computation from one register's statistics,
an aggregation over organisations and the records behind it."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from danchu.core import vnformat


class Unit(models.TextChoices):
    COUNT = "count", _("số lượng")
    MONEY = "money", _("đồng")
    PERCENT = "percent", _("%")


class Aggregate(models.TextChoices):
    SUM = "sum", _("tổng")
    RATIO = "ratio", _("tỷ lệ của các tổng")
    MIN = "min", _("nhỏ nhất")
    MAX = "max", _("lớn nhất")


class Origin(models.TextChoices):
    COMPUTED = "computed", _("Tính từ sổ")
    MANUAL = "manual", _("Nhập tay")
    MISSING = "missing", _("Chưa có sổ")


class RegisterMissing(LookupError):
    """A register's statistics module is not installed: its figures cannot be computed."""


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    source: str
    key: str | None = None
    aggregate: str = Aggregate.SUM
    ratio_of: tuple[str, str] | None = None
    sum_of: tuple[str, ...] | None = None
    records_key: str | None = None
    group: str = ""
    definition: str = ""
    frameworks: frozenset = field(default_factory=frozenset)

    def compute(self, stats, values):
        """The value for one organisation from its register's statistics dict (and, for a ratio,
        from the indicators it divides)."""
        if self.ratio_of:
            num, den = (values[c].value for c in self.ratio_of)
            return ratio(num, den)
        if self.sum_of:
            parts = [values[c].value for c in self.sum_of]
            return None if any(p is None for p in parts) else sum(parts)
        value = stats
        for part in self.key.split("."):
            value = value[part]
        return value

    @property
    def is_derived(self):
        return bool(self.ratio_of or self.sum_of)

    def aggregate_values(self, rows):
        """Aggregate over organisations. `rows` is a list of {code: value} dicts, one per organisation;
        a ratio is the ratio of the sums of its parts, never the average of the ratios."""
        if self.aggregate == Aggregate.RATIO:
            num, den = self.ratio_of
            return ratio(
                sum(r[num] for r in rows if r.get(num) is not None),
                sum(r[den] for r in rows if r.get(den) is not None),
            )
        present = [r[self.code] for r in rows if r.get(self.code) is not None]
        if not present:
            return None
        if self.aggregate == Aggregate.MIN:
            return min(present)
        if self.aggregate == Aggregate.MAX:
            return max(present)
        return sum(present)

    def format(self, value):
        if value is None:
            return "—"
        if self.unit == Unit.MONEY:
            return vnformat.money(value)
        if self.unit == Unit.PERCENT:
            return vnformat.percent(value)
        return vnformat.count(value)

    @property
    def drill_key(self):
        return self.records_key or self.key


def ratio(num, den):
    if not den:
        return None
    return round(Decimal(num) * 100 / Decimal(den), 1)


@dataclass
class IndicatorValue:
    code: str
    value: object
    origin: str = Origin.COMPUTED
    reason: str = ""
    computed: object = None

    @property
    def origin_label(self):
        return Origin(self.origin).label

    def as_json(self):
        from danchu.core.jsonsafe import plain

        return {
            "value": plain(self.value),
            "origin": str(self.origin),
            "reason": self.reason,
            "computed": plain(self.computed),
        }

    @classmethod
    def from_json(cls, code, data):
        return cls(code, data["value"], data["origin"], data.get("reason", ""), data.get("computed"))
