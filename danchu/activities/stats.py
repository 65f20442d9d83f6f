"""Figures of the activities registers for the annual report.

`stats_for(org, start, end)` computes every figure over `org` and its whole subtree in a fixed
number of queries (6). `records_for(org, start, end, key)` gives the queryset behind one figure.

What counts in the period:
- a campaign when it runs during the period (starts before its end, ends after its start);
- a contribution when it is dated in the period;
- a procedure when it applies during the period; it is *posted* when published on at least one
  channel; online level 3–4 means 3, 4, "một phần" or "toàn trình"; level 4 means 4 or "toàn trình";
- an official on duty at the public service centre when the duty overlaps the period (counted once
  per name);
- the staffing quotas of the year in which the period ends, summed over the subtree; the reduction
  percentage is reductions / (quotas + reductions), rounded to one decimal;
- an activity-log entry when dated in the period.
"""

from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import Coalesce

from .models import (
    LEVELS_3_4,
    LEVELS_4,
    Activity,
    AdministrativeProcedure,
    Campaign,
    Channel,
    Contribution,
    ServiceCentreDuty,
    StaffingQuota,
    reduction_pct,
)

POSTED = Q(on_portal=True) | Q(on_website=True) | Q(on_notice_board=True) | Q(at_service_centre=True)


def _in(org, field="organization"):
    return Q(**{f"{field}__path__startswith": org.path})


def _campaigns(org, start, end):
    return Campaign.objects.filter(_in(org), start__lte=end).filter(Q(end__isnull=True) | Q(end__gte=start))


def _contributions(org, start, end):
    return Contribution.objects.filter(_in(org, "fund__organization"), date__gte=start, date__lte=end)


def _procedures(org, start, end):
    return AdministrativeProcedure.objects.filter(_in(org)).valid_between(start, end)


def _duties(org, start, end):
    return ServiceCentreDuty.objects.filter(_in(org), start__lte=end).filter(
        Q(end__isnull=True) | Q(end__gte=start)
    )


def _quotas(org, start, end):
    return StaffingQuota.objects.filter(_in(org), year=end.year)


def _activities(org, start, end):
    return Activity.objects.filter(_in(org), date__gte=start, date__lte=end)


def stats_for(org, start, end):
    """The activities figures of `org`'s subtree between `start` and `end` inclusive. Keys:

    campaigns                  list, one per topic in order of first start: {"topic", "articles",
                               "documents", "banners", "channels" (labels), "campaigns" (records),
                               "by_channel" (list of {"channel" (label), "code", "other", "articles",
                               "documents", "banners"}: what was published on each channel)}
    campaign_articles          total articles over all topics
    campaign_documents         total documents published
    campaign_banners           total banners
    funds                      list, one per fund: {"fund", "organization", "amount_vnd", "contributions"}
    fund_contributions_vnd     total of all contributions, in đồng (int)
    procedures_total           procedures applying in the period
    procedures_posted          of which posted on at least one channel
    procedures_posted_by_channel  {"portal", "website", "notice_board", "service_centre"}: counts
    online_services_l34        procedures offered online at level 3–4 (3, 4, partial, full)
    online_services_l4         of which at level 4 (4, full)
    service_centre_officials   officials on duty at the public service centre (distinct names)
    staff_quota_civil_servants     civil-servant quota of the year the period ends in
    staff_quota_public_employees   public-employee quota of that year
    staff_headcount_civil_servants, staff_headcount_public_employees   headcounts (None if unknown)
    staff_reduction_civil_servants, staff_reduction_public_employees   reductions of each
    staff_reduction_count      reductions of both
    staff_reduction_pct        Decimal percentage, one decimal (12.5), None without quotas
    activities                 list of {"date", "category", "category_label", "title"} of the log
    activity_log_entries       number of log entries
    """
    labels = dict(Channel.choices)
    topics = {}
    rows = (
        _campaigns(org, start, end)
        .values("topic", "channel")
        .annotate(
            articles=Coalesce(Sum("articles"), 0),
            documents=Coalesce(Sum("documents"), 0),
            banners=Coalesce(Sum("banners"), 0),
            n=Count("pk"),
            first=Min("start"),
        )
        .order_by("first", "topic", "channel")
    )
    for row in rows:
        entry = topics.setdefault(
            row["topic"],
            {
                "topic": row["topic"],
                "articles": 0,
                "documents": 0,
                "banners": 0,
                "channels": [],
                "by_channel": [],
                "campaigns": 0,
            },
        )
        entry["articles"] += row["articles"]
        entry["documents"] += row["documents"]
        entry["banners"] += row["banners"]
        entry["campaigns"] += row["n"]
        label = str(labels.get(row["channel"], row["channel"]))
        entry["channels"].append(label)
        entry["by_channel"].append(
            {
                "channel": label,
                "code": row["channel"],
                "other": row["channel"] == Channel.OTHER,
                "articles": row["articles"],
                "documents": row["documents"],
                "banners": row["banners"],
            }
        )
    campaigns = list(topics.values())

    funds = [
        {
            "fund": row["fund__name"],
            "organization": row["fund__organization__name"],
            "amount_vnd": int(row["amount_vnd"]),
            "contributions": row["n"],
        }
        for row in _contributions(org, start, end)
        .values("fund_id", "fund__name", "fund__organization__name")
        .annotate(amount_vnd=Sum("amount_vnd"), n=Count("pk"), first=Min("date"))
        .order_by("-amount_vnd", "fund__name")
    ]

    procedures = _procedures(org, start, end).aggregate(
        procedures_total=Count("pk"),
        procedures_posted=Count("pk", filter=POSTED),
        portal=Count("pk", filter=Q(on_portal=True)),
        website=Count("pk", filter=Q(on_website=True)),
        notice_board=Count("pk", filter=Q(on_notice_board=True)),
        service_centre=Count("pk", filter=Q(at_service_centre=True)),
        online_services_l34=Count("pk", filter=Q(online_level__in=LEVELS_3_4)),
        online_services_l4=Count("pk", filter=Q(online_level__in=LEVELS_4)),
    )
    officials = _duties(org, start, end).aggregate(n=Count("official_name", distinct=True))["n"]

    quotas = _quotas(org, start, end).aggregate(
        cs=Sum("civil_servant_quota"),
        pe=Sum("public_employee_quota"),
        cs_head=Sum("civil_servant_headcount"),
        pe_head=Sum("public_employee_headcount"),
        cs_red=Sum("civil_servant_reduction"),
        pe_red=Sum("public_employee_reduction"),
    )
    cs, pe = quotas["cs"] or 0, quotas["pe"] or 0
    cs_red, pe_red = quotas["cs_red"] or 0, quotas["pe_red"] or 0

    log = [
        {"date": a.date, "category": a.category, "category_label": a.get_category_display(), "title": a.title}
        for a in _activities(org, start, end).order_by("date", "pk")
    ]
    return {
        "campaigns": campaigns,
        "campaign_articles": sum(c["articles"] for c in campaigns),
        "campaign_documents": sum(c["documents"] for c in campaigns),
        "campaign_banners": sum(c["banners"] for c in campaigns),
        "funds": funds,
        "fund_contributions_vnd": sum(f["amount_vnd"] for f in funds),
        "procedures_total": procedures["procedures_total"],
        "procedures_posted": procedures["procedures_posted"],
        "procedures_posted_by_channel": {
            key: procedures[key] for key in ("portal", "website", "notice_board", "service_centre")
        },
        "online_services_l34": procedures["online_services_l34"],
        "online_services_l4": procedures["online_services_l4"],
        "service_centre_officials": officials,
        "staff_quota_civil_servants": cs,
        "staff_quota_public_employees": pe,
        "staff_headcount_civil_servants": quotas["cs_head"],
        "staff_headcount_public_employees": quotas["pe_head"],
        "staff_reduction_civil_servants": cs_red,
        "staff_reduction_public_employees": pe_red,
        "staff_reduction_count": cs_red + pe_red,
        "staff_reduction_pct": reduction_pct(cs, pe, cs_red + pe_red) if (cs or pe) else None,
        "activities": log,
        "activity_log_entries": len(log),
    }


