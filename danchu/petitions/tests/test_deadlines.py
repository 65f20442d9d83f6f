"""Deadlines stored on cases come from danchu.legal.deadlines and move with the case's steps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

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
    assert "136/2025/QH15" in after.deadline_steps[0]["basis"]


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


def test_received_5_january_2026_is_due_16_january_after_the_new_year_swap(w, new_petition):
    """Công văn 12729/VPCP-KGVX: Friday 02/01/2026 off, Saturday 10/01 worked. 10 working days
    from Monday 05/01/2026 end on Friday 16/01/2026 (danchu used to say 19/01)."""
    p = new_petition(kind=Kind.FEEDBACK, received=D(2026, 1, 5))
    assert p.accept_due == D(2026, 1, 16)


def test_complaint_decision_sending_is_tracked_from_the_decision_date(w, accepted_petition, answer_doc):
    """Luật Khiếu nại 2011 Art. 32: the first-complaint decision is sent within 03 working days of
    its date. Decided Wednesday 01/04/2026: Thu 02, Fri 03, Mon 06/04/2026. The case stays on the
    worklist with that deadline until the sending is recorded."""
    p = accepted_petition()
    assert p.send_due is None and "send_decision" not in {s["step"] for s in p.deadline_steps}
    actions.answer(p, actor=w.handler_a, on=D(2026, 4, 1), document=answer_doc())
    p.refresh_from_db()
    assert p.send_due == D(2026, 4, 6) and p.next_due == D(2026, 4, 6)
    send = next(s for s in p.deadline_steps if s["step"] == "send_decision")
    assert send["counted_from"] == "2026-04-01" and send["counted_from_kind"] == "decision"
    from danchu.petitions.models import Petition

    assert list(Petition.objects.decision_to_send()) == [p]
    assert p in Petition.objects.tracked()
    actions.record_decision_sent(p, actor=w.handler_a, on=D(2026, 4, 3))
    p.refresh_from_db()
    assert p.decision_sent_on == D(2026, 4, 3) and p.next_due is None
    assert not Petition.objects.decision_to_send().exists()
    with pytest.raises(PermissionDenied):  # recorded once; the step is no longer offered
        actions.record_decision_sent(p, actor=w.handler_a, on=D(2026, 4, 3))


def test_second_complaint_decision_sending_uses_07_days(w, accepted_petition, answer_doc):
    """Luật Khiếu nại 2011 Art. 41, counted strictly (07 days, not confirmed as working days):
    decided Wednesday 01/04/2026 -> Wednesday 08/04/2026."""
    p = accepted_petition(second_time=True)
    actions.answer(p, actor=w.handler_a, on=D(2026, 4, 1), document=answer_doc())
    p.refresh_from_db()
    assert p.send_due == D(2026, 4, 8)


def test_sending_before_the_decision_is_refused(w, accepted_petition, answer_doc):
    p = accepted_petition()
    actions.answer(p, actor=w.handler_a, on=D(2026, 4, 1), document=answer_doc())
    with pytest.raises(ValidationError, match="không được trước ngày ban hành quyết định"):
        actions.record_decision_sent(p, actor=w.handler_a, on=D(2026, 3, 31))


def test_feedback_answer_has_no_decision_to_send(w, accepted_petition):
    p = accepted_petition(kind=Kind.FEEDBACK)
    actions.answer(p, actor=w.handler_a, on=D(2026, 3, 20), public_answer="Đã trả lời")
    p.refresh_from_db()
    assert p.send_due is None and p.next_due is None
    with pytest.raises(PermissionDenied):
        actions.record_decision_sent(p, actor=w.handler_a, on=D(2026, 3, 20))


def test_anonymous_denunciation_cannot_be_accepted_as_a_denunciation(w, new_petition):
    """Luật Tố cáo 2018 Art. 25(1): information without the denouncer's name and address is not
    handled (thụ lý) as a denunciation; the refusal explains why and names the path Art. 25(2)
    allows (inspection under the agency's own powers, or transfer)."""
    from danchu.petitions.models import Outcome, Status

    p = new_petition(kind=Kind.DENUNCIATION, is_anonymous=True)
    with pytest.raises(ValidationError) as exc:
        actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=p.received_on)
    message = " ".join(exc.value.messages)
    assert "Điều 25" in message and "thanh tra, kiểm tra theo thẩm quyền" in message
    p.refresh_from_db()
    assert p.status == Status.RECEIVED
    # The path the law allows: filed as not a denunciation, then the check is recorded.
    actions.classify(p, actor=w.clerk_a, outcome=Outcome.FILE, reason="Nặc danh (Điều 25)", on=p.received_on)
    actions.record_verification(p, actor=w.head_a, note="Kiểm tra theo thẩm quyền", on=p.received_on)


def test_anonymous_denunciation_already_classified_cannot_be_accepted(w, new_petition):
    from danchu.petitions.models import Petition, Status

    p = new_petition(kind=Kind.DENUNCIATION, is_anonymous=True)
    Petition.objects.filter(pk=p.pk).update(status=Status.CLASSIFIED)  # e.g. data from before the fix
    p.refresh_from_db()
    actions.assign(p, actor=w.clerk_a, handler=w.handler_a, on=p.received_on)
    with pytest.raises(ValidationError, match="Luật Tố cáo 2018, Điều 25"):
        actions.accept(p, actor=w.handler_a, on=p.received_on)
