"""Petition statistics for one organisation's subtree and one period, for the annual report.

`petition_stats(org, start, end)` returns a dict computed in two queries (one aggregate over
petitions, one over reception sessions), whatever the data size. Duplicates (linked to an
original) are never counted. Keys (all counts unless said otherwise):

Citizen reception (sessions held from `start` to `end`):
    reception_sessions, reception_visits, reception_people, reception_matters,
    reception_answered_on_the_spot

Letters; "the period's letters" are those received in the period plus those carried over:
    letters_received        received from `start` to `end`
    channel_<channel>       received, by channel: channel_web, channel_paper, channel_reception,
                            channel_phone, channel_email, channel_transferred
    by_channel              the same as a dict {channel: count}
    carried_over            received before `start` and not finished before `start`
    eligible                the period's letters classified eligible (accepted for handling)
    not_eligible            the period's letters classified not eligible and filed
    transferred             the period's letters transferred to the competent body
    guidance_sent           the period's letters answered with guidance
    accepted                accepted for handling (thụ lý) in the period
    answered                answered / resolved in the period (a written answer or decision)
    resolved_on_time        answered in the period on or before their resolution deadline
    in_progress             the period's letters not finished at the end of the period
    overdue                 in progress at the end of the period (or today, if earlier) and past
                            their current deadline (acceptance, or resolution once accepted)

The same per kind, with the prefixes complaints_, denunciations_, feedback_ (e.g.
complaints_received, complaints_answered, complaints_in_progress, denunciations_not_eligible,
feedback_answered, feedback_not_eligible, ...).

Resolution rate (the seed's "tỷ lệ giải quyết đơn thư khiếu nại, tố cáo"):
    resolution_base         complaints and denunciations accepted for handling whose resolution
                            deadline fell inside the period
    resolution_resolved     those of them resolved by the end of the period
    resolution_rate_pct     100 × resolution_resolved / resolution_base (None when the base is 0).
Cases still in progress whose deadline falls after the period are not in the base: this is why a
report can say 100% with cases still being handled.
"""

import datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Channel, Kind, Outcome, Petition, ReceptionSession

RATE_DEFINITION = _(
    "Tỷ lệ giải quyết = số đơn khiếu nại, tố cáo đã thụ lý có hạn giải quyết rơi vào kỳ báo cáo "
    "và đã được giải quyết đến hết kỳ, chia cho tổng số đơn khiếu nại, tố cáo đã thụ lý có hạn "
    "giải quyết rơi vào kỳ. Đơn đang giải quyết mà hạn còn sau kỳ không tính vào mẫu số."
)

KIND_PREFIX = {Kind.COMPLAINT: "complaints", Kind.DENUNCIATION: "denunciations", Kind.FEEDBACK: "feedback"}
RECEPTION_KEYS = {
    "reception_sessions": None,
    "reception_visits": "visits",
    "reception_people": "people",
    "reception_matters": "matters",
    "reception_answered_on_the_spot": "answered_on_the_spot",
}
LABELS = {
    "reception_sessions": _("Số buổi tiếp công dân"),
    "reception_visits": _("Số lượt tiếp công dân"),
    "reception_people": _("Số người được tiếp"),
    "reception_matters": _("Số vụ việc"),
    "reception_answered_on_the_spot": _("Số vụ việc trả lời trực tiếp"),
    "letters_received": _("Số đơn nhận trong kỳ"),
    "carried_over": _("Số đơn kỳ trước chuyển sang"),
    "eligible": _("Đủ điều kiện thụ lý"),
    "not_eligible": _("Không đủ điều kiện thụ lý, lưu đơn"),
    "transferred": _("Chuyển đơn"),
    "guidance_sent": _("Hướng dẫn"),
    "accepted": _("Thụ lý trong kỳ"),
    "answered": _("Đã trả lời, giải quyết"),
    "resolved_on_time": _("Giải quyết đúng hạn"),
    "in_progress": _("Đang giải quyết cuối kỳ"),
    "overdue": _("Quá hạn"),
    "resolution_base": _("Đơn khiếu nại, tố cáo có hạn giải quyết trong kỳ"),
    "resolution_resolved": _("Trong đó đã giải quyết"),
}
FIGURES = [
    "letters_received",
    "carried_over",
    "eligible",
    "not_eligible",
    "transferred",
    "guidance_sent",
    "accepted",
    "answered",
    "resolved_on_time",
    "in_progress",
    "overdue",
]


