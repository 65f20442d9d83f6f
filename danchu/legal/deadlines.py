"""Deadlines of a petition from the `DeadlineRule` records (LEGAL.md §5).

    compute("complaint", received, accepted=..., complex=..., remote=..., second=...)

returns the steps that apply, each with its due date and legal basis. Rules are chosen by the
date the letter was received (`applies_from` ≤ received ≤ `applies_to`). All rules are read
with one query and kept per process (cleared when a rule is saved; other processes reload
after `CACHE_SECONDS`), so computing deadlines for a whole worklist costs no query per case.
"""

import dataclasses
import datetime
import threading
import time

from . import calendar
from .models import CountedFrom, DayKind, DeadlineVariant, PetitionKind
from .models import DeadlineStep as Step

CACHE_SECONDS = 300

_cache = {"rules": None, "loaded_at": 0.0}
_lock = threading.Lock()


@dataclasses.dataclass(frozen=True)
class DeadlineStep:
    step: str
    due: datetime.date
    days: int
    day_kind: str  # "working" or "calendar"
    basis: str
    counted_from: datetime.date
    label: str
    counted_from_kind: str = CountedFrom.RECEIVED  # received | accepted | decision
    variant: str = DeadlineVariant.NORMAL
    needs_check: bool = False

    def as_dict(self):
        return {
            "step": self.step,
            "label": self.label,
            "due": self.due.isoformat(),
            "days": self.days,
            "day_kind": self.day_kind,
            "basis": self.basis,
            "counted_from": self.counted_from.isoformat(),
            "counted_from_kind": str(self.counted_from_kind),
            "variant": str(self.variant),
            "needs_check": self.needs_check,
        }


def clear_cache():
    with _lock:
        _cache["rules"] = None


def _shipped_rules():
    """The rules as shipped in the data migration, for a database not migrated yet (e.g. the
    `danchu deadlines` command run before `danchu migrate`). Never cached."""
    import importlib

    from .models import DeadlineRule

    data = importlib.import_module("danchu.legal.migrations.0002_load_rules_and_catalogs").RULES
    fields = ("kind", "step", "variant", "days", "day_kind", "counted_from", "basis")
    rules = []
    for row in data:
        values = dict(zip(fields, row[:7], strict=True))
        rules.append(DeadlineRule(**values, applies_from=row[7], applies_to=row[8], needs_check=row[9]))
    return sorted(rules, key=lambda r: r.applies_from)


def _index(rules):
    index = {}
    for rule in rules:
        index.setdefault((rule.kind, rule.step, rule.variant), []).append(rule)
    return index


def _rules():
    rules = _cache["rules"]
    if rules is None or time.monotonic() - _cache["loaded_at"] > CACHE_SECONDS:
        from django.db import DatabaseError

        from .models import DeadlineRule

        try:
            rules = _index(DeadlineRule.objects.order_by("applies_from"))
        except DatabaseError:  # the table does not exist yet
            return _index(_shipped_rules())
        with _lock:
            _cache["rules"], _cache["loaded_at"] = rules, time.monotonic()
    return rules


def _rule(kind, step, variants, received):
    """The first rule in force on `received` among `variants` (most specific first)."""
    rules = _rules()
    for variant in variants:
        for rule in rules.get((kind, step, variant), ()):
            if rule.applies_on(received):
                return rule
    return None


def _due(rule, start):
    if rule.day_kind == DayKind.WORKING:
        return calendar.add_working_days(start, rule.days)
    return calendar.add_calendar_days(start, rule.days)


def _step(rule, start, label=None):
    return DeadlineStep(
        step=rule.step,
        due=_due(rule, start),
        days=rule.days,
        day_kind=rule.day_kind,
        basis=rule.basis,
        counted_from=start,
        label=str(label or Step(rule.step).label),
        counted_from_kind=rule.counted_from,
        variant=rule.variant,
        needs_check=rule.needs_check,
    )


