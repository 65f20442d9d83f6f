"""The activities actions check who may change the register themselves, whoever calls them: an
outsider's or a staff member's call is refused and changes nothing, not even the audit trail."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from danchu.activities import actions
from danchu.activities.models import Campaign
from danchu.audit.models import AuditEvent


def campaign(world, **kwargs):
    return Campaign(
        organization=world.a_unit,
        topic="Covid-19",
        channel="agency_website",
        start=datetime.date(2020, 2, 1),
        articles=3,
        **kwargs,
    )


@pytest.mark.parametrize("outsider", ["clerk_b", "staff_a", "officer"])
def test_a_campaign_is_changed_only_by_its_agency(world, outsider):
    user = getattr(world, outsider)
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied, match="không có quyền"):
        actions.save_campaign(campaign(world), actor=user)
    assert not Campaign.objects.exists() and AuditEvent.objects.count() == events
    stored = actions.save_campaign(campaign(world), actor=world.clerk_a)
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        actions.delete_campaign(stored, actor=user)
    assert Campaign.objects.filter(pk=stored.pk).exists() and AuditEvent.objects.count() == events