def records_for(org, start, end, key):
    """The queryset behind figure `key` of `stats_for` (ValueError for a key that has none)."""
    procedures = _procedures(org, start, end)
    builders = {
        "campaigns": lambda: _campaigns(org, start, end),
        "campaign_articles": lambda: _campaigns(org, start, end).filter(articles__gt=0),
        "campaign_documents": lambda: _campaigns(org, start, end).filter(documents__gt=0),
        "campaign_banners": lambda: _campaigns(org, start, end).filter(banners__gt=0),
        "funds": lambda: _contributions(org, start, end),
        "fund_contributions_vnd": lambda: _contributions(org, start, end),
        "procedures_total": lambda: procedures,
        "procedures_posted": lambda: procedures.filter(POSTED),
        "online_services_l34": lambda: procedures.filter(online_level__in=LEVELS_3_4),
        "online_services_l4": lambda: procedures.filter(online_level__in=LEVELS_4),
        "service_centre_officials": lambda: _duties(org, start, end),
        "staff_quota_civil_servants": lambda: _quotas(org, start, end),
        "staff_quota_public_employees": lambda: _quotas(org, start, end),
        "staff_reduction_count": lambda: _quotas(org, start, end),
        "staff_reduction_pct": lambda: _quotas(org, start, end),
        "activities": lambda: _activities(org, start, end),
        "activity_log_entries": lambda: _activities(org, start, end),
    }
    if key not in builders:
        raise ValueError(f"no records behind {key!r}")
    return builders[key]()


# The plug-in reporting discovers (danchu.reporting.indicators.compute, docs/architecture.md rule 9):
# the statistics function, its drill-down and the keys of the dict it returns, which the system
# check danchu.E101 compares with what each indicator reads.
STATISTICS = stats_for
RECORDS = records_for
KEYS = frozenset(
    {
        "activities",
        "activity_log_entries",
        "campaign_articles",
        "campaign_banners",
        "campaign_documents",
        "campaigns",
        "fund_contributions_vnd",
        "funds",
        "online_services_l34",
        "online_services_l4",
        "procedures_posted",
        "procedures_posted_by_channel",
        "procedures_total",
        "service_centre_officials",
        "staff_headcount_civil_servants",
        "staff_headcount_public_employees",
        "staff_quota_civil_servants",
        "staff_quota_public_employees",
        "staff_reduction_civil_servants",
        "staff_reduction_count",
        "staff_reduction_pct",
        "staff_reduction_public_employees",
    }
)
