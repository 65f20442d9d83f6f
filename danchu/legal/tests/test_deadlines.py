import datetime

import pytest

from danchu.legal import deadlines
from danchu.legal.calendar import add_calendar_days, add_working_days
from danchu.legal.deadlines import compute
from danchu.legal.models import CalendarOverride, DeadlineRule, OverrideKind

D = datetime.date
pytestmark = pytest.mark.django_db


def by_step(steps):
    return {s.step: s for s in steps}


def test_complaint_accept_before_1_july_2026_is_10_working_days():
    accept = by_step(compute("complaint", D(2026, 6, 30)))["accept"]
    assert (accept.days, accept.day_kind) == (10, "working")
    assert accept.due == D(2026, 7, 14)
    assert "124/2020" in accept.basis
    assert accept.counted_from == D(2026, 6, 30)


def test_complaint_accept_from_1_july_2026_is_7_working_days():
    accept = by_step(compute("complaint", D(2026, 7, 6)))["accept"]
    assert (accept.days, accept.day_kind, accept.due) == (7, "working", D(2026, 7, 15))
    assert "155/2026" in accept.basis
    assert accept.label == "Thụ lý"


def test_complaint_received_before_tet_skips_the_holiday():
    # Friday 13/02/2026, 10 working days: 23–27/02 and 02–06/03.
    assert by_step(compute("complaint", D(2026, 2, 13)))["accept"].due == D(2026, 3, 6)


def test_resolve_is_omitted_without_acceptance():
    assert [s.step for s in compute("complaint", D(2026, 7, 6))] == ["accept"]
    assert [s.step for s in compute("denunciation", D(2026, 7, 6))] == ["process", "transfer"]


@pytest.mark.parametrize(
    "flags, days, article",
    [
        ({}, 30, "Điều 28"),
        ({"complex": True}, 45, "Điều 28"),
        ({"especially_complex": True}, 45, "Điều 28"),
        ({"remote": True}, 45, "Điều 28"),
        ({"remote": True, "complex": True}, 60, "Điều 28"),
        ({"second": True}, 45, "Điều 37"),
        ({"second": True, "complex": True}, 60, "Điều 37"),
        ({"second": True, "remote": True}, 60, "Điều 37"),
        ({"second": True, "remote": True, "complex": True}, 70, "Điều 37"),
    ],
)
def test_complaint_resolve_periods(flags, days, article):
    accepted = D(2026, 3, 2)
    steps = by_step(compute("complaint", D(2026, 2, 25), accepted=accepted, **flags))
    resolve = steps["resolve"]
    assert (resolve.days, resolve.day_kind, resolve.counted_from) == (days, "calendar", accepted)
    assert article in resolve.basis
    assert resolve.due == add_calendar_days(accepted, days)
    send = steps["send_decision"]
    assert (send.days, send.day_kind, send.counted_from) == (3, "working", resolve.due)
    assert send.due == add_working_days(resolve.due, 3)


def test_complaint_resolve_ending_on_a_weekend_moves_to_monday():
    # Accepted 12/06/2026 + 30 days = Sunday 12/07 -> Monday 13/07.
    resolve = by_step(compute("complaint", D(2026, 6, 1), accepted=D(2026, 6, 12)))["resolve"]
    assert resolve.due == D(2026, 7, 13)


def test_denunciation_process_and_transfer():
    steps = by_step(compute("denunciation", D(2026, 2, 13)))
    assert (steps["process"].days, steps["process"].due) == (7, D(2026, 3, 3))
    assert "Điều 24 khoản 1" in steps["process"].basis
    assert (steps["transfer"].days, steps["transfer"].due) == (5, D(2026, 2, 27))
    assert "Điều 24 khoản 2" in steps["transfer"].basis


def test_denunciation_verified_at_several_places_gets_10_working_days():
    process = by_step(compute("denunciation", D(2026, 7, 6), several_places=True))["process"]
    assert (process.days, process.due) == (10, D(2026, 7, 20))


def test_denunciation_resolve_and_extensions_are_sequential():
    accepted = D(2026, 7, 1)
    plain = by_step(compute("denunciation", D(2026, 6, 20), accepted=accepted))
    assert plain["resolve"].due == D(2026, 7, 31) and "extension_1" not in plain
    complex_ = by_step(compute("denunciation", D(2026, 6, 20), accepted=accepted, complex=True))
    assert complex_["extension_1"].counted_from == D(2026, 7, 31)
    assert complex_["extension_1"].due == add_calendar_days(D(2026, 7, 31), 30)
    assert "extension_2" not in complex_
    special = by_step(compute("denunciation", D(2026, 6, 20), accepted=accepted, especially_complex=True))
    ext1, ext2 = special["extension_1"], special["extension_2"]
    assert ext2.counted_from == ext1.due
    assert ext2.due == add_calendar_days(ext1.due, 30)
    assert all(s.days == 30 and s.day_kind == "calendar" for s in (ext1, ext2))


@pytest.mark.parametrize("kind", ["letter", "feedback"])
def test_letter_and_feedback_processing_is_10_working_days_to_check(kind):
    (step,) = compute(kind, D(2026, 7, 6))
    assert (step.step, step.days, step.day_kind, step.due) == ("process", 10, "working", D(2026, 7, 20))
    assert "05/2021/TT-TTCP" in step.basis and "cần kiểm tra" in step.basis
    assert step.needs_check


