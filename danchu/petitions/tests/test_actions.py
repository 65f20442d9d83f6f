"""Every action: what it changes, and the audit row it writes in the same transaction."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danchu.audit.models import AuditAction, AuditEvent
from danchu.petitions import actions
from danchu.petitions.models import EventKind, Kind, Outcome, Petition, ReceptionSession, Status

D = datetime.date


def audit_rows(obj, action=None):
    qs = AuditEvent.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)
    return qs.filter(action=action) if action else qs


def test_register_numbers_per_org_and_year_and_audits(w, new_petition):
    p1 = new_petition(received=D(2026, 1, 5))
    p2 = new_petition(received=D(2026, 2, 5))
    p3 = new_petition(received=D(2025, 12, 30))
    assert (p1.reference, p2.reference, p3.reference) == ("ĐT-2026-0001", "ĐT-2026-0002", "ĐT-2025-0001")
    assert p1.status == Status.RECEIVED and len(p1.tracking_code) == 12
    assert audit_rows(p1, AuditAction.CREATE).count() == 1
    assert p1.events.get().kind == EventKind.REGISTER


def test_register_refuses_anonymous_complaint(w, new_petition):
    with pytest.raises(ValidationError) as exc:
        new_petition(kind=Kind.COMPLAINT, is_anonymous=True)
    assert "tố cáo" in str(exc.value)
    assert not Petition.objects.exists()


def test_register_needs_register_permission(w):
    with pytest.raises(PermissionDenied):
        actions.register(
            w.a,
            actor=w.handler_a,
            kind=Kind.FEEDBACK,
            channel="paper",
            received_on=D(2026, 1, 5),
            subject="x",
            content="y",
            identity={"full_name": "A"},
        )


def test_classify_not_eligible_needs_reason_and_files(w, new_petition):
    p = new_petition(kind=Kind.DENUNCIATION)
    with pytest.raises(ValidationError):
        actions.classify(p, actor=w.clerk_a, outcome=Outcome.FILE, on=D(2026, 3, 3))
    actions.classify(p, actor=w.clerk_a, outcome=Outcome.FILE, reason="Không đủ điều kiện", on=D(2026, 3, 3))
    p.refresh_from_db()
    assert p.status == Status.NOT_ELIGIBLE and p.is_eligible is False and p.finished_on == D(2026, 3, 3)
    assert p.next_due is None
    assert audit_rows(p, AuditAction.TRANSITION).get().reason == "Không đủ điều kiện"


def test_classify_transfer_and_guidance(w, new_petition):
    p = new_petition(kind=Kind.FEEDBACK)
    actions.classify(
        p, actor=w.clerk_a, outcome=Outcome.TRANSFER, transferred_to="UBND huyện", on=D(2026, 3, 3)
    )
    assert p.status == Status.TRANSFERRED and p.transferred_to == "UBND huyện"
    q = new_petition(kind=Kind.FEEDBACK)
    actions.classify(q, actor=w.clerk_a, outcome=Outcome.GUIDANCE, reason="Gửi Tòa án", on=D(2026, 3, 3))
    assert q.status == Status.GUIDANCE_SENT
    assert audit_rows(q, AuditAction.TRANSITION).count() == 1


def test_assign_only_to_a_handler_of_the_org(w, new_petition):
    p = new_petition()
    with pytest.raises(ValidationError):
        actions.assign(p, actor=w.clerk_a, handler=w.staff_a)
    actions.assign(p, actor=w.clerk_a, handler=w.handler_a)
    assert p.handler == w.handler_a
    assert audit_rows(p, AuditAction.UPDATE).get().changes["handler"][1] == w.handler_a.pk


def test_accept_sets_resolution_deadline_and_audits(w, accepted_petition):
    p = accepted_petition()
    assert p.status == Status.ACCEPTED and p.accepted_on == D(2026, 3, 9)
    assert p.resolve_due is not None and p.next_due == p.resolve_due
    assert audit_rows(p, AuditAction.TRANSITION).filter(verb="Thụ lý").exists()


def test_accept_feedback_needs_answer_date(w, new_petition):
    p = new_petition(kind=Kind.FEEDBACK)
    actions.classify(p, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=D(2026, 3, 2))
    actions.assign(p, actor=w.clerk_a, handler=w.handler_a)
    with pytest.raises(ValidationError):
        actions.accept(p, actor=w.handler_a, on=D(2026, 3, 3))
    actions.accept(p, actor=w.handler_a, on=D(2026, 3, 3), answer_due=D(2026, 3, 20))
    assert p.resolve_due == D(2026, 3, 20)


def test_mark_complex_needs_reason_and_audits(w, accepted_petition):
    p = accepted_petition()
    with pytest.raises(ValidationError):
        actions.mark_complex(p, actor=w.handler_a, complex=True)
    actions.mark_complex(p, actor=w.handler_a, complex=True, reason="Xác minh ở 2 địa điểm")
    assert p.is_complex
    assert audit_rows(p, AuditAction.UPDATE).filter(reason="Xác minh ở 2 địa điểm").exists()


def test_extend_complaint_is_refused(w, accepted_petition):
    p = accepted_petition()
    with pytest.raises(ValidationError):
        actions.extend(p, actor=w.handler_a, reason="Cần thêm thời gian")


def test_extend_feedback_sets_new_date(w, accepted_petition):
    p = accepted_petition(kind=Kind.FEEDBACK, accepted=D(2026, 3, 9), answer_due=D(2026, 3, 30))
    actions.extend(p, actor=w.handler_a, reason="Chờ ý kiến", new_due=D(2026, 4, 15))
    assert p.resolve_due == D(2026, 4, 15) and p.extensions == 1
    assert audit_rows(p, AuditAction.UPDATE).filter(reason="Chờ ý kiến").exists()


def test_suspend_and_resume_audit_each_step(w, accepted_petition):
    p = accepted_petition()
    actions.suspend(p, actor=w.handler_a, on=D(2026, 3, 20), reason="Chờ giám định")
    assert p.status == Status.SUSPENDED and p.next_due is None
    actions.resume(p, actor=w.handler_a, on=D(2026, 3, 30))
    assert p.status == Status.ACCEPTED and p.suspended_days == 10
    assert (
        audit_rows(p, AuditAction.TRANSITION)
        .filter(verb__in=["Tạm đình chỉ giải quyết", "Tiếp tục giải quyết"])
        .count()
        == 2
    )


def test_record_verification_adds_a_step_and_an_audit_row(w, accepted_petition):
    p = accepted_petition()
    actions.record_verification(p, actor=w.handler_a, on=D(2026, 3, 12), note="Làm việc với bên bị khiếu nại")
    assert p.events.filter(kind=EventKind.VERIFY).count() == 1
    assert audit_rows(p, AuditAction.OTHER).count() == 1


def test_answer_complaint_needs_a_document_then_close(w, accepted_petition, answer_doc):
    p = accepted_petition()
    with pytest.raises(ValidationError):
        actions.answer(p, actor=w.handler_a, on=D(2026, 4, 1), public_answer="Trả lời")
    actions.answer(p, actor=w.handler_a, on=D(2026, 4, 1), document=answer_doc(), public_answer="Đã trả lời")
    assert p.status == Status.RESOLVED and p.resolved_on_time is True and p.finished_on == D(2026, 4, 1)
    actions.close(p, actor=w.handler_a, on=D(2026, 4, 2))
    assert p.status == Status.CLOSED and p.closed_at is not None
    assert audit_rows(p, AuditAction.TRANSITION).filter(verb="Kết thúc hồ sơ").exists()


def test_answer_refuses_a_document_of_another_agency(w, accepted_petition):
    from danchu.documents.models import Document

    other = Document.objects.create(organization=w.b, kind="CV", number="5", symbol="SB", subject="x")
    with pytest.raises(ValidationError):
        actions.answer(accepted_petition(), actor=w.handler_a, document=other, on=D(2026, 4, 1))


def test_link_duplicate_closes_and_is_detected_by_sender(w, new_petition):
    original = new_petition(received=D(2026, 3, 2))
    copy = new_petition(received=D(2026, 3, 5))
    assert list(actions.possible_duplicates(copy)) == [original]
    actions.link_duplicate(copy, actor=w.clerk_a, original=original, on=D(2026, 3, 6))
    assert copy.duplicate_of == original and copy.status == Status.CLOSED
    assert audit_rows(copy, AuditAction.TRANSITION).filter(verb="Gộp đơn trùng").exists()
    with pytest.raises(ValidationError):
        actions.link_duplicate(new_petition(), actor=w.clerk_a, original=copy)


def test_reception_session_and_schedule_are_audited(w, new_petition):
    p = new_petition()
    s = actions.record_reception(
        w.a,
        actor=w.clerk_a,
        held_on=D(2026, 3, 2),
        official_name="Ông A",
        visits=2,
        people=3,
        matters=2,
        answered_on_the_spot=1,
        letters=[p],
    )
    assert list(s.letters.all()) == [p]
    assert audit_rows(s, AuditAction.CREATE).count() == 1
    with pytest.raises(ValidationError):
        actions.record_reception(
            w.a,
            actor=w.clerk_a,
            held_on=D(2026, 3, 2),
            official_name="Ông A",
            visits=1,
            people=1,
            matters=1,
            answered_on_the_spot=2,
        )
    assert ReceptionSession.objects.count() == 1
    sched = actions.publish_schedule(w.a, actor=w.head_a, text="Thứ Năm hằng tuần")
    assert audit_rows(sched).count() == 1


def test_actions_refuse_the_wrong_state(w, new_petition):
    p = new_petition()
    with pytest.raises(PermissionDenied):
        actions.accept(p, actor=w.head_a, on=D(2026, 3, 3))  # not classified yet
