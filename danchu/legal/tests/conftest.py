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
