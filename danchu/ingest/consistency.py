"""Warnings on what a report says: ratios its parts contradict, parts over their total, rates
over 100%, a figure said twice with two values, and the cross-indicator rules of
`danchu.reporting.checks.rule_violations` (the same rules a report built by danchu must pass)."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from danchu.core.vnformat import number as format_number
from danchu.core.vnformat import percent

from .figures import DEN, DIGITS, NR, PCT, to_number

# "238/316 vụ việc, đạt 88,9%", "25 trên tổng số 26 cơ quan … đạt tỷ lệ 96,2%"
_STATED_RATIO = re.compile(
    NR("a")
    + r"\s*(?:/|trên\s+(?:tổng\s+số\s+)?)\s*"
    + DEN("b")
    + r"(?![\d/])[^.;%]{0,80}?(?:đạt|bằng|chiếm)\s+(?:tỷ\s+lệ\s+)?"
    + PCT(),
    re.I,
)
_ANY_RATE = re.compile(PCT(), re.I)
ADDITIVE_PARTS = {"letters_received": ("complaints_received", "denunciations_received", "feedback_received")}
RATIOS = {
    "complaint_resolution_rate": ("petitions_resolved", "petitions_due"),
    "staff_conference_rate": ("staff_conferences_held", "staff_conferences_required"),
}


def _pct(value):
    return percent(value).rstrip("%")


def _warning(kind, message, span):
    return {"kind": kind, "message": message, "span": list(span)}


def warnings_for(text, figures, day=None):
    found = []
    for match in _STATED_RATIO.finditer(text):
        a, b, stated = (to_number(match.group(g)) for g in ("a", "b", "p"))
        if a is None or b is None or stated is None or b == 0:
            continue
        decimals = len(match.group("p").partition(",")[2])
        actual = (Decimal(a) * 100 / Decimal(b)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        if abs(actual - Decimal(str(stated))) > Decimal("0.1") * max(1, decimals and 1):
            found.append(
                _warning(
                    "arithmetic",
                    _("Tỷ lệ ghi %(stated)s%% nhưng %(a)s/%(b)s = %(actual)s%%.")
                    % {
                        "stated": _pct(stated),
                        "a": match.group("a"),
                        "b": match.group("b"),
                        "actual": _pct(float(actual)),
                    },
                    match.span(),
                )
            )
        if a > b:
            found.append(
                _warning(
                    "parts_exceed_total",
                    _("Phần (%(a)s) lớn hơn tổng (%(b)s).") % {"a": match.group("a"), "b": match.group("b")},
                    match.span(),
                )
            )
    for match in _ANY_RATE.finditer(text):
        value = to_number(match.group("p"))
        if value is not None and value > 100:
            found.append(
                _warning(
                    "rate_over_100", _("Tỷ lệ %(v)s%% lớn hơn 100%%.") % {"v": match.group("p")}, match.span()
                )
            )
    values, first = {}, {}
    for figure in figures:
        if figure.partial:
            values[figure.indicator] = values.get(figure.indicator, 0) + figure.value
            first.setdefault(figure.indicator, figure)
            continue
        if figure.indicator in first and values[figure.indicator] != figure.value:
            found.append(
                _warning(
                    "contradiction",
                    _("%(label)s ghi hai giá trị khác nhau: %(a)s và %(b)s.")
                    % {
                        "label": _label(figure.indicator),
                        "a": format_number(values[figure.indicator]),
                        "b": format_number(figure.value),
                    },
                    figure.value_span,
                )
            )
            continue
        first.setdefault(figure.indicator, figure)
        values.setdefault(figure.indicator, figure.value)
    for total, parts in ADDITIVE_PARTS.items():
        if total in values and all(p in values for p in parts):
            if sum(values[p] for p in parts) > values[total]:
                found.append(
                    _warning(
                        "parts_exceed_total",
                        _("Các phần cộng lại (%(sum)s) lớn hơn %(label)s (%(total)s).")
                        % {
                            "sum": format_number(sum(values[p] for p in parts)),
                            "label": _label(total).lower(),
                            "total": format_number(values[total]),
                        },
                        first[total].span,
                    )
                )
    for rate, (num, den) in RATIOS.items():
        if all(c in values for c in (rate, num, den)) and values[den]:
            actual = round(values[num] * 100 / values[den], 1)
            if abs(actual - values[rate]) > 0.1 and not any(
                w["kind"] == "arithmetic" and _overlaps(w["span"], first[rate].value_span) for w in found
            ):
                found.append(
                    _warning(
                        "arithmetic",
                        _("Tỷ lệ ghi %(stated)s%% nhưng %(a)s/%(b)s = %(actual)s%%.")
                        % {
                            "stated": _pct(values[rate]),
                            "a": values[num],
                            "b": values[den],
                            "actual": _pct(actual),
                        },
                        first[rate].span,
                    )
                )
    reduced = values.get("staff_reduced_total")
    if (
        reduced is None
        and "staff_reduced_civil_servants" in values
        and "staff_reduced_public_employees" in values
    ):
        reduced = values["staff_reduced_civil_servants"] + values["staff_reduced_public_employees"]
    quotas = [values.get("staff_quota_civil_servants"), values.get("staff_quota_public_employees")]
    if "staff_reduction_pct" in values and reduced is not None and None not in quotas:
        base = sum(quotas) + reduced  # as the staffing register computes it (definitions.SUMS)
        actual = round(reduced * 100 / base, 1) if base else None
        if actual is not None and abs(actual - values["staff_reduction_pct"]) > 0.1:
            found.append(
                _warning(
                    "arithmetic",
                    _("Tỷ lệ tinh giản ghi %(stated)s%% nhưng %(a)s/(%(q)s + %(a)s) = %(actual)s%%.")
                    % {
                        "stated": _pct(values["staff_reduction_pct"]),
                        "a": reduced,
                        "q": sum(quotas),
                        "actual": _pct(actual),
                    },
                    first["staff_reduction_pct"].span,
                )
            )
    from danchu.reporting.checks import rule_violations

    numeric = {code: value for code, value in values.items()}
    for code, message in rule_violations(numeric, day):
        where = first[code].span if code in first else (0, 0)
        found.append(_warning("rule", str(message), where))
    found.sort(key=lambda w: w["span"])
    return found


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def _label(code):
    from danchu.reporting.indicators import BY_CODE

    indicator = BY_CODE.get(code)
    return str(indicator.label) if indicator else code


__all__ = ["warnings_for", "DIGITS"]