def _base_figures(start, end, as_of):
    """key -> Q for the figures counted per kind (before the organisation and duplicate filters)."""
    received = Q(received_on__gte=start, received_on__lte=end)
    carried = Q(received_on__lt=start) & (Q(finished_on__isnull=True) | Q(finished_on__gte=start))
    of_period = received | carried
    classified = of_period & Q(classified_on__lte=end)
    in_progress = of_period & (Q(finished_on__isnull=True) | Q(finished_on__gt=end))
    not_yet_accepted = Q(accepted_on__isnull=True) | Q(accepted_on__gt=as_of)
    overdue = in_progress & (
        (not_yet_accepted & Q(accept_due__lt=as_of))
        | (Q(accepted_on__lte=as_of) & Q(resolve_due__lt=as_of) & Q(suspended_on__isnull=True))
    )
    answered = Q(resolved_on__gte=start, resolved_on__lte=end)
    return {
        "letters_received": received,
        "carried_over": carried,
        "eligible": classified & Q(is_eligible=True),
        "not_eligible": classified & Q(outcome=Outcome.FILE),
        "transferred": classified & Q(outcome=Outcome.TRANSFER),
        "guidance_sent": classified & Q(outcome=Outcome.GUIDANCE),
        "accepted": Q(accepted_on__gte=start, accepted_on__lte=end),
        "answered": answered,
        "resolved_on_time": answered & Q(resolved_on_time=True),
        "in_progress": in_progress,
        "overdue": overdue,
    }


def _kind_key(prefix, key):
    return f"{prefix}_received" if key == "letters_received" else f"{prefix}_{key}"


def _rate_base(start, end):
    return Q(
        kind__in=[Kind.COMPLAINT, Kind.DENUNCIATION],
        accepted_on__isnull=False,
        resolve_due__gte=start,
        resolve_due__lte=end,
    )


def _figures(start, end, as_of):
    """key -> Q over Petition (before the organisation and duplicate filters)."""
    base = _base_figures(start, end, as_of)
    figures = dict(base)
    received = base["letters_received"]
    for channel in Channel.values:
        figures[f"channel_{channel}"] = received & Q(channel=channel)
    for kind, prefix in KIND_PREFIX.items():
        for key, q in base.items():
            figures[_kind_key(prefix, key)] = q & Q(kind=kind)
    rate_base = _rate_base(start, end)
    figures["resolution_base"] = rate_base
    figures["resolution_resolved"] = rate_base & Q(resolved_on__lte=end)
    return figures


def _as_of(end):
    return min(end, timezone.localdate())


def _petitions(org):
    return Petition.objects.in_subtree(org).counted()