def test_every_rule_of_the_table_is_loaded():
    rules = {
        (r.kind, r.step, r.variant, r.applies_from): (r.days, r.day_kind) for r in DeadlineRule.objects.all()
    }
    expected = {
        ("complaint", "accept", "normal", D(2012, 7, 1)): (10, "working"),
        ("complaint", "accept", "normal", D(2026, 7, 1)): (7, "working"),
        ("complaint", "resolve", "normal", D(2012, 7, 1)): (30, "calendar"),
        ("complaint", "resolve", "complex", D(2012, 7, 1)): (45, "calendar"),
        ("complaint", "resolve", "remote", D(2012, 7, 1)): (45, "calendar"),
        ("complaint", "resolve", "remote_complex", D(2012, 7, 1)): (60, "calendar"),
        ("complaint", "resolve", "second", D(2012, 7, 1)): (45, "calendar"),
        ("complaint", "resolve", "second_complex", D(2012, 7, 1)): (60, "calendar"),
        ("complaint", "resolve", "second_remote", D(2012, 7, 1)): (60, "calendar"),
        ("complaint", "resolve", "second_remote_complex", D(2012, 7, 1)): (70, "calendar"),
        ("complaint", "send_decision", "normal", D(2012, 7, 1)): (3, "working"),
        ("denunciation", "process", "normal", D(2019, 1, 1)): (7, "working"),
        ("denunciation", "process", "several_places", D(2019, 1, 1)): (10, "working"),
        ("denunciation", "transfer", "normal", D(2019, 1, 1)): (5, "working"),
        ("denunciation", "resolve", "normal", D(2019, 1, 1)): (30, "calendar"),
        ("denunciation", "extension_1", "complex", D(2019, 1, 1)): (30, "calendar"),
        ("denunciation", "extension_2", "especially_complex", D(2019, 1, 1)): (30, "calendar"),
        ("letter", "process", "normal", D(2014, 12, 15)): (10, "working"),
        ("letter", "process", "normal", D(2021, 10, 1)): (10, "working"),
        ("feedback", "process", "normal", D(2014, 12, 15)): (10, "working"),
        ("feedback", "process", "normal", D(2021, 10, 1)): (10, "working"),
    }
    assert rules == expected


def test_rule_corrected_by_an_administrator_applies_at_once():
    rule = DeadlineRule.objects.get(kind="letter", step="process", applies_to=None)
    assert compute("letter", D(2026, 7, 6))[0].days == 10
    rule.days = 15
    rule.save()
    assert compute("letter", D(2026, 7, 6))[0].days == 15


def test_override_added_by_an_admin_changes_the_due_date(world):
    assert by_step(compute("complaint", D(2026, 7, 6)))["accept"].due == D(2026, 7, 15)
    CalendarOverride.objects.create(
        date=D(2026, 7, 10), kind=OverrideKind.DAY_OFF, name="Nghỉ đột xuất", created_by=world.admin
    )
    assert by_step(compute("complaint", D(2026, 7, 6)))["accept"].due == D(2026, 7, 16)


def test_no_rule_before_the_law_applies():
    assert compute("denunciation", D(2018, 12, 31)) == []


@pytest.mark.parametrize("kind", ["khieu_nai", "", None, "Complaint"])
def test_unknown_kind_is_refused_in_vietnamese(kind):
    with pytest.raises(ValueError, match="Loại đơn không hợp lệ"):
        compute(kind, D(2026, 7, 6))


def test_acceptance_before_receipt_is_refused():
    with pytest.raises(ValueError, match="Ngày thụ lý không được trước ngày nhận đơn"):
        compute("complaint", D(2026, 7, 6), accepted=D(2026, 7, 5))


def test_deadlines_for_a_thousand_letters_run_a_constant_number_of_queries(django_assert_max_num_queries):
    start = D(2025, 1, 1)
    with django_assert_max_num_queries(6):  # rules once, overrides once per year touched
        for offset in range(1000):
            received = start + datetime.timedelta(days=offset)
            compute("complaint", received, accepted=received + datetime.timedelta(days=5), complex=True)
            compute("denunciation", received, accepted=received, especially_complex=True)


def test_steps_serialise_to_json_friendly_dicts():
    data = compute("complaint", D(2026, 7, 6))[0].as_dict()
    assert data["due"] == "2026-07-15" and data["counted_from"] == "2026-07-06"
    assert deadlines.DeadlineStep.__dataclass_fields__.keys() >= {
        "step",
        "due",
        "days",
        "day_kind",
        "basis",
        "counted_from",
        "label",
    }


def test_shipped_rules_match_the_loaded_rules():
    fields = (
        "kind",
        "step",
        "variant",
        "days",
        "day_kind",
        "counted_from",
        "basis",
        "applies_from",
        "applies_to",
    )
    shipped = sorted(tuple(getattr(r, f) for f in fields) for r in deadlines._shipped_rules())
    loaded = sorted(DeadlineRule.objects.values_list(*fields))
    assert shipped == loaded
