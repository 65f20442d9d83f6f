"""Deadlines stored on cases come from danchu.legal.deadlines and move with the case's steps."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from danchu.legal import calendar, deadlines
from danchu.petitions import actions
from danchu.petitions.models import Kind

D = datetime.date


def test_complaint_accept_deadline_skips_tet_2026(w, new_petition):
    p = new_petition(received=D(2026, 2, 10))
    # 10 working days; Tết 2026 (16–20/02 are days off) pushes it from 24/02 to 03/03.
    assert p.accept_due == D(2026, 3, 3) == calendar.add_working_days(D(2026, 2, 10), 10)
    step = p.deadline_steps[0]
    assert (step["step"], step["days"], step["day_kind"]) == ("accept", 10, "working")
    assert "124/2020" in step["basis"]


def test_complaints_from_1_july_2026_have_7_working_days_to_be_accepted(w, new_petition):
    before = new_petition(received=D(2026, 6, 30))
    after = new_petition(received=D(2026, 7, 1))
    assert before.deadline_steps[0]["days"] == 10 and before.accept_due == D(2026, 7, 14)
    assert after.deadline_steps[0]["days"] == 7 and after.accept_due == D(2026, 7, 10)
    assert "155/2026" in after.deadline_steps[0]["basis"]


def test_make_up_saturday_22_08_2026_counts_as_a_working_day(w, new_petition):
    p = new_petition(received=D(2026, 8, 21))
    assert calendar.is_working_day(D(2026, 8, 22))
    assert p.accept_due == calendar.add_working_days(D(2026, 8, 21), 7) == D(2026, 9, 3)


def test_calendar_period_ending_on_a_holiday_ends_next_working_day(w, accepted_petition):
    p = accepted_petition(received=D(2026, 7, 27), accepted=D(2026, 8, 3))
    # 30 days from 03/08 end on 02/09 (National Day): the deadline moves to 03/09.
    assert p.resolve_due == D(2026, 9, 3)
    resolve = next(s for s in p.deadline_steps if s["step"] == "resolve")
    assert resolve["day_kind"] == "calendar" and resolve["days"] == 30


def test_complex_and_remote_complaint_recomputes_resolution(w, accepted_petition):
    p = accepted_petition(received=D(2026, 3, 2), accepted=D(2026, 3, 9))
    normal = p.resolve_due
    actions.mark_complex(p, actor=w.handler_a, complex=True, remote=True, reason="Vùng sâu, nhiều nội dung")
    expected = next(
        s.due
        for s in deadlines.compute(
            "complaint", D(2026, 3, 2), accepted=D(2026, 3, 9), complex=True, remote=True
        )
        if s.step == "resolve"
    )
    assert p.resolve_due == expected > normal
    assert next(s for s in p.deadline_steps if s["step"] == "resolve")["days"] == 60


def test_suspension_moves_the_resolution_deadline_by_the_days_suspended(w, accepted_petition):
    p = accepted_petition(received=D(2026, 3, 2), accepted=D(2026, 3, 9))
    actions.suspend(p, actor=w.handler_a, on=D(2026, 3, 20), reason="Chờ kết quả giám định")
    actions.resume(p, actor=w.handler_a, on=D(2026, 4, 3))
    assert p.suspended_days == 14
    expected = calendar.add_calendar_days(D(2026, 3, 9) + datetime.timedelta(days=14), 30)
    assert p.resolve_due == expected == p.next_due


def test_denunciation_extensions_follow_complexity(w, accepted_petition):
    p = accepted_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2), accepted=D(2026, 3, 9))
    assert p.resolve_due == D(2026, 4, 8)
    with pytest.raises(ValidationError):
        actions.extend(p, actor=w.handler_a, reason="Cần thêm thời gian")  # not complex: no extension
    actions.mark_complex(p, actor=w.handler_a, especially_complex=True, reason="Nhiều địa điểm")
    actions.extend(p, actor=w.handler_a, reason="Gia hạn lần 1")
    assert p.resolve_due == D(2026, 5, 8)
    actions.extend(p, actor=w.handler_a, reason="Gia hạn lần 2")
    assert p.resolve_due == D(2026, 6, 8)
    with pytest.raises(ValidationError):
        actions.extend(p, actor=w.handler_a, reason="Lần 3")


def test_denunciation_processing_deadline_is_7_working_days(w, new_petition):
    p = new_petition(kind=Kind.DENUNCIATION, received=D(2026, 3, 2))
    assert p.accept_due == D(2026, 3, 11)
    assert {s["step"] for s in p.deadline_steps} == {"process", "transfer"}
