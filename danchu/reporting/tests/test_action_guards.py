"""The workflow actions check who may act themselves, not only their views: reviewing, returning
to draft and starting a correction are refused to the province officer and to another agency's
clerk, and nothing changes."""

import pytest
from django.core.exceptions import PermissionDenied

from danchu.reporting import actions
from danchu.reporting.models import Report, ReportStatus


def submitted(draft, world):
    report = actions.mark_reviewed(draft, actor=world.clerk_a)
    report = actions.sign(report, actor=world.head_a)
    return actions.submit(report, actor=world.clerk_a)


@pytest.mark.parametrize("outsider", ["officer", "clerk_b"])
def test_review_and_return_check_the_actor(draft, world, outsider):
    with pytest.raises(PermissionDenied):
        actions.mark_reviewed(draft, actor=getattr(world, outsider))

    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    with pytest.raises(PermissionDenied):
        actions.return_to_draft(reviewed, actor=getattr(world, outsider))
    reviewed.refresh_from_db()
    assert reviewed.status == ReportStatus.REVIEWED


@pytest.mark.parametrize("outsider", ["officer", "clerk_b"])
def test_a_correction_is_started_only_by_the_agency(draft, world, outsider):
    report = submitted(draft, world)
    with pytest.raises(PermissionDenied):
        actions.start_correction(report, actor=getattr(world, outsider), reason="Sửa số liệu")

    assert not Report.objects.filter(corrects=report).exists()
    new = actions.start_correction(report, actor=world.clerk_a, reason="Sửa số liệu")
    assert new.version == 2 and new.corrects == report
