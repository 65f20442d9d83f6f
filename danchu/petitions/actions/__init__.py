"""Every step of a petition's life, one function each: atomic, validated (ValidationError with
a Vietnamese message), permission-checked (PermissionDenied) and audited in the same
transaction. Views, commands and the demo call these; nothing else changes workflow state.

Deadlines come from danchu.legal.deadlines.compute (the law lives there); the due dates are
stored on the case and recomputed here whenever a step changes them.

A package by workflow; every name is re-exported here so callers import from the package."""

from .handling import (
    _extension_refusal,
    _fmt,
    _max_extensions,
    answer,
    close,
    extend,
    link_duplicate,
    mark_complex,
    record_decision_sent,
    record_verification,
    request_answer_document,
    resume,
    suspend,
)
from .identity import (
    open_identity_scan,
    reveal_identity,
)
from .intake import (
    accept,
    assign,
    classify,
    possible_duplicates,
    register,
)
from .keys import (
    rotate_identity_keys,
)
from .reception import (
    publish_schedule,
    record_reception,
)
from .shared import (
    ANONYMOUS_DENUNCIATION,
    AUDIT_EXCLUDE,
    IDENTITY_FIELDS,
    REFERENCE_PREFIX,
    _check,
    _date,
    _event,
    _Files,
    _is_user,
    _lock,
    _next_reference,
    _normalize,
    _not_before,
    _refuse_anonymous_denunciation,
    _save_and_audit,
    _set_next_due,
    _snap,
    _step_dict,
    _today,
    _unique_code,
    refresh_deadlines,
    sender_fingerprint,
)

__all__ = [
    "ANONYMOUS_DENUNCIATION",
    "AUDIT_EXCLUDE",
    "IDENTITY_FIELDS",
    "REFERENCE_PREFIX",
    "_Files",
    "_check",
    "_date",
    "_event",
    "_is_user",
    "_lock",
    "_next_reference",
    "_normalize",
    "_not_before",
    "_refuse_anonymous_denunciation",
    "_save_and_audit",
    "_set_next_due",
    "_snap",
    "_step_dict",
    "_today",
    "_unique_code",
    "refresh_deadlines",
    "sender_fingerprint",
    "accept",
    "assign",
    "classify",
    "possible_duplicates",
    "register",
    "_extension_refusal",
    "_fmt",
    "_max_extensions",
    "answer",
    "close",
    "extend",
    "link_duplicate",
    "mark_complex",
    "record_decision_sent",
    "request_answer_document",
    "record_verification",
    "resume",
    "suspend",
    "open_identity_scan",
    "reveal_identity",
    "publish_schedule",
    "record_reception",
    "rotate_identity_keys",
]
