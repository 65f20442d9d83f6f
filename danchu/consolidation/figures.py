"""Frozen figures: reading them out of a report's snapshot, parsing hand-entered Vietnamese
numbers, checking them with the agency report's rules, and aggregating them over agencies with
each indicator's own rule (sums; ratios of sums, never averages of ratios)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from danchu.core.jsonsafe import plain
from danchu.reporting.checks import rule_violations
from danchu.reporting.indicators import BY_CODE, GROUPS, INDICATORS
from danchu.reporting.indicators.base import Unit, ratio

RATIO_TOLERANCE = Decimal("0.1")


def from_snapshot(snapshot_values):
    """{code: number} from a ReportSnapshot.values dict (figures not computed are left out)."""
    result = {}
    for code, item in (snapshot_values or {}).get("values", {}).items():
        value = item.get("value") if isinstance(item, dict) else item
        if code in BY_CODE and value is not None:
            result[code] = value
    return result


def grouped_indicators():
    """[(group key, group label, [indicators])] in the registry's order."""
    groups = {}
    for indicator in INDICATORS:
        groups.setdefault(indicator.group, []).append(indicator)
    return [(key, GROUPS.get(key, key), items) for key, items in groups.items()]


plain_value = plain


def check_value(indicator, value):
    """A message if `value` cannot be a value of `indicator`, else None."""
    if value is None:
        return None
    if value < 0:
        return _("Số liệu không được âm.")
    if indicator.unit == Unit.PERCENT and value > 100:
        return _("Tỷ lệ phần trăm không được lớn hơn 100.")
    if indicator.unit in (Unit.COUNT, Unit.MONEY) and value != Decimal(value).to_integral():
        return _("Số đếm và số tiền phải là số nguyên.")
    return None


def violations(values):
    """The agency report's rules applied to one agency's frozen figures, plus every rate checked
    against its parts. A list of {"code", "message"}."""
    found = [{"code": code, "message": message} for code, message in rule_violations(values)]
    for indicator in INDICATORS:
        if not indicator.ratio_of or values.get(indicator.code) is None:
            continue
        num, den = (values.get(c) for c in indicator.ratio_of)
        if num is None or den is None:
            continue
        expected = ratio(num, den)
        given = Decimal(str(values[indicator.code]))
        if expected is None or abs(given - expected) > RATIO_TOLERANCE:
            found.append(
                {
                    "code": indicator.code,
                    "message": _(
                        "%(label)s ghi %(given)s%% nhưng theo các số thành phần "
                        "(%(num_label)s %(num)s / %(den_label)s %(den)s) phải là %(expected)s."
                    )
                    % {
                        "label": indicator.label,
                        "given": plain_str(given),
                        "num_label": BY_CODE[indicator.ratio_of[0]].label,
                        "num": plain_str(num),
                        "den_label": BY_CODE[indicator.ratio_of[1]].label,
                        "den": plain_str(den),
                        "expected": f"{plain_str(expected)}%"
                        if expected is not None
                        else _("không xác định (mẫu số bằng 0)"),
                    },
                }
            )
    return found


def plain_str(value):
    from danchu.core import vnformat

    return vnformat.number(plain(Decimal(str(value))))


def fill_ratios(values):
    """Rates left blank in a data-entry form are computed from their parts."""
    values = dict(values)
    for indicator in INDICATORS:
        if indicator.ratio_of and values.get(indicator.code) is None:
            num, den = (values.get(c) for c in indicator.ratio_of)
            if num is not None and den is not None:
                value = ratio(num, den)
                if value is not None:
                    values[indicator.code] = plain(value)
    return values
