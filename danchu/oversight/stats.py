"""Figures of the oversight registers for the annual report.

`stats_for(org, start, end)` computes every figure over `org` and its whole subtree in a fixed
number of queries (10), whatever the amount of data. An inspection belongs to the period when it
started in it; its subjects and outcomes are counted with it. Party oversight, discipline cases
and complaints count by their own date.

`records_for(org, start, end, key)` gives the records behind one figure (a queryset), so that a
report can show where a number comes from.
"""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from .models import (
    Inspection,
    InspectionField,
    InspectionKind,
    InspectionMode,
    InspectionSubject,
    Outcome,
    OutcomeKind,
    PartyComplaint,
    PartyDisciplineCase,
    PartyOversight,
    PartyOversightKind,
)

SPECIALISED = Q(kind=InspectionKind.SPECIALISED)


def _inspections(org, start, end):
    return Inspection.objects.filter(
        organization__path__startswith=org.path, start__gte=start, start__lte=end
    )


def _subjects(org, start, end):
    return InspectionSubject.objects.filter(
        inspection__organization__path__startswith=org.path,
        inspection__start__gte=start,
        inspection__start__lte=end,
    )


def _outcomes(org, start, end):
    return Outcome.objects.filter(
        subject__inspection__organization__path__startswith=org.path,
        subject__inspection__start__gte=start,
        subject__inspection__start__lte=end,
    )


def _party(model, date_field, org, start, end):
    return model.objects.filter(
        organization__path__startswith=org.path, **{f"{date_field}__gte": start, f"{date_field}__lte": end}
    )


def stats_for(org, start, end):
    """The oversight figures of `org`'s subtree for inspections started (and party work dated)
    between `start` and `end` inclusive. Keys:

    inspections_total            specialised inspections and checks (thanh tra, kiểm tra chuyên ngành)
    inspections_led              of which led by the agency
    inspections_joint            of which joint with another body
    inspections_led_subjects     list: number of subjects of each led inspection, by start date
    inspections_led_list         list of {"subjects", "field" (label), "subject_line"} of the led inspections
    joint_by_partner             list of {"partner", "inspections", "subjects", "fields" (labels)}
    administrative_list          list of {"subject_line", "field", "targets" (names of the units)} of the
                                 administrative inspections that have subjects
    inspection_subjects          subjects of the specialised inspections
    administrative_inspections   administrative inspections (thanh tra hành chính) of subordinate units
    administrative_subjects      units covered by the administrative inspections
    subjects_checked             all subjects, specialised and administrative
    subjects_in_violation        subjects found in violation
    referrals                    referrals to another competent body
    referred_to                  list of {"body", "count"}
    sanction_decisions           sanction decisions issued
    fines_vnd                    total of the fines, in đồng (int)
    party_inspections            inspections by the party committee, its inspection committee or cells
    party_supervisions           thematic supervisions
    party_regular_supervisions   regular supervisions
    party_violations_found       party inspections and supervisions that found violations
    party_discipline_cases       discipline cases decided
    complaints_about_party_members  complaints and denunciations about party members received
    """
    inspections = _inspections(org, start, end).aggregate(
        inspections_total=Count("pk", filter=SPECIALISED),
        inspections_led=Count("pk", filter=SPECIALISED & Q(mode=InspectionMode.LED)),
        inspections_joint=Count("pk", filter=SPECIALISED & Q(mode=InspectionMode.JOINT)),
        administrative_inspections=Count("pk", filter=Q(kind=InspectionKind.ADMINISTRATIVE)),
    )
    fields = dict(InspectionField.choices)
    led = list(
        _inspections(org, start, end)
        .filter(SPECIALISED, mode=InspectionMode.LED)
        .annotate(n=Count("subjects"))
        .order_by("start", "pk")
        .values("n", "field", "subject_line")
    )
    joint_rows = list(
        _inspections(org, start, end)
        .filter(SPECIALISED, mode=InspectionMode.JOINT)
        .values("partner", "field")
        .annotate(inspections=Count("pk", distinct=True), subjects=Count("subjects"))
        .order_by("partner", "field")
    )
    joint = {}
    for row in joint_rows:
        entry = joint.setdefault(
            row["partner"], {"partner": row["partner"], "inspections": 0, "subjects": 0, "fields": []}
        )
        entry["inspections"] += row["inspections"]
        entry["subjects"] += row["subjects"]
        entry["fields"].append(str(fields.get(row["field"], row["field"])))
    administrative = {}
    for row in (
        _subjects(org, start, end)
        .filter(inspection__kind=InspectionKind.ADMINISTRATIVE)
        .order_by("inspection__start", "inspection_id", "pk")
        .values("inspection_id", "inspection__subject_line", "inspection__field", "name")
    ):
        entry = administrative.setdefault(
            row["inspection_id"],
            {
                "subject_line": row["inspection__subject_line"],
                "field": str(fields.get(row["inspection__field"], row["inspection__field"])),
                "targets": [],
            },
        )
        entry["targets"].append(row["name"])
    subjects = _subjects(org, start, end).aggregate(
        inspection_subjects=Count("pk", filter=Q(inspection__kind=InspectionKind.SPECIALISED)),
        administrative_subjects=Count("pk", filter=Q(inspection__kind=InspectionKind.ADMINISTRATIVE)),
        subjects_checked=Count("pk"),
        subjects_in_violation=Count("pk", filter=Q(in_violation=True)),
    )
    outcomes = _outcomes(org, start, end).aggregate(
        referrals=Count("pk", filter=Q(kind=OutcomeKind.REFERRAL)),
        sanction_decisions=Count("pk", filter=Q(kind=OutcomeKind.SANCTION_DECISION)),
        fines_vnd=Coalesce(Sum("fine_vnd"), 0),
    )
    referred = list(
        _outcomes(org, start, end)
        .filter(kind=OutcomeKind.REFERRAL)
        .values("referred_to")
        .annotate(count=Count("pk"))
        .order_by("referred_to")
    )
    party = _party(PartyOversight, "date", org, start, end).aggregate(
        party_inspections=Count("pk", filter=Q(kind=PartyOversightKind.INSPECTION)),
        party_supervisions=Count("pk", filter=Q(kind=PartyOversightKind.THEMATIC_SUPERVISION)),
        party_regular_supervisions=Count("pk", filter=Q(kind=PartyOversightKind.REGULAR_SUPERVISION)),
        party_violations_found=Count("pk", filter=Q(violations_found=True)),
    )
    return {
        **inspections,
        "inspections_led_subjects": [row["n"] for row in led],
        "inspections_led_list": [
            {
                "subjects": row["n"],
                "field": str(fields.get(row["field"], row["field"])),
                "subject_line": row["subject_line"],
            }
            for row in led
        ],
        "joint_by_partner": list(joint.values()),
        "administrative_list": list(administrative.values()),
        **subjects,
        **outcomes,
        "fines_vnd": int(outcomes["fines_vnd"]),
        "referred_to": [{"body": r["referred_to"], "count": r["count"]} for r in referred],
        **party,
        "party_discipline_cases": _party(PartyDisciplineCase, "date", org, start, end).count(),
        "complaints_about_party_members": _party(PartyComplaint, "received_on", org, start, end).count(),
    }


