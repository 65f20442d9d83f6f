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
# The data migration that holds the rules as shipped (the newest one that changes them).
SHIPPED_RULES_MIGRATION = "0006_confirm_second_decision_sending_and_letter_sources"

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
    needs_check: bool = False  # the basis is not confirmed word for word (see the review page)
    note: str = ""  # shown beside the basis when it is not confirmed (why this figure is used)
    provisional: bool = False  # the due date falls in a year whose days off are not announced yet

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
            "note": self.note,
            "provisional": self.provisional,
        }


def clear_cache():
    with _lock:
        _cache["rules"] = None


def _shipped_rules():
    """The rules as shipped in the data migration, for a database not migrated yet (e.g. the
    `danchu deadlines` command run before `danchu migrate`). Never cached."""
    import importlib

    from .models import DeadlineRule

    data = importlib.import_module(f"danchu.legal.migrations.{SHIPPED_RULES_MIGRATION}").RULES
    rules = [DeadlineRule(**row) for row in data]
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


def _step(rule, start, label=None, due=None):
    due = due or _due(rule, start)
    return DeadlineStep(
        step=rule.step,
        due=due,
        days=rule.days,
        day_kind=rule.day_kind,
        basis=rule.basis,
        counted_from=start,
        label=str(label or Step(rule.step).label),
        counted_from_kind=rule.counted_from,
        variant=rule.variant,
        needs_check=rule.needs_check,
        note=rule.public_note if rule.needs_check else "",
        provisional=calendar.is_provisional(due.year),
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
    decided=None,
):
    """The deadlines of a petition of `kind` received on `received` (see the module doc).

    The resolve step (and extensions) needs `accepted`; without it they are omitted. Sending a
    complaint's decision is counted from the date of the decision (`decided`, Luật Khiếu nại
    Art. 32 and 41) and appears only once it is known. `remote` and `second` concern complaints
    only, `several_places` and `especially_complex` denunciations (an especially complex
    complaint counts as complex).

    A denunciation's extensions never exceed 30 / 60 / 90 days from acceptance in all (Luật Tố
    cáo 2018 Art. 30): each period is counted from acceptance, and only its last day moves to
    the next working day (Bộ luật Dân sự Art. 148), never the start of the next extension.
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
    if decided is not None:
        if not isinstance(decided, datetime.date) or isinstance(decided, datetime.datetime):
            raise ValueError("Ngày ban hành quyết định phải là một ngày (date).")
        if decided < (accepted or received):
            raise ValueError(
                "Ngày ban hành quyết định không được trước ngày thụ lý."
                if accepted
                else "Ngày ban hành quyết định không được trước ngày nhận đơn."
            )

    steps = []

    def add(step, variants, start, label=None, due=None, days_from=None):
        rule = _rule(kind, step, variants, received)
        if rule is None:
            return None
        if days_from is not None:  # a cumulative period: days_from + total days, last day rolled
            due = calendar.add_calendar_days(days_from[0], days_from[1] + rule.days)
        steps.append(_step(rule, start, label, due))
        return steps[-1]

    if kind == PetitionKind.COMPLAINT:
        add(Step.ACCEPT, [DeadlineVariant.NORMAL], received)
        if accepted is not None:
            variant = complaint_variant(complex=complex or especially_complex, remote=remote, second=second)
            label = "Giải quyết khiếu nại lần hai" if second else "Giải quyết khiếu nại lần đầu"
            add(Step.RESOLVE, [variant], accepted, label)
        if decided is not None:
            add(
                Step.SEND_DECISION,
                [DeadlineVariant.SECOND] if second else [DeadlineVariant.NORMAL],
                decided,
                "Gửi quyết định giải quyết khiếu nại lần hai"
                if second
                else "Gửi quyết định giải quyết khiếu nại lần đầu",
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
                # Each extension starts where the previous period ends before any roll-forward
                # (accepted + 30, + 60): the total never exceeds 60 / 90 days from acceptance.
                total = resolve.days
                ext1 = add(
                    Step.EXTENSION_1,
                    [DeadlineVariant.COMPLEX, DeadlineVariant.NORMAL],
                    accepted + datetime.timedelta(days=total),
                    "Gia hạn lần 1 (vụ việc phức tạp)",
                    days_from=(accepted, total),
                )
                if ext1 is not None and especially_complex:
                    total += ext1.days
                    add(
                        Step.EXTENSION_2,
                        [DeadlineVariant.ESPECIALLY_COMPLEX, DeadlineVariant.NORMAL],
                        accepted + datetime.timedelta(days=total),
                        "Gia hạn lần 2 (vụ việc đặc biệt phức tạp)",
                        days_from=(accepted, total),
                    )
    else:  # letter, feedback: classify and process; feedback's answer date is set by the handler.
        add(Step.PROCESS, [DeadlineVariant.NORMAL], received, "Phân loại, xử lý đơn")
    return steps
