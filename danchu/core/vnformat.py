"""Vietnamese number and date formats (LEGAL.md §7): 41.250.000 đồng, 12,5%, ngày 09 tháng 11 năm 2020."""

import datetime
from decimal import Decimal

from babel.numbers import format_decimal


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


def short_date(day):
    """15/4/2016 as written in citations: day/month/year without padding except as given."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def long_date(day):
    """'ngày 09 tháng 11 năm 2020': leading zero for days below 10 and for months 1 and 2 only."""
    if not day:
        return ""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(place, day: datetime.date):
    return f"{place}, {long_date(day)}" if place else long_date(day).capitalize()
