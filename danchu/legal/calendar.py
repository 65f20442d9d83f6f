"""The Vietnamese working-day calendar (LEGAL.md §5–6).

Built per year from the `holidays` package (country VN: fixed holidays, Tết by the lunar
calendar, announced bridge days off and the Saturdays made working days in exchange) and the
`CalendarOverride` records an administrator adds for days announced after a release. An
override always wins over the package.

Each year is built once per process (one query for its overrides) and kept; saving or
deleting an override clears the cache of this process, and other processes rebuild a year
after `CACHE_SECONDS` at the latest. A worklist of thousands of cases therefore costs no
query per case.

Counting (Bộ luật Dân sự 2015, Art. 147–148): the day of the event is not counted.
"""

import dataclasses
import datetime
import threading
import time

import holidays as holidays_lib

ONE_DAY = datetime.timedelta(days=1)
CACHE_SECONDS = 300
# No period danchu computes is longer than a few months; this guards against endless loops.
_MAX_SCAN_DAYS = 3 * 366


@dataclasses.dataclass(frozen=True)
class CalendarDay:
    """A day that differs from the ordinary week: for the calendar page."""

    date: datetime.date
    kind: str  # "holiday" (public holiday or day off) or "working_day" (make-up working weekend day)
    name: str
    source: str  # "package" or "override"
    override_id: int | None = None
    basis: str = ""  # the announcing document (number, date) of an override


@dataclasses.dataclass
class _Year:
    days_off: dict  # date -> name
    working_days: dict  # weekend date -> name (make-up working days)
    entries: list  # [CalendarDay], sorted
    loaded_at: float


_cache: dict[int, _Year] = {}
_confirmed = {"years": None, "loaded_at": 0.0}
_lock = threading.Lock()


def clear_cache():
    """Forget every built year (called when an override or a confirmed year is saved or deleted)."""
    with _lock:
        _cache.clear()
        _confirmed["years"] = None


def _package_year(year):
    table = holidays_lib.country_holidays("VN", years=year, language="vi")
    days_off = {day: name for day, name in table.items() if day.year == year}
    working = {}
    for day in getattr(table, "weekend_workdays", ()):
        if day.year == year:
            working[day] = "Ngày làm việc bù"
    # Name each make-up Saturday after the day off it pays for, when the package says so.
    for day, name in days_off.items():
        for made_up in list(working):
            if made_up.strftime("%d/%m/%Y") in name:
                working[made_up] = f"Làm việc bù cho ngày nghỉ {day:%d/%m/%Y}"
    return days_off, working


def _build(year):
    from django.db import DatabaseError

    from .models import CalendarOverride, OverrideKind

    days_off, working = _package_year(year)
    entries = {}
    for day, name in days_off.items():
        entries[day] = CalendarDay(day, "holiday", name, "package")
    for day, name in working.items():
        entries[day] = CalendarDay(day, "working_day", name, "package")
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    try:
        overrides = list(CalendarOverride.objects.filter(date__range=(start, end)).order_by("date"))
    except DatabaseError:  # not migrated yet (e.g. `danchu deadlines` before `danchu migrate`)
        overrides = [
            CalendarOverride(date=day, kind=kind, name=name, basis=basis, basis_date=basis_date)
            for day, kind, name, basis, basis_date in _shipped().OVERRIDES
            if start <= day <= end
        ]
    for override in overrides:
        day = override.date
        basis = override.basis
        if override.basis_date:
            basis = f"{basis} ngày {override.basis_date:%d/%m/%Y}".strip()
        if override.kind == OverrideKind.DAY_OFF:
            working.pop(day, None)
            days_off[day] = override.name
            entries[day] = CalendarDay(day, "holiday", override.name, "override", override.pk, basis)
        else:
            days_off.pop(day, None)
            working[day] = override.name
            entries[day] = CalendarDay(day, "working_day", override.name, "override", override.pk, basis)
    return _Year(days_off, working, [entries[d] for d in sorted(entries)], time.monotonic())


