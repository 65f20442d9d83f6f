import datetime

import pytest

from danchu.audit.trail import snapshot
from danchu.legal import actions, deadlines
from danchu.legal.calendar import add_calendar_days
from danchu.legal.deadlines import compute
from danchu.legal.models import DeadlineRule, OverrideKind

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
    assert "136/2025/QH15" in accept.basis
    assert accept.label == "Thụ lý"


def test_complaint_accept_from_1_july_2026_keeps_the_stricter_unconfirmed_07_days_and_says_so():
    """The decree giving 07 working days (cited as ND 155/2026) is not confirmed: the shorter
    period is kept (it warns early, never late) and the note says so, without an internal marker."""
    accept = by_step(compute("complaint", D(2026, 7, 6)))["accept"]
    assert accept.needs_check
    assert "ngắn hơn" in accept.note and "chưa đối chiếu" in accept.note
    assert "cần kiểm tra" not in accept.basis + accept.note


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
    assert "send_decision" not in steps  # only once the decision is recorded


def test_first_complaint_decision_is_sent_within_03_working_days_of_the_decision():
    """Luật Khiếu nại 2011 Art. 32: 03 working days from the date of the decision, not from the
    resolve deadline. Decision Thursday 08/10/2026: Fri 09, Mon 12, Tue 13/10/2026."""
    steps = by_step(compute("complaint", D(2026, 9, 1), accepted=D(2026, 9, 7), decided=D(2026, 10, 8)))
    send = steps["send_decision"]
    assert (send.days, send.day_kind, send.counted_from) == (3, "working", D(2026, 10, 8))
    assert send.counted_from_kind == "decision"
    assert send.due == D(2026, 10, 13)
    assert "Điều 32" in send.basis
    assert steps["resolve"].due == D(2026, 10, 7)  # the resolve deadline plays no part


def test_first_complaint_decision_before_the_2026_new_year_swap():
    """Decision Wednesday 31/12/2025: 01/01 and Friday 02/01/2026 are off (Công văn
    12729/VPCP-KGVX), Saturday 10/01 is worked. 03 working days: 05, 06, 07/01/2026."""
    send = by_step(compute("complaint", D(2025, 11, 3), accepted=D(2025, 11, 10), decided=D(2025, 12, 31)))[
        "send_decision"
    ]
    assert send.due == D(2026, 1, 7)


def test_second_complaint_decision_is_sent_within_07_calendar_days_art_41():
    """Luật Khiếu nại 2011 Art. 41(1) (pháp điển 18.1.LQ.41): "07 ngày, kể từ ngày có quyết định",
    plain days where Art. 32 says "03 ngày làm việc": calendar days, confirmed. Decision Monday
    05/10/2026 -> Monday 12/10/2026 (not 14/10 as 07 working days would give)."""
    send = by_step(
        compute("complaint", D(2026, 8, 3), accepted=D(2026, 8, 10), second=True, decided=D(2026, 10, 5))
    )["send_decision"]
    assert (send.days, send.day_kind, send.due) == (7, "calendar", D(2026, 10, 12))
    assert "Điều 41 khoản 1" in send.basis and not send.needs_check and not send.note
    assert send.label == "Gửi quyết định giải quyết khiếu nại lần hai"


def test_decision_before_acceptance_is_refused():
    with pytest.raises(ValueError, match="Ngày ban hành quyết định không được trước ngày thụ lý"):
        compute("complaint", D(2026, 7, 6), accepted=D(2026, 7, 10), decided=D(2026, 7, 9))


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


def test_denunciation_resolve_and_extensions_count_from_acceptance():
    accepted = D(2026, 7, 1)
    plain = by_step(compute("denunciation", D(2026, 6, 20), accepted=accepted))
    assert plain["resolve"].due == D(2026, 7, 31) and "extension_1" not in plain
    complex_ = by_step(compute("denunciation", D(2026, 6, 20), accepted=accepted, complex=True))
    assert complex_["extension_1"].counted_from == D(2026, 7, 31)
    # 01/07 + 60 days = Sunday 30/08; 31/08 is off (for 22/08), 01–02/09 National Day -> 03/09.
    assert complex_["extension_1"].due == D(2026, 9, 3)
    assert "extension_2" not in complex_
    special = by_step(compute("denunciation", D(2026, 6, 20), accepted=accepted, especially_complex=True))
    ext1, ext2 = special["extension_1"], special["extension_2"]
    assert ext2.counted_from == D(2026, 8, 30)
    assert all(s.days == 30 and s.day_kind == "calendar" for s in (ext1, ext2))


