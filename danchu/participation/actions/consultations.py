"""Consultations, comments and their summary."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import transactions
from danchu.legal.frameworks import framework_for

from .. import rules
from ..models import (
    Channel,
    Comment,
    Consultation,
    ConsultationSection,
    Disclosure,
    Phase,
)
from .disclosures import create_disclosure, publish_disclosure
from .shared import is_staff_of, person_for

# --- consultations -----------------------------------------------------------------------------


@transactions.action()
def create_consultation(
    *, organization, actor, title, opens_on, closes_on, description="", sections=(), topic=None
):
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Vui lòng nhập tên dự thảo.")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = _("Hạn cuối nhận ý kiến phải từ ngày bắt đầu trở đi.")
    if errors:
        raise ValidationError(errors)
    consultation = Consultation.objects.create(
        organization=organization,
        title=title.strip(),
        topic=topic,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for order, (section_title, text) in enumerate(sections, start=1):
        if section_title.strip():
            ConsultationSection.objects.create(
                consultation=consultation, order=order, title=section_title.strip(), text=text
            )
    record_create(consultation, actor, verb=_("Tạo đợt lấy ý kiến"))
    return consultation


@transactions.action()
def add_comment(consultation, *, actor, body, section=None, person=None, today=None, at=None):
    today = today or timezone.localdate()
    person = person or person_for(actor)
    phase = consultation.phase(today)
    if phase == Phase.BEFORE:
        raise ValidationError(_("Chưa đến thời gian nhận ý kiến."))
    if phase == Phase.CLOSED:
        raise ValidationError(_("Đã hết thời gian nhận ý kiến."))
    if not is_staff_of(person, consultation.organization, today):
        raise ValidationError(_("Bạn không thuộc đối tượng được lấy ý kiến."))
    if not (body or "").strip():
        raise ValidationError({"body": _("Vui lòng nhập ý kiến.")})
    if section is not None and section.consultation_id != consultation.pk:
        raise ValidationError({"section": _("Phần được góp ý không thuộc dự thảo này.")})
    comment = Comment.objects.create(
        consultation=consultation,
        section=section,
        person=person,
        body=body.strip(),
        created_at=at or timezone.now(),
    )
    record_create(comment, actor, verb=_("Góp ý dự thảo"), organization=consultation.organization)
    return comment


def consultation_result_requirement(framework):
    """The category "summary of staff opinions and how they were taken up" of `framework`."""
    from danchu.legal.models import Requirement

    return Requirement.objects.get(
        framework=framework, area="disclosure", code=rules.CONSULTATION_RESULT_CODE[framework]
    )


@transactions.action()
def publish_consultation_summary(
    consultation, *, actor, summary, uptake, channels=(Channel.INTRANET,), published_on=None, today=None
):
    """After closing, the organiser publishes what staff said and how it was taken up; the
    summary is itself a disclosure (Law 2022 Art. 46(10); ND 04/2015 Art. 7(8))."""
    today = today or timezone.localdate()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.phase(today) != Phase.CLOSED:
        raise ValidationError(_("Chỉ công bố kết quả sau khi đã hết thời gian nhận ý kiến."))
    if Disclosure.objects.filter(consultation=consultation).exists():
        raise ValidationError(_("Kết quả lấy ý kiến đã được công bố."))
    errors = {}
    if not (summary or "").strip():
        errors["summary"] = _("Vui lòng nhập tổng hợp ý kiến.")
    if not (uptake or "").strip():
        errors["uptake"] = _("Vui lòng nêu việc tiếp thu, giải trình.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(consultation)
    consultation.summary, consultation.uptake = summary.strip(), uptake.strip()
    consultation.save(update_fields=["summary", "uptake"])
    record(consultation, AuditAction.UPDATE, actor, changes=diff(before, snapshot(consultation)))
    decided_on = published_on or today
    n = consultation.comments.count()
    disclosure = create_disclosure(
        organization=consultation.organization,
        actor=actor,
        title=_("Kết quả lấy ý kiến: %(title)s") % {"title": consultation.title},
        content=_(
            "Đã nhận %(n)s ý kiến.\n\nTổng hợp ý kiến:\n%(summary)s\n\nViệc tiếp thu, giải trình:\n%(uptake)s"
        )
        % {"n": n, "summary": consultation.summary, "uptake": consultation.uptake},
        requirement=consultation_result_requirement(framework_for(decided_on)),
        decided_on=decided_on,
        channels=list(channels),
        consultation=consultation,
    )
    return publish_disclosure(disclosure, actor=actor, published_on=published_on or decided_on)
