"""The oversight actions check who may change the register themselves, whoever calls them: an
outsider's or a staff member's call is refused and changes nothing, not even the audit trail; a
record is not moved into or out of an organisation one may not change."""

import datetime

import pytest

from conftest import refused
from danchu.oversight import actions
from danchu.oversight.models import Inspection, PartyOversight

from .test_views import make_inspection


@pytest.mark.parametrize("outsider", ["clerk_b", "staff_a", "officer"])
def test_an_inspection_is_changed_only_by_its_agency(world, outsider):
    user = getattr(world, outsider)
    new = Inspection(
        organization=world.a,
        ref="KT-02/2020",
        kind="specialised",
        mode="led",
        field="printing",
        subject_line="Kiểm tra",
        start=datetime.date(2020, 6, 8),
    )
    refused(lambda: actions.save_inspection(new, actor=user))
    assert not Inspection.objects.filter(ref="KT-02/2020").exists()
    stored = make_inspection(world.a, actor=world.clerk_a)
    stored.subject_line = "Đổi nội dung"
    refused(lambda: actions.save_inspection(stored, actor=user))
    refused(lambda: actions.delete_inspection(stored, actor=user))
    assert Inspection.objects.get(pk=stored.pk).subject_line == "Kiểm tra hoạt động in"


def test_a_record_is_not_moved_out_of_an_organisation_one_may_not_change(world):
    stored = make_inspection(world.a, actor=world.clerk_a)
    stored.organization = world.b
    refused(lambda: actions.save_inspection(stored, actor=world.clerk_b))
    assert Inspection.objects.get(pk=stored.pk).organization == world.a


def test_party_oversight_is_refused_to_the_inspector(world):
    item = PartyOversight(organization=world.a)
    refused(lambda: actions.save_party_oversight(item, actor=world.inspector_a))
    assert not PartyOversight.objects.exists()
    inspection = make_inspection(world.a, actor=world.inspector_a)  # inspections are theirs
    assert inspection.pk
