"""Figures of staff participation for one organisation (its whole subtree) and one period, for
the annual report. `stats_for` runs a fixed number of queries (8) whatever the data size.

Keys (dates are inclusive; a disclosure counts by its publication date, a consultation by its
opening date, a conference by the day it was held, a recommendation by the day it was received):

    disclosures_total                 published disclosures, postings and disseminations
    disclosures_by_category           [{framework, code, title, count}] by catalog item
    disclosures_by_channel            {channel: count}; a disclosure made through two channels counts in both
    disclosures_on_time               disclosed within the working days of its framework and, where
                                      posted, kept posted long enough
    disclosures_on_time_pct           disclosures_on_time / disclosures_total × 100 (None when 0)
    acknowledgements, audience        people who confirmed reading / people disclosed to, summed
    acknowledgement_rate_pct          acknowledgements / audience × 100
    disseminated_to, dissemination_audience, dissemination_coverage_pct
                                      the same for disseminations of directives (kind "dissemination")
    items_posted                      sum of the items of postings (the seed: 82 + 19)
    items_posted_list                 [{title, item_count, channels}] — each posting
    consultations_held, comments_received
    conferences_held                  staff conferences closed with quorum, in any unit of the subtree
    conferences_required              units that must hold one: departments and centres of the subtree
                                      that existed in the period and whose staff_required_conference is
                                      set (units with 7 staff or fewer have it unset)
    conferences_held_by_required      of those units, how many held one
    conference_rate_pct               conferences_held_by_required / conferences_required × 100
    resolutions_passed                matters passed by the conferences held
    recommendations_received          staff recommendations and feedback
    board_recommendations             recommendations of the people's inspection board to the head
    board_recommendations_answered, board_recommendations_answered_on_time (within 15 days)
"""

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import get_language

from danchu.orgs.models import Organization, OrganizationKind

from .models import (
    Comment,
    Consultation,
    Disclosure,
    DisclosureChannel,
    DisclosureKind,
    DisclosureRecipient,
    Recommendation,
    Resolution,
    StaffConference,
)
from .rules import disclosure_timing

REQUIRED_CONFERENCE_KINDS = (OrganizationKind.DEPARTMENT, OrganizationKind.CENTRE)


