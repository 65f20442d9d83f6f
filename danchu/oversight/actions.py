"""Every change to the oversight registers goes through these functions: atomic, validated
(Vietnamese messages), with an audit row in the same transaction."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core import transactions
from danchu.core.registers import record_actions, save_record
from danchu.orgs import access

from .models import InspectionSubject, Recommendation

CHANGE_INSPECTIONS = "oversight.change_inspections"
CHANGE_PARTY = "oversight.change_party"
REFUSED = gettext_lazy("Bạn không có quyền sửa sổ theo dõi này của cơ quan.")

# Each kind's save and delete: the permission check, then core.registers' audited save/delete.
save_inspection, delete_inspection = record_actions(CHANGE_INSPECTIONS, REFUSED)
# save_subject (below) also refuses to unmark a subject with outcomes.
delete_subject = record_actions(CHANGE_INSPECTIONS, REFUSED, "inspection__organization")[1]
save_outcome, delete_outcome = record_actions(
    CHANGE_INSPECTIONS, REFUSED, "subject__inspection__organization"
)
save_recommendation, delete_recommendation = record_actions(
    CHANGE_INSPECTIONS, REFUSED, "inspection__organization"
)
save_party_oversight, delete_party_oversight = record_actions(CHANGE_PARTY, REFUSED)
save_discipline_case, delete_discipline_case = record_actions(CHANGE_PARTY, REFUSED)
save_party_complaint, delete_party_complaint = record_actions(CHANGE_PARTY, REFUSED)


def save_subject(subject: InspectionSubject, *, actor, m2m=None, reason="", expected_version=None):
    access.check_record(actor, CHANGE_INSPECTIONS, subject, "inspection__organization", message=REFUSED)
    with transactions.action():
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
