"""The one numbering service (core/numbering.py): per issuer, per kind, per year, locked."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from danchu.core import numbering
from danchu.core.models import Sequence


def test_numbers_follow_each_other_per_issuer_kind_and_year(world):
    with transaction.atomic():
        first = [numbering.allocate(world.a, numbering.PETITION, 2026) for _ in range(3)]
        other_issuer = numbering.allocate(world.b, numbering.PETITION, 2026)
        other_kind = numbering.allocate(world.a, numbering.DISCLOSURE, 2026)
        next_year = numbering.allocate(world.a, numbering.PETITION, 2027)
    assert first == [1, 2, 3]
    assert (other_issuer, other_kind, next_year) == (1, 1, 1)
    assert numbering.last(world.a, numbering.PETITION, 2026) == 3


def test_a_number_given_outside_danchu_is_skipped_and_none_is_reused(world):
    with transaction.atomic():
        assert numbering.allocate(world.a, numbering.document_kind("BC"), 2020, at_least=119) == 120
        # the văn thư's register now says less (an entry deleted): the sequence never goes back
        assert numbering.allocate(world.a, numbering.document_kind("BC"), 2020, at_least=3) == 121


def test_one_row_per_issuer_kind_and_year(world):
    Sequence.objects.create(issuer=world.a, kind=numbering.PETITION, year=2026, last=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        Sequence.objects.create(issuer=world.a, kind=numbering.PETITION, year=2026, last=0)


def test_a_rolled_back_allocation_gives_its_number_again(world):
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        numbering.allocate(world.a, numbering.PETITION, 2026)
        1 / 0  # noqa: B018 — the using action fails after taking the number
    with transaction.atomic():
        assert numbering.allocate(world.a, numbering.PETITION, 2026) == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_never_give_the_same_number(world):
    """Eight transactions allocate at the same moment, the first of them creating the row: each
    gets its own number. On PostgreSQL each waits on the row lock (or on the unique index while
    another inserts the row); SQLite lets one writer at a time anyway."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections need PostgreSQL (run it with scripts/with-postgres)")
    start = threading.Barrier(8)
    numbers, errors = [], []

    def allocate():
        try:
            start.wait(timeout=30)
            with transaction.atomic():
                numbers.append(numbering.allocate(world.a, numbering.PETITION, 2026))
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))
    assert Sequence.objects.get(issuer=world.a, kind=numbering.PETITION, year=2026).last == 8
