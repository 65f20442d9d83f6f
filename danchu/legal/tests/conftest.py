import pytest

from danchu.legal import calendar, deadlines


@pytest.fixture(autouse=True)
def _fresh_legal_caches():
    """Each test starts and ends with empty calendar and rule caches (the database is rolled back)."""
    calendar.clear_cache()
    deadlines.clear_cache()
    yield
    calendar.clear_cache()
    deadlines.clear_cache()


def shipped_override_dates():
    """The days the data migration 0004 ships as overrides (the 2026 New Year swap, 24/11 kept a
    working day), which tests that count the administrator's overrides leave out."""
    import importlib

    module = importlib.import_module("danchu.legal.migrations.0004_law_2026_rules_and_calendar")
    return [row[0] for row in module.OVERRIDES]


SHIPPED_OVERRIDE_DATES = shipped_override_dates()
