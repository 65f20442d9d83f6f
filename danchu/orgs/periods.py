"""Reporting periods and their default data cut-off.

Nghị định 09/2019/NĐ-CP, Điều 12 (LEGAL.md §8, marked "(check)" there: not confirmed against the
text): the annual report counts from 15/12 of the previous year to 14/12 of the report year; the
six-month report from 15/12 of the previous year to 14/06. The second half-year (15/06–14/12) and
the quarters (15th of the month before the quarter to the 14th of its last month) follow the same
rule by analogy, also (check). A province's request may set its own window.
"""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import PeriodKind

D = datetime.date
CUTOFF_SOURCE = gettext_lazy("Nghị định 09/2019/NĐ-CP, Điều 12 (chưa đối chiếu văn bản)")


def period_code(kind, year, part=None):
    if kind == PeriodKind.ANNUAL:
        return str(year)
    if kind == PeriodKind.HALF_YEAR:
        return f"{year}-H{part}"
    if kind == PeriodKind.QUARTER:
        return f"{year}-Q{part}"
    return f"{year}-{part}" if part else str(year)


def period_name(kind, year, part=None):
    """The stored name of a period, printed in documents: Vietnamese whatever the UI language."""
    with translation.override("vi"):
        return _period_name(kind, year, part)


def _period_name(kind, year, part=None):
    if kind == PeriodKind.ANNUAL:
        return _("Năm %(year)s") % {"year": year}
    if kind == PeriodKind.HALF_YEAR:
        return (_("6 tháng đầu năm %(year)s") if part == 1 else _("6 tháng cuối năm %(year)s")) % {
            "year": year
        }
    if kind == PeriodKind.QUARTER:
        return _("Quý %(q)s năm %(year)s") % {"q": ["I", "II", "III", "IV"][part - 1], "year": year}
    return str(year)


def _last_day(year, month):
    return (D(year + month // 12, month % 12 + 1, 1)) - datetime.timedelta(days=1)


def default_dates(kind, year, part=None):
    """(start, end, cutoff_start, cutoff_end) of a period by the rule above."""
    if kind == PeriodKind.ANNUAL:
        return D(year, 1, 1), D(year, 12, 31), D(year - 1, 12, 15), D(year, 12, 14)
    if kind == PeriodKind.HALF_YEAR:
        if part == 1:
            return D(year, 1, 1), D(year, 6, 30), D(year - 1, 12, 15), D(year, 6, 14)
        return D(year, 7, 1), D(year, 12, 31), D(year, 6, 15), D(year, 12, 14)
    if kind == PeriodKind.QUARTER:
        first = 3 * (part - 1) + 1
        last = first + 2
        before = D(year - 1, 12, 15) if first == 1 else D(year, first - 1, 15)
        return D(year, first, 1), _last_day(year, last), before, D(year, last, 14)
    raise ValueError(kind)


def parts_of(kind):
    return {PeriodKind.HALF_YEAR: (1, 2), PeriodKind.QUARTER: (1, 2, 3, 4)}.get(kind, ())
