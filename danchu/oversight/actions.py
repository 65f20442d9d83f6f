"""Every change to the oversight registers goes through these functions: atomic, validated
(Vietnamese messages), with an audit row in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core.registers import delete_record, save_record
from danchu.orgs import access

from .models import (
    Inspection,
    InspectionSubject,
    Outcome,
    PartyComplaint,
    PartyDisciplineCase,
    PartyOversight,
    Recommendation,
)

CHANGE_INSPECTIONS = "oversight.change_inspections"
CHANGE_PARTY = "oversight.change_party"
REFUSED = gettext_lazy("Bạn không có quyền sửa sổ theo dõi này của cơ quan.")


def save_inspection(inspection: Inspection, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE_INSPECTIONS, inspection, message=REFUSED)
    return save_record(inspection, actor=actor, reason=reason, expected_version=expected_version)


def delete_inspection(inspection: Inspection, *, actor, reason=""):
    access.check_record(actor, CHANGE_INSPECTIONS, inspection, message=REFUSED)
    delete_record(inspection, actor=actor, reason=reason)


def save_subject(subject: InspectionSubject, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE_INSPECTIONS, subject, "inspection__organization", message=REFUSED)
    with transaction.atomic():
        if subject.pk and not subject.in_violation and subject.outcomes.exists():
            raise ValidationError(
                {"in_violation": _("Đối tượng đã có kết quả xử lý: không thể bỏ đánh dấu vi phạm.")}
            )
        return save_record(
            subject,
            actor=actor,
            reason=reason,
            organization=subject.inspection.organization,
            expected_version=expected_version,
        )


def delete_subject(subject: InspectionSubject, *, actor, reason=""):
    access.check_record(actor, CHANGE_INSPECTIONS, subject, "inspection__organization", message=REFUSED)
    delete_record(subject, actor=actor, reason=reason, organization=subject.inspection.organization)


def save_outcome(outcome: Outcome, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(
        actor, CHANGE_INSPECTIONS, outcome, "subject__inspection__organization", message=REFUSED
    )
    return save_record(
        outcome,
        actor=actor,
        reason=reason,
        organization=outcome.subject.inspection.organization,
        expected_version=expected_version,
    )


def delete_outcome(outcome: Outcome, *, actor, reason=""):
    access.check_record(
        actor, CHANGE_INSPECTIONS, outcome, "subject__inspection__organization", message=REFUSED
    )
    delete_record(outcome, actor=actor, reason=reason, organization=outcome.subject.inspection.organization)


def save_recommendation(recommendation: Recommendation, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(
        actor, CHANGE_INSPECTIONS, recommendation, "inspection__organization", message=REFUSED
    )
    return save_record(
        recommendation,
        actor=actor,
        reason=reason,
        organization=recommendation.inspection.organization,
        expected_version=expected_version,
    )


def mark_recommendation_done(recommendation: Recommendation, *, actor, done_on, follow_up=""):
    """Close a recommendation's follow-up on `done_on`."""
    access.check_record(
        actor, CHANGE_INSPECTIONS, recommendation, "inspection__organization", message=REFUSED
    )
    if recommendation.done_on:
        raise ValidationError(_("Kiến nghị này đã được ghi nhận hoàn thành."))
    recommendation.done_on = done_on
    if follow_up:
        recommendation.follow_up = follow_up
    return save_record(
        recommendation,
        actor=actor,
        verb=_("Hoàn thành kiến nghị"),
        organization=recommendation.inspection.organization,
    )


def delete_recommendation(recommendation: Recommendation, *, actor, reason=""):
    access.check_record(
        actor, CHANGE_INSPECTIONS, recommendation, "inspection__organization", message=REFUSED
    )
    delete_record(
        recommendation, actor=actor, reason=reason, organization=recommendation.inspection.organization
    )


def save_party_oversight(item: PartyOversight, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE_PARTY, item, message=REFUSED)
    return save_record(item, actor=actor, reason=reason, expected_version=expected_version)


def delete_party_oversight(item: PartyOversight, *, actor, reason=""):
    access.check_record(actor, CHANGE_PARTY, item, message=REFUSED)
    delete_record(item, actor=actor, reason=reason)


def save_discipline_case(case: PartyDisciplineCase, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE_PARTY, case, message=REFUSED)
    return save_record(case, actor=actor, reason=reason, expected_version=expected_version)


def delete_discipline_case(case: PartyDisciplineCase, *, actor, reason=""):
    access.check_record(actor, CHANGE_PARTY, case, message=REFUSED)
    delete_record(case, actor=actor, reason=reason)


def save_party_complaint(complaint: PartyComplaint, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE_PARTY, complaint, message=REFUSED)
    return save_record(complaint, actor=actor, reason=reason, expected_version=expected_version)


def delete_party_complaint(complaint: PartyComplaint, *, actor, reason=""):
    access.check_record(actor, CHANGE_PARTY, complaint, message=REFUSED)
    delete_record(complaint, actor=actor, reason=reason)
