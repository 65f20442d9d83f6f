import datetime

import pytest

from danchu.legal import calendar
from danchu.legal.models import CalendarOverride, OverrideKind

D = datetime.date
pytestmark = pytest.mark.django_db


def test_tet_2026_days_are_not_working_days():
    for day in range(16, 21):
        assert not calendar.is_working_day(D(2026, 2, day))
    assert calendar.is_working_day(D(2026, 2, 13))
    assert calendar.is_working_day(D(2026, 2, 23))


def test_working_days_skip_tet_2026():
    # Received Friday 13/02/2026: the next working day is Monday 23/02 (Tết 16–20, weekends).
    assert calendar.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert calendar.add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    assert calendar.add_working_days(D(2026, 2, 13), 10) == D(2026, 3, 6)


def test_make_up_saturday_counts_and_its_day_off_is_skipped():
    assert calendar.is_working_day(D(2026, 8, 22))  # Saturday made a working day
    assert not calendar.is_working_day(D(2026, 8, 31))  # the Monday off in exchange
    # Friday 21/08 + 1 working day = the make-up Saturday.
    assert calendar.add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 22)
    # Friday 28/08 + 1: 29–30 weekend, 31 off, 01–02/09 National Day -> Thursday 03/09.
    assert calendar.add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 3)


def test_start_day_is_not_counted_even_when_it_is_a_holiday():
    assert calendar.add_working_days(D(2026, 2, 16), 1) == D(2026, 2, 23)
    assert calendar.add_working_days(D(2026, 7, 6), 0) == D(2026, 7, 6)


def test_calendar_period_ending_on_a_weekend_moves_to_next_working_day():
    # 2026-07-01 + 10 days = Saturday 11/07 -> Monday 13/07.
    assert calendar.add_calendar_days(D(2026, 7, 1), 10) == D(2026, 7, 13)
    # Ending on a weekday stays.
    assert calendar.add_calendar_days(D(2026, 7, 1), 9) == D(2026, 7, 10)


def test_calendar_period_ending_on_a_holiday_moves_past_it():
    # 2026-08-02 + 30 days = Tuesday 01/09 (National Day, and 02/09) -> Thursday 03/09.
    assert calendar.add_calendar_days(D(2026, 8, 2), 30) == D(2026, 9, 3)
    # Ending on Tết 2026 (17/02) -> Monday 23/02.
    assert calendar.add_calendar_days(D(2026, 1, 18), 30) == D(2026, 2, 23)


def test_working_days_between_is_the_inverse_of_add():
    start = D(2026, 2, 10)
    for n in (0, 1, 3, 7, 10, 30):
        assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n
    assert calendar.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert calendar.working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == -1


def test_holidays_in_names_each_day():
    days = calendar.holidays_in(2026)
    assert D(2026, 2, 17) in days and "Tết" in days[D(2026, 2, 17)]
    assert D(2026, 8, 31) in days
    assert D(2026, 8, 22) not in days
    assert D(2026, 8, 22) in calendar.working_weekend_days_in(2026)


def test_override_day_off_changes_results(world):
    friday = D(2026, 7, 10)
    assert calendar.add_working_days(D(2026, 7, 9), 1) == friday
    CalendarOverride.objects.create(
        date=friday, kind=OverrideKind.DAY_OFF, name="Nghỉ bổ sung", created_by=world.admin
    )
    assert not calendar.is_working_day(friday)
    assert calendar.add_working_days(D(2026, 7, 9), 1) == D(2026, 7, 13)
    assert calendar.holidays_in(2026)[friday] == "Nghỉ bổ sung"


def test_override_working_day_wins_over_package_day_off():
    CalendarOverride.objects.create(date=D(2026, 8, 31), kind=OverrideKind.WORKING_DAY, name="Làm việc")
    assert calendar.is_working_day(D(2026, 8, 31))
    assert D(2026, 8, 31) not in calendar.holidays_in(2026)


def test_override_deleted_restores_package_calendar():
    override = CalendarOverride.objects.create(
        date=D(2026, 7, 11), kind=OverrideKind.WORKING_DAY, name="Làm bù"
    )
    assert calendar.is_working_day(D(2026, 7, 11))
    override.delete()
    assert not calendar.is_working_day(D(2026, 7, 11))


def test_year_is_built_with_one_query_then_cached(django_assert_num_queries):
    with django_assert_num_queries(1):
        for offset in range(365):
            calendar.is_working_day(D(2026, 1, 1) + datetime.timedelta(days=offset))
    with django_assert_num_queries(0):
        calendar.add_working_days(D(2026, 3, 1), 100)


def test_datetime_is_refused():
    with pytest.raises(TypeError):
        calendar.is_working_day(datetime.datetime(2026, 1, 1, 8, 0))