def complaint_variant(*, complex=False, remote=False, second=False):
    """The variant of a complaint's resolve period: e.g. second_remote_complex."""
    parts = [p for p, on in (("second", second), ("remote", remote), ("complex", complex)) if on]
    return "_".join(parts) or DeadlineVariant.NORMAL


def compute(
    kind,
    received,
    *,
    accepted=None,
    complex=False,
    especially_complex=False,
    remote=False,
    second=False,
    several_places=False,
):
    """The deadlines of a petition of `kind` received on `received` (see the module doc).

    The resolve step (and extensions, and sending the decision) needs `accepted`; without it
    they are omitted. `remote` and `second` concern complaints only, `several_places` and
    `especially_complex` denunciations (an especially complex complaint counts as complex).
    """
    if kind not in PetitionKind.values:
        raise ValueError(
            f"Loại đơn không hợp lệ: {kind!r}. Chọn một trong: khiếu nại (complaint), tố cáo (denunciation), "
            "đơn thư (letter), phản ánh, kiến nghị (feedback)."
        )
    if not isinstance(received, datetime.date) or isinstance(received, datetime.datetime):
        raise ValueError("Ngày nhận đơn phải là một ngày (date).")
    if accepted is not None:
        if not isinstance(accepted, datetime.date) or isinstance(accepted, datetime.datetime):
            raise ValueError("Ngày thụ lý phải là một ngày (date).")
        if accepted < received:
            raise ValueError("Ngày thụ lý không được trước ngày nhận đơn.")

    steps = []

    def add(step, variants, start, label=None):
        rule = _rule(kind, step, variants, received)
        if rule is not None:
            steps.append(_step(rule, start, label))
        return steps[-1] if rule is not None else None

    if kind == PetitionKind.COMPLAINT:
        add(Step.ACCEPT, [DeadlineVariant.NORMAL], received)
        if accepted is not None:
            variant = complaint_variant(complex=complex or especially_complex, remote=remote, second=second)
            label = "Giải quyết khiếu nại lần hai" if second else "Giải quyết khiếu nại lần đầu"
            resolve = add(Step.RESOLVE, [variant], accepted, label)
            if resolve is not None:
                add(
                    Step.SEND_DECISION,
                    [DeadlineVariant.NORMAL],
                    resolve.due,
                    "Gửi quyết định giải quyết (tính từ hạn giải quyết)",
                )
    elif kind == PetitionKind.DENUNCIATION:
        variants = [DeadlineVariant.SEVERAL_PLACES, DeadlineVariant.NORMAL] if several_places else ["normal"]
        add(Step.PROCESS, variants, received, "Thụ lý, phân loại, kiểm tra điều kiện tố cáo")
        add(
            Step.TRANSFER,
            [DeadlineVariant.NORMAL],
            received,
            "Chuyển đơn tố cáo (nếu không thuộc thẩm quyền)",
        )
        if accepted is not None:
            resolve = add(Step.RESOLVE, [DeadlineVariant.NORMAL], accepted, "Giải quyết tố cáo")
            if resolve is not None and (complex or especially_complex):
                ext1 = add(
                    Step.EXTENSION_1,
                    [DeadlineVariant.COMPLEX, DeadlineVariant.NORMAL],
                    resolve.due,
                    "Gia hạn lần 1 (vụ việc phức tạp)",
                )
                if ext1 is not None and especially_complex:
                    add(
                        Step.EXTENSION_2,
                        [DeadlineVariant.ESPECIALLY_COMPLEX, DeadlineVariant.NORMAL],
                        ext1.due,
                        "Gia hạn lần 2 (vụ việc đặc biệt phức tạp)",
                    )
    else:  # letter, feedback: classify and process; feedback's answer date is set by the handler.
        add(Step.PROCESS, [DeadlineVariant.NORMAL], received, "Phân loại, xử lý đơn")
    return steps
