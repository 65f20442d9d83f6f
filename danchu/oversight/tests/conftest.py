import pytest


@pytest.fixture
def demo(demo_data):
    """The orgs demo, then this app's demo, loaded through the actions (once per session; the
    root conftest's `demo_data` restores the rows into each test)."""
    return demo_data("oversight")