def petition_stats(org, start: datetime.date, end: datetime.date) -> dict:
    # One query grouped by kind: the per-kind figures are its rows, the totals their sums (a third
    # of the aggregates a flat query needs, which keeps the ORM's own cost below the database's).
    base = _base_figures(start, end, _as_of(end))
    grouped = dict(base)
    for channel in Channel.values:
        grouped[f"channel_{channel}"] = base["letters_received"] & Q(channel=channel)
    rate_base = _rate_base(start, end)
    grouped["resolution_base"] = rate_base
    grouped["resolution_resolved"] = rate_base & Q(resolved_on__lte=end)
    rows = (
        _petitions(org)
        .order_by()
        .values("kind")
        .annotate(**{f"n__{key}": Count("pk", filter=q) for key, q in grouped.items()})
    )
    result = {key: 0 for key in grouped}
    result.update({_kind_key(prefix, key): 0 for prefix in KIND_PREFIX.values() for key in base})
    for row in rows:
        prefix = KIND_PREFIX.get(row["kind"])
        for key in grouped:
            result[key] += row[f"n__{key}"]
            if prefix and key in base:
                result[_kind_key(prefix, key)] = row[f"n__{key}"]
    sums = {key: Sum(field) for key, field in RECEPTION_KEYS.items() if field}
    reception = ReceptionSession.objects.filter(
        organization__path__startswith=org.path, held_on__gte=start, held_on__lte=end
    ).aggregate(reception_sessions=Count("pk"), **sums)
    result.update({key: value or 0 for key, value in reception.items()})
    result["by_channel"] = {c: result[f"channel_{c}"] for c in Channel.values}
    base, resolved = result["resolution_base"], result["resolution_resolved"]
    result["resolution_rate_pct"] = round(100 * resolved / base, 1) if base else None
    return result


def records_for(org, start, end, key):
    """The records behind one figure of petition_stats (for drill-down): a queryset of
    ReceptionSession for reception_* keys, of Petition otherwise."""
    if key in RECEPTION_KEYS:
        return ReceptionSession.objects.filter(
            organization__path__startswith=org.path, held_on__gte=start, held_on__lte=end
        )
    if key == "resolution_rate_pct":
        key = "resolution_base"
    figures = _figures(start, end, _as_of(end))
    if key not in figures:
        raise KeyError(key)
    return _petitions(org).filter(figures[key])


def label_for(key):
    if key in LABELS:
        return LABELS[key]
    if key.startswith("channel_"):
        return Channel(key.removeprefix("channel_")).label
    for kind, prefix in KIND_PREFIX.items():
        if key.startswith(prefix + "_"):
            rest = key.removeprefix(prefix + "_")
            rest = "letters_received" if rest == "received" else rest
            return f"{kind.label}: {LABELS.get(rest, rest)}"
    return key


# The plug-in reporting discovers (danchu.reporting.indicators.compute, docs/architecture.md rule 9):
# the statistics function, its drill-down and the keys of the dict it returns, which the system
# check danchu.E101 compares with what each indicator reads.
STATISTICS = petition_stats
RECORDS = records_for
KEYS = frozenset(
    {
        "accepted",
        "answered",
        "by_channel",
        "carried_over",
        "channel_email",
        "channel_paper",
        "channel_phone",
        "channel_reception",
        "channel_transferred",
        "channel_web",
        "complaints_accepted",
        "complaints_answered",
        "complaints_carried_over",
        "complaints_eligible",
        "complaints_guidance_sent",
        "complaints_in_progress",
        "complaints_not_eligible",
        "complaints_overdue",
        "complaints_received",
        "complaints_resolved_on_time",
        "complaints_transferred",
        "denunciations_accepted",
        "denunciations_answered",
        "denunciations_carried_over",
        "denunciations_eligible",
        "denunciations_guidance_sent",
        "denunciations_in_progress",
        "denunciations_not_eligible",
        "denunciations_overdue",
        "denunciations_received",
        "denunciations_resolved_on_time",
        "denunciations_transferred",
        "eligible",
        "feedback_accepted",
        "feedback_answered",
        "feedback_carried_over",
        "feedback_eligible",
        "feedback_guidance_sent",
        "feedback_in_progress",
        "feedback_not_eligible",
        "feedback_overdue",
        "feedback_received",
        "feedback_resolved_on_time",
        "feedback_transferred",
        "guidance_sent",
        "in_progress",
        "letters_received",
        "not_eligible",
        "overdue",
        "reception_answered_on_the_spot",
        "reception_matters",
        "reception_people",
        "reception_sessions",
        "reception_visits",
        "resolution_base",
        "resolution_rate_pct",
        "resolution_resolved",
        "resolved_on_time",
        "transferred",
    }
)