def _pct(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _disclosures(org, start, end):
    return Disclosure.objects.published().in_subtree(org).between(start, end)


def _required_units(org, start, end):
    return (
        Organization.objects.subtree(org)
        .filter(kind__in=REQUIRED_CONFERENCE_KINDS, staff_required_conference=True)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    )


def _conferences(org, start, end):
    return StaffConference.objects.held().filter(
        organization__path__startswith=org.path, held_on__gte=start, held_on__lte=end
    )


def _board_recommendations(org, start, end):
    return Recommendation.objects.from_board().filter(
        organization__path__startswith=org.path, received_on__gte=start, received_on__lte=end
    )


def stats_for(org, start, end):
    disclosures = _disclosures(org, start, end)
    rows = list(  # 1
        disclosures.values(
            "pk",
            "kind",
            "title",
            "item_count",
            "framework",
            "decided_on",
            "special_case",
            "published_on",
            "due_on",
            "posted_from",
            "posted_to",
            "internal_site",
            "organization__has_internal_site",
            "requirement__framework",
            "requirement__code",
            "requirement__order",
            "requirement__title",
        ).order_by("published_on", "pk")
    )
    channels = {}
    for disclosure_id, channel in DisclosureChannel.objects.filter(  # 2
        disclosure__in=disclosures
    ).values_list("disclosure_id", "channel"):
        channels.setdefault(disclosure_id, []).append(channel)

    by_category, by_channel, on_time, posted = {}, {}, 0, []
    today, language = timezone.localdate(), get_language()  # once, not once per disclosure
    for row in rows:
        key = (row["requirement__framework"], row["requirement__order"])
        entry = by_category.setdefault(
            key,
            {
                "framework": row["requirement__framework"],
                "code": row["requirement__code"],
                "title": row["requirement__title"],
                "count": 0,
            },
        )
        entry["count"] += 1
        mine = channels.get(row["pk"], [])
        for channel in mine:
            by_channel[channel] = by_channel.get(channel, 0) + 1
        timing = disclosure_timing(_Row(row), today=today, channels=mine, language=language)
        on_time += timing.ok
        if row["kind"] == DisclosureKind.POSTING:
            posted.append({"title": row["title"], "item_count": row["item_count"] or 0, "channels": mine})

    reads = DisclosureRecipient.objects.filter(disclosure__in=disclosures).aggregate(  # 3
        audience=Count("pk"),
        acknowledgements=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        dissemination_audience=Count("pk", filter=Q(disclosure__kind=DisclosureKind.DISSEMINATION)),
        disseminated_to=Count(
            "pk", filter=Q(disclosure__kind=DisclosureKind.DISSEMINATION, acknowledged_at__isnull=False)
        ),
    )
    consultations = Consultation.objects.filter(  # 4
        organization__path__startswith=org.path, opens_on__gte=start, opens_on__lte=end
    ).aggregate(held=Count("pk", distinct=True), comments=Count("comments", distinct=True))
    required = set(_required_units(org, start, end).values_list("pk", flat=True))  # 5
    conferences = list(  # 6
        _conferences(org, start, end)
        .annotate(passed=Count("resolutions", filter=Q(resolutions__passed=True)))
        .values("pk", "organization_id", "passed")
    )
    held_units = {c["organization_id"] for c in conferences}
    board = _board_recommendations(org, start, end).aggregate(  # 7
        total=Count("pk"),
        answered=Count("pk", filter=Q(answered_on__isnull=False)),
        on_time=Count("pk", filter=Q(answered_on__isnull=False, answered_on__lte=F("due_on"))),
    )
    recommendations = Recommendation.objects.filter(  # 8
        organization__path__startswith=org.path, received_on__gte=start, received_on__lte=end
    ).count()

    total = len(rows)
    return {
        "disclosures_total": total,
        "disclosures_by_category": [by_category[k] for k in sorted(by_category)],
        "disclosures_by_channel": dict(sorted(by_channel.items())),
        "disclosures_on_time": on_time,
        "disclosures_on_time_pct": _pct(on_time, total),
        "acknowledgements": reads["acknowledgements"],
        "audience": reads["audience"],
        "acknowledgement_rate_pct": _pct(reads["acknowledgements"], reads["audience"]),
        "disseminated_to": reads["disseminated_to"],
        "dissemination_audience": reads["dissemination_audience"],
        "dissemination_coverage_pct": _pct(reads["disseminated_to"], reads["dissemination_audience"]),
        "items_posted": sum(p["item_count"] for p in posted),
        "items_posted_list": posted,
        "consultations_held": consultations["held"],
        "comments_received": consultations["comments"],
        "conferences_held": len(conferences),
        "conferences_required": len(required),
        "conferences_held_by_required": len(held_units & required),
        "conference_rate_pct": _pct(len(held_units & required), len(required)),
        "resolutions_passed": sum(c["passed"] for c in conferences),
        "recommendations_received": recommendations,
        "board_recommendations": board["total"],
        "board_recommendations_answered": board["answered"],
        "board_recommendations_answered_on_time": board["on_time"],
    }


class _Row:
    """A values() row seen as a disclosure by `disclosure_timing`."""

    def __init__(self, row):
        self.__dict__.update(row)


def records_for(org, start, end, key):
    """The records behind one figure of `stats_for`, for drill-down and evidence."""
    disclosures = _disclosures(org, start, end).select_related("requirement", "organization")
    if key in ("disclosures_total", "disclosures_by_category", "disclosures_by_channel"):
        return disclosures
    if key in ("disclosures_on_time", "disclosures_on_time_pct"):
        return disclosures.prefetch_related("channels")
    if key in ("acknowledgements", "audience", "acknowledgement_rate_pct"):
        return DisclosureRecipient.objects.filter(disclosure__in=disclosures).select_related(
            "person", "disclosure"
        )
    if key.startswith("dissemin"):
        return DisclosureRecipient.objects.filter(
            disclosure__in=disclosures.filter(kind=DisclosureKind.DISSEMINATION)
        ).select_related("person", "disclosure")
    if key.startswith("items_posted"):
        return disclosures.filter(kind=DisclosureKind.POSTING)
    if key == "consultations_held":
        return Consultation.objects.filter(
            organization__path__startswith=org.path, opens_on__gte=start, opens_on__lte=end
        ).annotate(n_comments=Count("comments"))
    if key == "comments_received":
        return Comment.objects.filter(
            consultation__organization__path__startswith=org.path,
            consultation__opens_on__gte=start,
            consultation__opens_on__lte=end,
        ).select_related("consultation", "section")
    if key in ("conferences_held", "conferences_held_by_required", "conference_rate_pct"):
        return _conferences(org, start, end).select_related("organization")
    if key == "conferences_required":
        return _required_units(org, start, end)
    if key == "resolutions_passed":
        return Resolution.objects.filter(conference__in=_conferences(org, start, end), passed=True)
    if key == "recommendations_received":
        return Recommendation.objects.filter(
            organization__path__startswith=org.path, received_on__gte=start, received_on__lte=end
        )
    if key.startswith("board_recommendations"):
        qs = _board_recommendations(org, start, end)
        if key.endswith("answered"):
            qs = qs.filter(answered_on__isnull=False)
        if key.endswith("on_time"):
            qs = qs.filter(answered_on__isnull=False, answered_on__lte=F("due_on"))
        return qs
    raise KeyError(key)


# The plug-in reporting discovers (danchu.reporting.indicators.compute, docs/architecture.md rule 9):
# the statistics function, its drill-down and the keys of the dict it returns, which the system
# check danchu.E101 compares with what each indicator reads.
STATISTICS = stats_for
RECORDS = records_for
KEYS = frozenset(
    {
        "acknowledgement_rate_pct",
        "acknowledgements",
        "audience",
        "board_recommendations",
        "board_recommendations_answered",
        "board_recommendations_answered_on_time",
        "comments_received",
        "conference_rate_pct",
        "conferences_held",
        "conferences_held_by_required",
        "conferences_required",
        "consultations_held",
        "disclosures_by_category",
        "disclosures_by_channel",
        "disclosures_on_time",
        "disclosures_on_time_pct",
        "disclosures_total",
        "disseminated_to",
        "dissemination_audience",
        "dissemination_coverage_pct",
        "items_posted",
        "items_posted_list",
        "recommendations_received",
        "resolutions_passed",
    }
)
