"""The one numbering service: every yearly sequence of numbers an issuer gives (petition
references ĐT-2026-0001, disclosure references CK-2026-001, the number of a signed report shared
with the registry's outgoing documents of its type).

A sequence is one row per (issuer, kind, year) under a unique constraint. `allocate` locks it with
SELECT ... FOR UPDATE inside the caller's transaction, so two allocations for the same sequence
never give the same number: the second waits for the first to commit (PostgreSQL) or for the
database write lock (SQLite). Numbers restart at 1 each year because the year is part of the key.

Kinds are short stable codes owned by the app that numbers: `petition`, `disclosure`, and
`document:<type>` for the registry's types of documents (`document:BC` for reports)."""

from django.db import transaction

from .models import Sequence

PETITION = "petition"
DISCLOSURE = "disclosure"


def document_kind(kind):
    """The sequence kind of the registry's documents of one type (BC, QĐ, ...)."""
    return f"document:{kind}"


def allocate(issuer, kind, year, *, at_least=0):
    """The next number of the sequence: one more than both the last number it gave and
    `at_least` (numbers given outside danchu, such as those the văn thư registered by hand).
    Must run inside the transaction that uses the number (the lock lasts until it ends)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("numbering.allocate must run inside the transaction that uses the number")
    # get_or_create inserts in a savepoint; when another transaction inserted the row first, the
    # insert waits for it, fails on the unique constraint and the row is read again, locked.
    sequence, _created = Sequence.objects.select_for_update().get_or_create(
        issuer=issuer, kind=kind, year=int(year)
    )
    sequence.last = max(sequence.last, at_least) + 1
    sequence.save(update_fields=["last"])
    return sequence.last


def raise_to(issuer, kind, year, at_least):
    """Make the sequence's last number at least `at_least`, for numbers given in bulk without
    `allocate` (the synthetic data of `danchu gen-data`), so the next `allocate` follows them.
    Must run inside a transaction, like `allocate`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("numbering.raise_to must run inside a transaction")
    sequence, _created = Sequence.objects.select_for_update().get_or_create(
        issuer=issuer, kind=kind, year=int(year)
    )
    if sequence.last < at_least:
        sequence.last = at_least
        sequence.save(update_fields=["last"])
    return sequence.last


def last(issuer, kind, year):
    """The last number given (0 when none), without locking."""
    return (
        Sequence.objects.filter(issuer=issuer, kind=kind, year=year).values_list("last", flat=True).first()
        or 0
    )
