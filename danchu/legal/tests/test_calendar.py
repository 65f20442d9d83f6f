import datetime

import pytest

from danchu.legal import actions, calendar
from danchu.legal.models import OverrideKind

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
    actions.add_calendar_override(
        date=friday, kind=OverrideKind.DAY_OFF, name="Nghỉ bổ sung", actor=world.admin
    )
    assert not calendar.is_working_day(friday)
    assert calendar.add_working_days(D(2026, 7, 9), 1) == D(2026, 7, 13)
    assert calendar.holidays_in(2026)[friday] == "Nghỉ bổ sung"


def test_override_working_day_wins_over_package_day_off(world):
    actions.add_calendar_override(
        date=D(2026, 8, 31), kind=OverrideKind.WORKING_DAY, name="Làm việc", actor=world.admin
    )
    assert calendar.is_working_day(D(2026, 8, 31))
    assert D(2026, 8, 31) not in calendar.holidays_in(2026)


def test_override_deleted_restores_package_calendar(world):
    override = actions.add_calendar_override(
        date=D(2026, 7, 11), kind=OverrideKind.WORKING_DAY, name="Làm bù", actor=world.admin
    )
    assert calendar.is_working_day(D(2026, 7, 11))
    actions.remove_calendar_override(override, actor=world.admin)
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


def test_2026_new_year_swap_friday_2_january_off_saturday_10_january_worked():
    """Công văn 12729/VPCP-KGVX of 25/12/2025: Friday 02/01/2026 is a day off, Saturday
    10/01/2026 a make-up working day (missing from holidays 0.108, shipped as data)."""
    assert not calendar.is_working_day(D(2026, 1, 2))
    assert calendar.is_working_day(D(2026, 1, 10))
    entries = {e.date: e for e in calendar.year_entries(2026)}
    assert entries[D(2026, 1, 2)].basis == "Công văn số 12729/VPCP-KGVX ngày 25/12/2025"
    assert entries[D(2026, 1, 10)].kind == "working_day"


def test_letter_received_5_january_2026_with_10_working_days_is_due_16_january():
    """Received Monday 05/01/2026, 10 working days: 06–09/01, Saturday 10/01 (make-up day),
    12–16/01 -> Friday 16/01/2026, not 19/01."""
    assert calendar.add_working_days(D(2026, 1, 5), 10) == D(2026, 1, 16)


def test_item_received_on_new_year_eve_counts_from_monday_5_january_2026():
    """Received Wednesday 31/12/2025: 01/01 and 02/01/2026 are off, 03–04 the weekend."""
    assert calendar.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)
    # Received on the day off 02/01: 05–09/01, Saturday 10/01, Monday 12/01 = 7 working days.
    assert calendar.add_working_days(D(2026, 1, 2), 7) == D(2026, 1, 12)


def test_24_november_2026_is_a_working_day_without_an_enactment():
    """'Ngày Văn hóa Việt Nam' (24/11) is a Politburo policy (Nghị quyết 80-NQ/TW) that Nghị
    quyết 30/NQ-CP asks to enact by amending Bộ luật Lao động Art. 112; until then it is not a
    statutory day off. holidays 0.108 lists it; the shipped override keeps it a working day."""
    for year in (2026, 2027, 2028):
        assert calendar.is_working_day(D(year, 11, 24))
        assert D(year, 11, 24) not in calendar.holidays_in(year)
    assert calendar.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 24)


def test_year_without_announced_days_off_is_provisional():
    """Tết 2027 is computed by the package's lunar rule; no announcement is recorded yet."""
    assert not calendar.is_provisional(2026)
    assert calendar.is_provisional(2027)
    assert calendar.provisional_years([2025, 2026, 2027, 2028]) == [2027, 2028]


def test_confirming_a_year_ends_its_provisional_state(world):
    from danchu.legal import actions

    actions.confirm_calendar_year(year=2027, basis="Thông báo số 1/TB-BNV ngày 01/11/2026", actor=world.admin)
    assert not calendar.is_provisional(2027)
