"""Pages of the petitions register. Views are thin: check access, validate a form, call one
action, redirect; or re-render with the errors and what the user typed.

A package by workflow; every name is re-exported here so callers import from the package."""

from .figures import (
    _period,
    statistics,
    statistics_records,
)
from .letters import (
    ACTION_FORMS,
    _call,
    _detail_context,
    _iso,
    _make_form,
    act,
    attachment,
    detail,
    register,
    reveal,
    scan,
)
from .lists import (
    _due_soon_limit,
    _filtered,
    _worklist_body,
    _worklist_filters,
    export,
    worklist,
)
from .public import (
    _pretty,
    _too_many,
    public_done,
    public_lookup,
    public_submit,
)
from .receptions import (
    _reception_petitions,
    reception_create,
    receptions,
    schedule,
)
from .shared import (
    PAGE_SIZE,
    _get_petition,
    _require,
)

__all__ = [
    "ACTION_FORMS",
    "PAGE_SIZE",
    "_call",
    "_detail_context",
    "_due_soon_limit",
    "_filtered",
    "_get_petition",
    "_iso",
    "_make_form",
    "_period",
    "_pretty",
    "_reception_petitions",
    "_require",
    "_too_many",
    "_worklist_body",
    "_worklist_filters",
    "act",
    "attachment",
    "detail",
    "export",
    "public_done",
    "public_lookup",
    "public_submit",
    "reception_create",
    "receptions",
    "register",
    "reveal",
    "scan",
    "schedule",
    "statistics",
    "statistics_records",
    "worklist",
]
