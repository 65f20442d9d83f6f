"""Recommendations of the people's inspection board."""

import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import transactions

from .. import rules
from ..models import (
    Recommendation,
)
from .shared import is_board_member, is_staff_of, person_for

# --- recommendations -----------------------------------------------------------------------------


@transactions.action()
def send_recommendation(
    *,
    organization,
    actor,
    addressee,
    subject,
    body,
    anonymous=False,
    from_board=False,
    received_on=None,
    person=None,
):
    """`person` is the sender when the clerk registers a recommendation received on paper."""
    from danchu.legal.calendar import add_calendar_days

    received_on = received_on or timezone.localdate()
    person = person or person_for(actor)
    if not is_staff_of(person, organization, received_on):
        raise ValidationError(_("Chỉ cán bộ, công chức, viên chức của cơ quan gửi kiến nghị tại đây."))
    errors = {}
    if not (subject or "").strip():
        errors["subject"] = _("Vui lòng nhập tiêu đề.")
    if not (body or "").strip():
        errors["body"] = _("Vui lòng nhập nội dung kiến nghị.")
    if from_board:
        if not is_board_member(person, organization, received_on):
            errors["from_board"] = _("Chỉ thành viên Ban Thanh tra nhân dân gửi kiến nghị nhân danh Ban.")
        if anonymous:
            errors["anonymous"] = _("Kiến nghị của Ban Thanh tra nhân dân không gửi ẩn danh.")
        addressee = "head"
    if errors:
        raise ValidationError(errors)
    recommendation = Recommendation.objects.create(
        organization=organization,
        addressee=addressee,
        from_board=from_board,
        subject=subject.strip(),
        body=body.strip(),
        author=None if anonymous else actor,
        tracking_code=secrets.token_hex(5).upper(),
        received_on=received_on,
        due_on=add_calendar_days(received_on, rules.BOARD_ANSWER_DAYS) if from_board else None,
    )
    # An anonymous sender is not named in the trail either.
    record_create(
        recommendation, None if anonymous else actor, verb=_("Gửi kiến nghị"), secret_fields=("author",)
    )
    return recommendation


def may_answer(user, recommendation):
    from danchu.orgs import access

    if recommendation.addressee == "board":
        return is_board_member(person_for(user), recommendation.organization)
    return access.can(user, "participation.answer", recommendation.organization)


@transactions.action()
def answer_recommendation(recommendation, *, actor, answer, answered_on=None):
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if not may_answer(actor, recommendation):
        raise ValidationError(_("Bạn không có thẩm quyền trả lời kiến nghị này."))
    if recommendation.answered_on:
        raise ValidationError(_("Kiến nghị đã được trả lời."))
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Vui lòng nhập nội dung trả lời.")})
    answered_on = answered_on or timezone.localdate()
    if answered_on < recommendation.received_on:
        raise ValidationError({"answered_on": _("Ngày trả lời không thể trước ngày nhận kiến nghị.")})
    before = snapshot(recommendation)
    recommendation.answer, recommendation.answered_on = answer.strip(), answered_on
    recommendation.answered_by = actor
    recommendation.save()
    record(
        recommendation,
        AuditAction.UPDATE,
        actor,
        changes=diff(before, snapshot(recommendation)),
        verb=_("Trả lời kiến nghị"),
        secret_fields=("author",),
    )
    return recommendation
