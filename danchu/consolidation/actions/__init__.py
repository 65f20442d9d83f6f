"""Every change on the provincial side goes through one of these functions: atomic, validated
with Vietnamese messages, and audited in the same transaction.

A package by workflow; every name is re-exported here so callers import from the package."""

from .completeness import (
    missing_orgs,
    send_reminders,
)
from .requests import (
    _agency_users,
    _notify,
    _period_for_request,
    create_request,
)
from .scoring import (
    _check_scores,
    create_scheme,
    get_assessment,
    grade_for,
    leaf_criteria,
    score_assessment,
    self_assess,
)
from .submissions import (
    _check_upload,
    _later_submitted_version,
    _new_submission,
    _prepare_version,
    accept_submission,
    clean_values,
    forward_correction,
    return_submission,
    submit_report,
    submit_upload,
)

__all__ = [
    "_agency_users",
    "_notify",
    "_period_for_request",
    "create_request",
    "missing_orgs",
    "send_reminders",
    "_check_upload",
    "_later_submitted_version",
    "_new_submission",
    "_prepare_version",
    "accept_submission",
    "clean_values",
    "forward_correction",
    "return_submission",
    "submit_report",
    "submit_upload",
    "_check_scores",
    "create_scheme",
    "get_assessment",
    "grade_for",
    "leaf_criteria",
    "score_assessment",
    "self_assess",
]
