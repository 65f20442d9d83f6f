"""The transactions of the action functions (docs/architecture.md rule 1).

An action — the function a view, the API, a command, a task or the demo calls to change state —
runs its writes in `action()`: `transaction.atomic(durable=True)`. When the action returns, its
change is committed for good, and its `transaction.on_commit` effects (the e-mail of a
notification, a task, removing a replaced file) have run after that commit, never before it
nor for a change that rolled back. A caller that wraps an action in a transaction of its own by
mistake gets Django's RuntimeError ("A durable atomic block cannot be nested within another
atomic block") instead of e-mails sent for a change that may still roll back.

Inside an action or a `batch()`, an action is one part of a larger unit: it opens a savepoint
(plain `transaction.atomic()`), and its on-commit effects wait for that unit's commit. So an
action may call other actions (reporting's `sign` registering the report in the document
registry, a petition's answer with a new document) with nothing more to say.

`batch()` is for a caller that owns one all-or-nothing unit of several actions: the demo loader,
`danchu gen-data`, a file import, Django's admin views, a test. It is a plain
`transaction.atomic()` (it may itself sit inside another transaction, e.g. a test's) that lets
the actions inside it nest.

Django skips the durability check when the enclosing block is a TestCase's (pytest-django's `db`
fixture): a test calling an action directly needs nothing; a test calling one inside its own
`transaction.atomic()` needs `batch()`.
"""

import contextlib
import contextvars

from django.db import transaction

# True inside an action's or a batch's block (per thread and per asyncio task, like the
# database connection).
_in_unit = contextvars.ContextVar("danchu_in_unit", default=False)


class _Block(contextlib.ContextDecorator):
    """Decides at each entry (not when a function is decorated) whether it is durable."""

    def __init__(self, *, batch):
        self.batch = batch

    def _recreate_cm(self):
        return type(self)(batch=self.batch)  # one per call: safe across threads and recursion

    def __enter__(self):
        durable = not self.batch and not _in_unit.get()
        self._atomic = transaction.atomic(durable=durable)
        self._atomic.__enter__()
        self._token = _in_unit.set(True)
        return self

    def __exit__(self, *exc_info):
        _in_unit.reset(self._token)
        return self._atomic.__exit__(*exc_info)


def action():
    """The transaction of an action: durable, or a savepoint inside an action or a batch.
    A context manager (`with transactions.action():`) or a decorator (`@transactions.action()`)."""
    return _Block(batch=False)


def batch():
    """One transaction (or savepoint) made of several actions, owned by the caller."""
    return _Block(batch=True)


def in_unit():
    """Whether an action started here would be a part of a larger unit (not durable)."""
    return _in_unit.get()
