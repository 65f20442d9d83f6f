"""Checking citations against the registry: is the cited document known, with the same date?

Other apps (report checks, ingest) call `check_refs(find_refs(text))`.
"""

import re

from .models import Document
from .refs import Ref

OK = "ok"
DATE_MISMATCH = "date_mismatch"
UNKNOWN = "unknown"


def _symbol_year(symbol):
    match = re.match(r"(\d{4})/", symbol or "")
    return int(match.group(1)) if match else None


def _as_ref(item):
    if isinstance(item, Ref):
        return item
    return Ref(**{k: v for k, v in item.items() if k in Ref.__dataclass_fields__})


def check_refs(refs, queryset=None):
    """For each reference, its dict (`Ref.as_dict()` with `date` as a datetime.date) plus:

    - `status`: "ok" (the registry holds it, with the same date when the citation gives one),
      "date_mismatch" (held, but the registry's date differs; `expected_date` says which) or
      "unknown" (not held, or its number is blank). A registry entry without a date never makes
      a citation "date_mismatch": it has no date to contradict the citation with;
    - `expected_date`: the registry's date (datetime.date or None);
    - `document`: the matching Document or None.

    `queryset` limits the search (default: every live document, shared legal texts included).
    One query whatever the number of references.
    """
    refs = [_as_ref(r) for r in refs]
    qs = (queryset if queryset is not None else Document.objects.all()).filter(deleted_at__isnull=True)
    wanted = {r.ref for r in refs if r.number}
    by_ref = {}
    for doc in qs.filter(ref__in=wanted).order_by("-issued_on", "pk") if wanted else ():
        by_ref.setdefault(doc.ref, []).append(doc)
    results = []
    for ref in refs:
        row = {**ref.as_dict(), "date": ref.date}
        status, match = UNKNOWN, None
        candidates = by_ref.get(ref.ref, []) if ref.number else []
        if ref.issuer and len(candidates) > 1:
            named = [d for d in candidates if ref.issuer.casefold() in (d.issuer_name or "").casefold()]
            candidates = named or candidates
        if candidates:
            if ref.date is None:
                status, match = OK, candidates[0]
            else:
                same_day = [d for d in candidates if d.issued_on == ref.date]
                years = {ref.date.year, _symbol_year(ref.symbol)}
                same_year = [d for d in candidates if d.issued_on is not None and d.year in years]
                undated = [d for d in candidates if d.issued_on is None]
                if same_day:
                    status, match = OK, same_day[0]
                elif same_year:
                    status, match = DATE_MISMATCH, same_year[0]
                elif undated:
                    status, match = OK, undated[0]
        row["status"] = status
        row["expected_date"] = match.issued_on if match else None
        row["document"] = match
        results.append(row)
    return results
