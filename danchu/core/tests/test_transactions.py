"""core/transactions.py: an action's block is durable unless an action or a batch encloses it.

These read the block each call opens (Django sets `durable` on it even where a TestCase's
transaction makes it skip the check); danchu/consolidation/tests/test_durable_actions.py shows the
refusal, the batch and the e-mail after the commit on real transactions."""

import pytest
from django.db import connection

from danchu.core import transactions


@transactions.action()
def decorated():
    """Decorated once, at import: the block is chosen at each call."""
    return connection.atomic_blocks[-1].durable, transactions.in_unit()


class Boom(Exception):
    pass


def test_an_action_alone_is_durable_and_its_body_a_unit(db):
    assert decorated() == (True, True)
    with transactions.action():
        assert connection.atomic_blocks[-1].durable
    assert not transactions.in_unit()


def test_an_action_inside_an_action_or_a_batch_is_a_savepoint(db):
    with transactions.action():
        assert decorated() == (False, True)
        with transactions.action():
            assert not connection.atomic_blocks[-1].durable
    with transactions.batch():
        assert not connection.atomic_blocks[-1].durable
        assert decorated() == (False, True)
    assert decorated() == (True, True)  # the same decorated function, alone again


def test_a_failed_block_leaves_no_unit_behind(db):
    with pytest.raises(Boom), transactions.batch():
        raise Boom
    with pytest.raises(Boom):
        with transactions.action():
            raise Boom
    assert not transactions.in_unit()
    assert decorated() == (True, True)


def test_the_demo_command_runs_each_app_s_loader_as_a_batch(db, monkeypatch):
    """`danchu demo` wraps each loader in a transaction; the actions the loader calls nest in it."""
    from danchu.core.management.commands import demo

    class Loader:
        @staticmethod
        def load(ctx):
            ctx["seen"] = decorated()

    monkeypatch.setattr(demo, "demo_modules", lambda: [("fake", Loader)])
    assert demo.load_demo()["seen"] == (False, True)
