"""Who has not answered yet, and reminders."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import transactions
from danchu.orgs import access

from .. import notifications as notices
from ..models import (
    Submission,
    SubmissionStatus,
)
from .requests import MANAGERS_ONLY, _notify

# Completeness


def missing_orgs(request):
    """Targets with no current submission, or whose current one was returned."""
    current = {
        s.organization_id: s.status
        for s in Submission.objects.current().filter(request=request).only("organization_id", "status")
    }
    return [
        t.organization
        for t in request.target_rows.select_related("organization")
        if current.get(t.organization_id) in (None, SubmissionStatus.RETURNED)
    ]


@transactions.action()
def send_reminders(request, *, actor):
    """Remind every agency that has not (validly) answered yet. Returns the number of notices."""
    access.check(actor, "consolidation.manage", request.requesting_org, MANAGERS_ONLY)
    missing = missing_orgs(request)
    if not missing:
        raise ValidationError(_("Tất cả cơ quan đã gửi báo cáo; không có ai cần nhắc."))
    today = timezone.localdate()
    kind = notices.REMINDER_OVERDUE if today > request.deadline else notices.REMINDER
    params = {"ref": request.reference, "deadline": request.deadline.strftime("%d/%m/%Y")}
    sent = _notify(request, missing, actor, kind, params)
    record(
        request,
        AuditAction.OTHER,
        actor,
        organization=request.requesting_org,
        verb=f"nhắc {len(missing)} cơ quan chưa gửi báo cáo",
        changes={"reminded": [None, [o.code for o in missing]]},
    )
    return sent
