"""Vietnamese number and date formats (LEGAL.md §7): 41.250.000 đồng, 12,5%, ngày 09 tháng 11 năm 2020."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def number(value, decimals=None):
    """14193000 -> '14.193.000'; 12.5 -> '12,5'."""
    if value is None:
        return ""
    if decimals is not None:
        value = round(Decimal(str(value)), decimals)
    return format_decimal(value, locale="vi_VN", group_separator=True)


def money(value, unit="đồng"):
    return f"{number(value)} {unit}" if value is not None else ""


def percent(value, decimals=1):
    """12.5 -> '12,5%'; 100 -> '100%' (value is already a percentage)."""
    if value is None:
        return ""
    value = round(Decimal(str(value)), decimals)
    if value == value.to_integral():
        value = value.to_integral()
    return f"{number(value)}%"


def count(value):
    """Counts below 10 written with a leading zero, as reports do: 3 -> '03', 15 -> '15', 0 -> '0'."""
    if value is None:
        return ""
    value = int(value)
    return f"{value:02d}" if 0 < value < 10 else number(value)


# "01" … "31": the busy lists write two dates a row, and a table is a third of the cost of
# formatting each number with a "02d" spec (docs/benchmarks.md, fifth round).
_TWO_DIGITS = tuple(f"{i:02d}" for i in range(32))


def short_date(day):
    """09/03/2020: day and month in two digits, then the year."""
    return f"{_TWO_DIGITS[day.day]}/{_TWO_DIGITS[day.month]}/{day.year}" if day else ""


def long_date(day):
    """'ngày 09 tháng 11 năm 2020': leading zero for days below 10 and for months 1 and 2 only."""
    if not day:
        return ""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(place, day: datetime.date):
    return f"{place}, {long_date(day)}" if place else long_date(day).capitalize()


_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
_THOUSANDS_DECIMAL = re.compile(r"^\d{1,3}(\.\d{3})*,\d+$")
_UNITS = ("vnđ", "vnd", "đồng", "đ", "%")


def parse_number(text):
    """A number as Vietnamese write it: '41.250.000' -> 41250000; '12,5' -> 12.5;
    '1.234,5' -> 1234.5; '-3' -> -3; '41.250.000 đồng', '12,5%' keep their number; '' -> None.

    A dot only separates thousands, so '12.5' is refused rather than guessed (it could be 12,5 or
    a mistyped 12.500). Raises ValidationError with a message the user can act on."""
    raw = str(text if text is not None else "").strip()
    cleaned = re.sub(r"\s+", "", raw)  # \s takes the no-break space too
    for unit in _UNITS:
        if cleaned.lower().endswith(unit):
            cleaned = cleaned[: -len(unit)]
            break
    if not cleaned:
        if raw:
            raise ValidationError(_("“%(value)s” không phải là số.") % {"value": raw})
        return None
    negative = cleaned.startswith("-")
    cleaned = cleaned[1:] if negative else cleaned
    if cleaned.isdigit():
        digits = cleaned
    elif _THOUSANDS.match(cleaned):
        digits = cleaned.replace(".", "")
    elif _DECIMAL_COMMA.match(cleaned) or _THOUSANDS_DECIMAL.match(cleaned):
        digits = cleaned.replace(".", "").replace(",", ".")
    elif "." in cleaned and "," not in cleaned:
        raise ValidationError(
            _(
                "“%(value)s”: dấu chấm chỉ dùng để phân cách hàng nghìn (41.250.000); "
                "phần thập phân viết sau dấu phẩy (12,5)."
            )
            % {"value": raw}
        )
    else:
        raise ValidationError(
            _("“%(value)s” không phải là số viết theo kiểu Việt Nam (ví dụ 41.250.000 hoặc 12,5).")
            % {"value": raw}
        )
    try:
        value = Decimal(digits)
    except InvalidOperation:
        raise ValidationError(_("“%(value)s” không phải là số.") % {"value": raw}) from None
    return -value if negative else value
