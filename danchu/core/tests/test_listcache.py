import pytest

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import listcache


def test_the_subtree_version_moves_with_an_event_below_and_not_beside(world):
    ids_a, before_a, units = listcache.subtree_state(world.a)
    _ids, before_tv, _units = listcache.subtree_state(world.tv)
    _ids, before_b, _units = listcache.subtree_state(world.b)
    assert set(ids_a) == {world.a.pk, world.a_unit.pk}
    assert units == {o.pk: o.short_name or o.name for o in (world.a, world.a_unit)}
    record(world.a_unit, AuditAction.UPDATE, organization=world.a_unit)
    assert listcache.subtree_state(world.a)[1] != before_a
    assert listcache.subtree_state(world.tv)[1] != before_tv
    assert listcache.subtree_state(world.b)[1] == before_b
    world.b.name = "Sở mới"
    world.b.save()
    assert listcache.subtree_state(world.b).version != before_b, "a renamed unit shows at once"


def test_fragment_renders_once_per_version_and_not_at_all_when_switched_off(world, rf, settings):
    request = rf.get("/x/", {"q": "a"})
    request.user, request.org = world.clerk_a, world.a
    calls = []

    def render():
        calls.append(1)
        return f"<p>{len(calls)}</p>"

    assert listcache.fragment(request, "t", "v1", render) == "<p>1</p>"
    assert listcache.fragment(request, "t", "v1", render) == "<p>1</p>"
    assert listcache.fragment(request, "t", "v2", render) == "<p>2</p>"
    other = rf.get("/x/", {"q": "b"})
    other.user, other.org = world.clerk_a, world.a
    assert listcache.fragment(other, "t", "v2", render) == "<p>3</p>"
    someone_else = rf.get("/x/", {"q": "a"})
    someone_else.user, someone_else.org = world.head_a, world.a
    assert listcache.fragment(someone_else, "t", "v2", render) == "<p>4</p>"
    settings.LIST_CACHE_SECONDS = 0
    assert listcache.fragment(request, "t", "v2", render) == "<p>5</p>"


def test_the_subtree_statement_takes_only_an_organisation_path(world):
    """The path is written into the statement (so PostgreSQL plans it once, with its index): only
    digits and slashes get there."""
    world.a.path = "/1/' OR 1=1 --/"
    with pytest.raises(ValueError):
        listcache.subtree_state(world.a)