def records_for(org, start, end, key):
    """The queryset behind figure `key` of `stats_for` (ValueError for a key that has none)."""
    inspections = _inspections(org, start, end)
    subjects = _subjects(org, start, end)
    outcomes = _outcomes(org, start, end)
    party = _party(PartyOversight, "date", org, start, end)
    builders = {
        "inspections_total": lambda: inspections.filter(SPECIALISED),
        "inspections_led": lambda: inspections.filter(SPECIALISED, mode=InspectionMode.LED),
        "inspections_joint": lambda: inspections.filter(SPECIALISED, mode=InspectionMode.JOINT),
        "administrative_inspections": lambda: inspections.filter(kind=InspectionKind.ADMINISTRATIVE),
        "inspection_subjects": lambda: subjects.filter(inspection__kind=InspectionKind.SPECIALISED),
        "administrative_subjects": lambda: subjects.filter(inspection__kind=InspectionKind.ADMINISTRATIVE),
        "subjects_checked": lambda: subjects,
        "subjects_in_violation": lambda: subjects.filter(in_violation=True),
        "referrals": lambda: outcomes.filter(kind=OutcomeKind.REFERRAL),
        "sanction_decisions": lambda: outcomes.filter(kind=OutcomeKind.SANCTION_DECISION),
        "fines_vnd": lambda: outcomes.filter(fine_vnd__gt=0),
        "party_inspections": lambda: party.filter(kind=PartyOversightKind.INSPECTION),
        "party_supervisions": lambda: party.filter(kind=PartyOversightKind.THEMATIC_SUPERVISION),
        "party_regular_supervisions": lambda: party.filter(kind=PartyOversightKind.REGULAR_SUPERVISION),
        "party_violations_found": lambda: party.filter(violations_found=True),
        "party_discipline_cases": lambda: _party(PartyDisciplineCase, "date", org, start, end),
        "complaints_about_party_members": lambda: _party(PartyComplaint, "received_on", org, start, end),
    }
    if key not in builders:
        raise ValueError(f"no records behind {key!r}")
    return builders[key]()


def case_document_ids():
    """Ids of the registry documents that are case papers of an inspection (its decision to
    inspect, a sanction decision): documents of state management, not documents on grassroots
    democracy. A subquery (no query of its own), for the report's list of documents issued."""
    from django.db.models import Q as _Q

    from danchu.documents.models import Document

    return Document.objects.filter(
        _Q(pk__in=Outcome.objects.filter(decision__isnull=False).values("decision"))
        | _Q(pk__in=Inspection.objects.filter(decision__isnull=False).values("decision"))
    ).values("pk")


# The plug-in reporting discovers (danchu.reporting.indicators.compute, docs/architecture.md rule 9):
# the statistics function, its drill-down and the keys of the dict it returns, which the system
# check danchu.E101 compares with what each indicator reads.
STATISTICS = stats_for
RECORDS = records_for
KEYS = frozenset(
    {
        "administrative_inspections",
        "administrative_list",
        "administrative_subjects",
        "complaints_about_party_members",
        "fines_vnd",
        "inspection_subjects",
        "inspections_joint",
        "inspections_led",
        "inspections_led_list",
        "inspections_led_subjects",
        "inspections_total",
        "joint_by_partner",
        "party_discipline_cases",
        "party_inspections",
        "party_regular_supervisions",
        "party_supervisions",
        "party_violations_found",
        "referrals",
        "referred_to",
        "sanction_decisions",
        "subjects_checked",
        "subjects_in_violation",
    }
)
