import pytest

from danchu.core.management.commands.demo import DemoContext


@pytest.fixture
def demo(db):
    """The orgs demo, then this app's demo, loaded through the actions."""
    from danchu.activities import demo as activities_demo
    from danchu.orgs import demo as orgs_demo

    ctx = DemoContext()
    orgs_demo.load(ctx)
    activities_demo.load(ctx)
    return ctx
