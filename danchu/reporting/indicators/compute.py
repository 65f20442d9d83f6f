"""Computing the indicators of one organisation and period.

Each register's statistics function is called ONCE per computation and its dict shared by all the
indicators it feeds, so a build runs a fixed number of queries whatever the size of the data.
Each register plugs its statistics in through its own `stats.py` (STATISTICS, RECORDS, KEYS).
A register whose statistics module is not installed yields no figure (origin "missing"), never a
made-up one; the checks list it as a blocking problem.
"""

import functools
from dataclasses import dataclass, field

from django.db.models import Q

from danchu.core.jsonsafe import plain

from .base import IndicatorValue, Origin, RegisterMissing
from .definitions import INDICATORS, LISTS

# The registers the indicators read, in the order they are first named.
SOURCES = tuple(
    dict.fromkeys([i.source for i in INDICATORS if not i.is_derived] + [s for s, _k in LISTS.values()])
)


@functools.cache
def registers():
    """{source: statistics module}: each app whose `stats.py` declares the plug-in (STATISTICS,
    RECORDS, KEYS), named by its app label; discovered, never named here."""
    from danchu.core.plugins import app_modules

    return {config.label: module for config, module in app_modules("stats") if hasattr(module, "STATISTICS")}


def _module(source):
    try:
        return registers()[source]
    except KeyError:
        raise RegisterMissing(source) from None


def stats_function(source):
    return _module(source).STATISTICS


def records_function(source):
    return _module(source).RECORDS


def available_sources():
    return [source for source in SOURCES if source in registers()]


@dataclass
class ReportData:
    """Indicator values, lists and document listings for one organisation and period; the
    shape that is frozen in a ReportSnapshot."""

    values: dict
    lists: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    missing: list = field(default_factory=list)
    # The last day the figures count (ISO date): wordings that changed in law follow it, e.g.
    # online public services "toàn trình / một phần" from Nghị định 42/2022/NĐ-CP.
    as_of: str | None = None

    def value(self, code):
        return self.values[code].value

    def to_json(self):
        return {
            "values": {code: v.as_json() for code, v in self.values.items()},
            "lists": self.lists,
            "documents": self.documents,
            "missing": self.missing,
            "as_of": self.as_of,
        }

    @classmethod
    def from_json(cls, data):
        return cls(
            values={code: IndicatorValue.from_json(code, v) for code, v in data["values"].items()},
            lists=data.get("lists", {}),
            documents=data.get("documents", {}),
            missing=data.get("missing", []),
            as_of=data.get("as_of"),
        )


# Kinds of documents that direct and organise the work (plans, decisions, guidance, rules…), which
# the appendix lists; letters, reports, minutes and invitations are not listed.
DIRECTING_KINDS = ("NQ", "QĐ", "CT", "QC", "QyĐ", "QĐi", "HD", "CTr", "KH", "PA", "ĐA", "KL")


def _case_document_ids():
    """Documents a register marks as its own case papers (sanction decisions, decisions to
    inspect): not documents on grassroots democracy, so the report does not list them."""
    try:
        stats = _module("oversight")
    except RegisterMissing:
        return None
    return getattr(stats, "case_document_ids", lambda: None)()


def issued_documents(org, start, end):
    """Directing documents issued in the window by the organisation's subtree, Party and government
    apart; case papers of the registers (sanction decisions…) left out."""
    from danchu.documents.models import Direction, Document

    documents = (
        Document.objects.alive()
        .filter(
            direction=Direction.ISSUED, issued_on__gte=start, issued_on__lte=end, kind__in=DIRECTING_KINDS
        )
        .filter(
            Q(issuer_org__path__startswith=org.path)
            | Q(issuer_org__isnull=True, organization__path__startswith=org.path)
        )
        .order_by("issued_on", "pk")
    )
    case_papers = _case_document_ids()
    if case_papers is not None:
        documents = documents.exclude(pk__in=case_papers)
    result = {"party": [], "government": []}
    for doc in documents:
        result["party" if doc.is_party else "government"].append(
            {
                "uuid": str(doc.uuid),
                "kind": doc.kind,
                "kind_label": doc.get_kind_display(),  # a table per language (documents.models)
                "ref": doc.ref,
                "issued_on": doc.issued_on.isoformat() if doc.issued_on else None,
                "subject": doc.subject,
                "issuer": doc.issuer_name,
            }
        )
    return result


def compute(org, period, start=None, end=None, *, overrides=True):
    from danchu.reporting.models import IndicatorOverride

    start = start or period.cutoff_start
    end = end or period.cutoff_end
    stats, missing = {}, []
    for source in SOURCES:
        try:
            function = stats_function(source)
        except RegisterMissing:
            missing.append(source)
            continue
        stats[source] = function(org, start, end)
    manual = {}
    if overrides:
        manual = {o.code: o for o in IndicatorOverride.objects.filter(organization=org, period=period)}
    values = {}
    # Plain figures first, ratios after the figures they divide.
    for indicator in sorted(INDICATORS, key=lambda i: (i.sum_of is not None) + 2 * (i.ratio_of is not None)):
        if indicator.source in missing:
            computed, origin = None, Origin.MISSING
        else:
            computed, origin = indicator.compute(stats[indicator.source], values), Origin.COMPUTED
        value = IndicatorValue(indicator.code, computed, origin, computed=computed)
        if indicator.code in manual:
            override = manual[indicator.code]
            value = IndicatorValue(indicator.code, override.value, Origin.MANUAL, override.reason, computed)
        values[indicator.code] = value
    values = {i.code: values[i.code] for i in INDICATORS}
    lists = {}
    for name, (source, key) in LISTS.items():
        lists[name] = plain(stats[source].get(key, [])) if source in stats else []
    return ReportData(
        values={
            c: IndicatorValue(c, plain(v.value), v.origin, v.reason, plain(v.computed))
            for c, v in values.items()
        },
        lists=lists,
        documents=issued_documents(org, start, end),
        missing=missing,
        as_of=end.isoformat(),
    )
