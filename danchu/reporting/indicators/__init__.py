"""Indicators: every figure of a report, defined once (definitions.py), computed from the registers'
statistics (compute.py), aggregated over organisations and drilled down to their records."""

from .base import Aggregate, Indicator, IndicatorValue, Origin, RegisterMissing, Unit
from .compute import SOURCES, ReportData, compute, records_function, stats_function
from .definitions import BY_CODE, GROUPS, INDICATORS, LISTS, label_on

__all__ = [
    "Aggregate",
    "BY_CODE",
    "GROUPS",
    "INDICATORS",
    "Indicator",
    "IndicatorValue",
    "LISTS",
    "Origin",
    "RegisterMissing",
    "ReportData",
    "SOURCES",
    "Unit",
    "aggregate",
    "compute",
    "label_on",
    "records_function",
    "stats_function",
]


def aggregate(rows):
    """{code: aggregated value} over organisations; `rows` is a list of {code: value} dicts."""
    return {indicator.code: indicator.aggregate_values(rows) for indicator in INDICATORS}
