"""Which half of `make test` runs a test (root conftest.py, deselect_by_database): the SQLite half
(--db-tests-only) keeps the tests whose outcome may depend on the database's engine; the tests
that cannot touch the database, and those marked engine_independent, run in the other half."""

import types

from conftest import deselect_by_database


class Item:
    def __init__(self, name, *, markers=(), fixtures=()):
        self.name, self.markers, self.fixturenames = name, set(markers), list(fixtures)

    def get_closest_marker(self, name):
        return object() if name in self.markers else None


def _kept(items, *, keep_db):
    dropped = []
    config = types.SimpleNamespace(
        hook=types.SimpleNamespace(pytest_deselected=lambda items: dropped.extend(items))
    )
    items = list(items)
    deselect_by_database(config, items, keep_db=keep_db)
    assert {i.name for i in items} | {i.name for i in dropped} == {i.name for i in ITEMS}
    return {i.name for i in items}


ITEMS = [
    Item("parser"),
    Item("view", fixtures=["db"]),
    Item("marked", markers=["django_db"]),
    Item("pages", markers=["engine_independent"], fixtures=["db"]),
    Item("browser", fixtures=["live_server"]),
]


def test_the_sqlite_half_leaves_the_engine_independent_tests_to_the_other():
    assert _kept(ITEMS, keep_db=True) == {"view", "marked", "browser"}


def test_db_free_only_keeps_only_the_tests_that_cannot_touch_the_database():
    assert _kept(ITEMS, keep_db=False) == {"parser"}
