"""Report requests and their notices to the agencies."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.trail import record_create
from danchu.core import transactions
from danchu.notifications.actions import notify
from danchu.orgs import access
from danchu.orgs.models import Role, RoleAssignment

from .. import notifications as notices
from .. import targets
from ..models import (
    ReportRequest,
    RequestTarget,
    TargetMode,
)

MANAGERS_ONLY = gettext_lazy("Chỉ cán bộ Sở Nội vụ theo dõi yêu cầu này được làm việc này.")

# Requests


@transactions.action()
def create_request(
    *,
    actor,
    requesting_org,
    reference,
    issued_on,
    title,
    period,
    deadline,
    target_mode=TargetMode.SUBTREE,
    target_root=None,
    chosen=(),
    data_start=None,
    data_end=None,
    document=None,
    note="",
    report_type=None,
    new_period=None,
):
    """Create a request and resolve, on its date, the organisations that must answer.

    Without `period`, `new_period` ({"kind", "year", "part"}) names the period: the existing one
    of that code, else one created here with the default cut-off (orgs.actions.create_period)."""
    access.check(
        actor, "consolidation.manage", requesting_org, _("Chỉ cán bộ Sở Nội vụ được lập yêu cầu báo cáo.")
    )
    if period is None:
        period = _period_for_request(new_period or {}, actor)
    errors = {}
    if not (reference or "").strip():
        errors["reference"] = _("Phải ghi số, ký hiệu văn bản yêu cầu.")
    if deadline is not None and issued_on is not None and deadline < issued_on:
        errors["deadline"] = _("Hạn gửi báo cáo không được trước ngày văn bản yêu cầu.")
    data_start = data_start or period.cutoff_start
    data_end = data_end or period.cutoff_end
    if data_end < data_start:
        errors["data_end"] = _("Ngày chốt số liệu cuối không được trước ngày đầu.")
    if target_mode == TargetMode.SUBTREE and target_root is None:
        errors["target_root"] = _("Chọn cơ quan cấp trên có các cơ quan phải báo cáo.")
    if target_mode == TargetMode.LIST and not chosen:
        errors["chosen"] = _("Chọn ít nhất một cơ quan phải báo cáo.")
    if ReportRequest.objects.filter(
        requesting_org=requesting_org, reference=(reference or "").strip()
    ).exists():
        errors["reference"] = _("Cơ quan đã có yêu cầu báo cáo mang số, ký hiệu này.")
    if errors:
        raise ValidationError(errors)
    found, dropped = targets.resolve(
        mode=target_mode, day=issued_on, root=target_root, chosen=chosen, exclude=requesting_org
    )
    if not found:
        raise ValidationError(
            _("Không có cơ quan nào còn hoạt động vào ngày %(date)s trong phạm vi đã chọn.")
            % {"date": issued_on.strftime("%d/%m/%Y")}
        )
    request = ReportRequest(
        requesting_org=requesting_org,
        reference=reference.strip(),
        issued_on=issued_on,
        title=title.strip(),
        period=period,
        data_start=data_start,
        data_end=data_end,
        deadline=deadline,
        target_mode=target_mode,
        target_root=target_root,
        document=document,
        note=note,
        created_by=actor,
        **({"report_type": report_type} if report_type else {}),
    )
    request.full_clean()
    request.save()
    RequestTarget.objects.bulk_create([RequestTarget(request=request, organization=o) for o in found])
    record_create(
        request,
        actor,
        organization=requesting_org,
        verb=f"gửi yêu cầu báo cáo tới {len(found)} cơ quan",
        reason=("Không còn hoạt động, không có cơ quan kế thừa: " + ", ".join(o.name for o in dropped))
        if dropped
        else "",
    )
    _notify(
        request,
        found,
        actor,
        notices.REQUEST_ISSUED,
        {"ref": request.reference, "title": request.title, "deadline": request.deadline.strftime("%d/%m/%Y")},
    )
    return request


def _period_for_request(spec, actor):
    from danchu.orgs import actions as org_actions
    from danchu.orgs.models import PeriodKind, ReportingPeriod
    from danchu.orgs.periods import period_code

    kind, year, part = spec.get("kind") or PeriodKind.ANNUAL, spec.get("year"), spec.get("part")
    if not year:
        raise ValidationError({"period": _("Chọn kỳ báo cáo, hoặc ghi năm để tạo kỳ mới.")})
    existing = ReportingPeriod.objects.filter(code=period_code(kind, int(year), part)).first()
    if existing is not None:
        return existing
    # The request's own permission (consolidation.manage) covers creating its period.
    return org_actions.create_period(actor=actor, kind=kind, year=year, part=part, authorised=True)


def _agency_users(org_ids):
    by_org = {}
    for a in RoleAssignment.objects.filter(
        organization_id__in=org_ids, role__in=[Role.CLERK, Role.AGENCY_HEAD]
    ).select_related("user"):
        by_org.setdefault(a.organization_id, {})[a.user_id] = a.user
    return by_org


def _notify(request, orgs, actor, kind, params):
    """A notice to each agency's clerks and head (danchu/notifications): in danchu, and an e-mail
    where they have an address, sent once this transaction commits."""
    by_org = _agency_users([o.pk for o in orgs])
    sent = 0
    for org in orgs:
        users = list(by_org.get(org.pk, {}).values())
        if not users:
            continue
        url = reverse("consolidation:agency", kwargs={"uuid": request.uuid, "org": org.uuid})
        sent += len(
            notify(kind, users, params=params, target=request, organization=org, actor=actor, url=url)
        )
    return sent
