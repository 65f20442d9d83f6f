"""Home-page panels: agencies see the requests awaiting their report, with the deadline;
officers see at a glance how complete their open requests are."""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.notifications.models import Notification
from danchu.orgs import access

from . import provincial
from .models import ReportRequest, RequestTarget, Submission, SubmissionStatus


def home_panels(request):
    user, org = request.user, getattr(request, "org", None)
    panels = []
    # The organisation the user works in (request.org): its figures and its reminders, both.
    own = access.orgs_with(user, "consolidation.submit")
    if org is not None:
        own = own.filter(path__startswith=org.path)
    if own.exists():
        targets = list(
            RequestTarget.objects.filter(organization__in=own.values("pk"))
            .select_related("request", "organization")
            .order_by("request__deadline")
        )
        current = {
            (s.request_id, s.organization_id): s.status
            for s in Submission.objects.current().filter(
                request__in={t.request_id for t in targets}, organization__in=own.values("pk")
            )
        }
        today = timezone.localdate()
        items = []
        for t in targets:
            status = current.get((t.request_id, t.organization_id))
            if status is None or status == SubmissionStatus.RETURNED:
                items.append(
                    {
                        "req": t.request,
                        "org": t.organization,
                        "returned": status == SubmissionStatus.RETURNED,
                        "overdue": today > t.request.deadline,
                    }
                )
        if items:
            unread = (
                Notification.objects.for_user(user)
                .unread()
                .of_kinds("consolidation.")
                .filter(organization__in=own.values("pk"))
                .count()
            )
            panels.append(
                {
                    "title": _("Yêu cầu đang chờ cơ quan báo cáo"),
                    "template": "consolidation/_home_requests.html",
                    "context": {"items": items[:10], "unread": unread},
                    "order": 20,
                }
            )
    managed = access.orgs_with(user, "consolidation.manage")
    if org is not None:
        managed = managed.filter(path__startswith=org.path)
    if managed.exists():
        requests = (
            ReportRequest.objects.filter(requesting_org__in=managed.values("pk"))
            .select_related("period")
            .annotate(
                total=Count("target_rows", distinct=True),
                counted=provincial.counted_targets(),
            )
            .order_by("-issued_on")[:5]
        )
        items = [{"req": r, "total": r.total, "counted": r.counted} for r in requests]
        if items:
            panels.append(
                {
                    "title": _("Tình hình gửi báo cáo"),
                    "template": "consolidation/_home_completeness.html",
                    "context": {"items": items},
                    "order": 20,
                }
            )
    return panels