def test_denunciation_extensions_never_exceed_60_90_days_from_acceptance():
    """Luật Tố cáo 2018 Art. 30: 30 days, one extension of at most 30 (complex), two (especially
    complex): at most 60 / 90 days from acceptance. Only the final day rolls forward; the next
    extension is never chained from a rolled-forward end.

    Accepted Wednesday 29/07/2026: + 30 = Friday 28/08/2026 (no roll). + 60 = Sunday 27/09/2026
    -> Monday 28/09. Chaining from 28/09 would give + 30 = 28/10; from acceptance + 90 =
    Tuesday 27/10/2026."""
    special = by_step(
        compute("denunciation", D(2026, 7, 20), accepted=D(2026, 7, 29), especially_complex=True)
    )
    assert special["resolve"].due == D(2026, 8, 28)
    assert special["extension_1"].due == D(2026, 9, 28)
    assert special["extension_2"].due == D(2026, 10, 27)
    assert special["extension_2"].counted_from == D(2026, 9, 27)


@pytest.mark.parametrize("kind", ["letter", "feedback"])
def test_letter_and_feedback_processing_is_10_working_days_not_yet_confirmed(kind):
    (step,) = compute(kind, D(2026, 7, 6))
    assert (step.step, step.days, step.day_kind, step.due) == ("process", 10, "working", D(2026, 7, 20))
    assert "05/2021/TT-TTCP" in step.basis and "cần kiểm tra" not in step.basis
    assert step.needs_check and step.note


@pytest.mark.parametrize(
    "received, circular",
    [(D(2021, 11, 12), "07/2014/TT-TTCP"), (D(2021, 11, 15), "05/2021/TT-TTCP"), (D(2021, 10, 1), "07/2014")],
)
def test_circular_05_2021_applies_from_its_entry_into_force_15_november_2021(received, circular):
    """Thông tư 05/2021/TT-TTCP was issued 01/10/2021 and is in force from 15/11/2021: letters
    received before that are processed under Thông tư 07/2014/TT-TTCP."""
    (step,) = compute("letter", received)
    assert circular in step.basis


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
        ("complaint", "send_decision", "second", D(2012, 7, 1)): (7, "calendar"),
        ("denunciation", "process", "normal", D(2019, 1, 1)): (7, "working"),
        ("denunciation", "process", "several_places", D(2019, 1, 1)): (10, "working"),
        ("denunciation", "transfer", "normal", D(2019, 1, 1)): (5, "working"),
        ("denunciation", "resolve", "normal", D(2019, 1, 1)): (30, "calendar"),
        ("denunciation", "extension_1", "complex", D(2019, 1, 1)): (30, "calendar"),
        ("denunciation", "extension_2", "especially_complex", D(2019, 1, 1)): (30, "calendar"),
        ("letter", "process", "normal", D(2014, 12, 15)): (10, "working"),
        ("letter", "process", "normal", D(2021, 11, 15)): (10, "working"),
        ("feedback", "process", "normal", D(2014, 12, 15)): (10, "working"),
        ("feedback", "process", "normal", D(2021, 11, 15)): (10, "working"),
    }
    assert rules == expected


def test_rule_corrected_by_an_administrator_applies_at_once(world):
    rule = DeadlineRule.objects.get(kind="letter", step="process", applies_to=None)
    assert compute("letter", D(2026, 7, 6))[0].days == 10
    rule.days = 15
    actions.save_deadline_rule(rule, actor=world.admin, before=snapshot(rule))
    assert compute("letter", D(2026, 7, 6))[0].days == 15


def test_override_added_by_an_admin_changes_the_due_date(world):
    assert by_step(compute("complaint", D(2026, 7, 6)))["accept"].due == D(2026, 7, 15)
    actions.add_calendar_override(
        date=D(2026, 7, 10), kind=OverrideKind.DAY_OFF, name="Nghỉ đột xuất", actor=world.admin
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


def test_no_rule_shows_an_internal_marker():
    """Handlers and printed documents never see '(cần kiểm tra)': an unconfirmed rule carries
    `needs_check` and an honest note instead."""
    for rule in DeadlineRule.objects.all():
        assert "cần kiểm tra" not in rule.basis + rule.public_note
        assert not rule.needs_check or (rule.public_note and rule.review_note)


def test_step_in_a_year_whose_days_off_are_not_announced_is_provisional():
    """Tết 2027 is not announced: a due date in 2027 is marked provisional; 2026 is confirmed."""
    steps = by_step(compute("denunciation", D(2026, 12, 28), accepted=D(2026, 12, 30)))
    assert steps["resolve"].due.year == 2027 and steps["resolve"].provisional
    assert not steps["process"].provisional or steps["process"].due.year == 2027
    assert not by_step(compute("complaint", D(2026, 7, 6)))["accept"].provisional