def _shipped():
    """The data migration that ships the announced days (for a database not migrated yet)."""
    import importlib

    return importlib.import_module("danchu.legal.migrations.0004_law_2026_rules_and_calendar")


def _year(year):
    data = _cache.get(year)
    if data is None or time.monotonic() - data.loaded_at > CACHE_SECONDS:
        data = _build(year)
        with _lock:
            _cache[year] = data
    return data


def _as_date(day):
    if isinstance(day, datetime.datetime):
        raise TypeError("a date is expected, not a datetime")
    if not isinstance(day, datetime.date):
        raise TypeError(f"a date is expected, not {type(day).__name__}")
    return day


def is_working_day(day):
    """Monday–Friday that is not a holiday or day off, or a weekend day made a working day."""
    day = _as_date(day)
    data = _year(day.year)
    if day in data.working_days:
        return True
    if day in data.days_off:
        return False
    return day.weekday() < 5


def next_working_day(day):
    """`day` itself if it is a working day, otherwise the first working day after it."""
    day = _as_date(day)
    for _ in range(_MAX_SCAN_DAYS):
        if is_working_day(day):
            return day
        day += ONE_DAY
    raise ValueError("Không tìm thấy ngày làm việc nào trong 3 năm sau ngày đã cho.")


def add_working_days(start, n):
    """The day on which a period of `n` working days starting after `start` ends.

    The start day is not counted (whatever it is); only working days are counted. n = 0 gives
    `start` itself.
    """
    start = _as_date(start)
    if n < 0:
        raise ValueError("Số ngày làm việc phải không âm.")
    day, counted = start, 0
    for _ in range(_MAX_SCAN_DAYS):
        if counted == n:
            return day
        day += ONE_DAY
        if is_working_day(day):
            counted += 1
    raise ValueError("Thời hạn quá dài.")


def add_calendar_days(start, n):
    """A period of `n` days (calendar days) after `start`; when its last day is not a working day
    the period ends at the end of the next working day (Bộ luật Dân sự 2015, Art. 148)."""
    start = _as_date(start)
    if n < 0:
        raise ValueError("Số ngày phải không âm.")
    if n == 0:
        return start
    return next_working_day(start + datetime.timedelta(days=n))


def working_days_between(a, b):
    """Working days in (a, b]: `a` not counted, `b` counted. Negative when b < a.

    working_days_between(d, add_working_days(d, n)) == n.
    """
    a, b = _as_date(a), _as_date(b)
    if b < a:
        return -working_days_between(b, a)
    count, day = 0, a
    while day < b:
        day += ONE_DAY
        if is_working_day(day):
            count += 1
    return count


def holidays_in(year):
    """{date: name} of every public holiday and day off of `year`, overrides applied."""
    return dict(sorted(_year(int(year)).days_off.items()))


def working_weekend_days_in(year):
    """{date: name} of the weekend days made working days in `year`, overrides applied."""
    return dict(sorted(_year(int(year)).working_days.items()))


def year_entries(year):
    """Every day of `year` that differs from the ordinary week, sorted: [CalendarDay]."""
    return list(_year(int(year)).entries)


def _confirmed_years():
    years = _confirmed["years"]
    if years is None or time.monotonic() - _confirmed["loaded_at"] > CACHE_SECONDS:
        from django.db import DatabaseError

        from .models import CalendarYear

        try:
            years = frozenset(CalendarYear.objects.filter(confirmed=True).values_list("year", flat=True))
        except DatabaseError:  # not migrated yet: the years shipped as confirmed
            return frozenset(_shipped().CONFIRMED_YEARS)
        with _lock:
            _confirmed["years"], _confirmed["loaded_at"] = years, time.monotonic()
    return years


def is_provisional(year):
    """True when the days off of `year` have not been confirmed from the government's
    announcement (no confirmed `CalendarYear`): its holidays come from the package's rules only
    (e.g. Tết 2027), so a deadline in that year may still move."""
    return int(year) not in _confirmed_years()


def provisional_years(years):
    """The years among `years` whose calendar is provisional, sorted."""
    return sorted({int(y) for y in years if is_provisional(y)})
