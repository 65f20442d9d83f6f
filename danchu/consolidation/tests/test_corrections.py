"""A corrected report (v2), signed and submitted in reporting, becomes the current answer to the
request its first version answered: shown as v2 with its reason, used by the consolidation;
timeliness stays judged on the first version (docs/consolidation.md)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danchu.consolidation import actions, provincial
from danchu.consolidation.models import Submission, SubmissionKind, SubmissionStatus
from danchu.reporting import actions as reporting
from danchu.reporting.tests.conftest import make_draft

from .conftest import when

REASON = "Bổ sung 03 đơn phản ánh vào sổ sau khi gửi"


def register_letters(world, count, start=0):
    from danchu.petitions import actions as petitions

    for i in range(start, start + count):
        petitions.register(
            world.a,
            actor=world.clerk_a,
            kind="feedback",
            channel="paper",
            received_on=datetime.date(2020, 6, 15),
            subject=f"Phản ánh số {i + 1}",
            content="Nội dung phản ánh",
            identity={"full_name": f"Người gửi {i + 1}"},
        )


def sign_and_submit(report, world):
    report = reporting.mark_reviewed(report, actor=world.clerk_a)
    report = reporting.sign(report, actor=world.head_a)
    return reporting.submit(report, actor=world.clerk_a)


@pytest.fixture
def answered(world, req):
    """A's report v1 (15 letters) submitted and answering the request on 10/11/2020, on time."""
    register_letters(world, 15)
    v1 = sign_and_submit(make_draft(world, world.period_2020, datetime.date(2020, 11, 9)), world)
    sub = actions.submit_report(
        req, world.a, v1, actor=world.clerk_a, submitted_at=when(datetime.date(2020, 11, 10))
    )
    return v1, sub


def correct(v1, world):
    """The correction v2: three more letters registered, then signed and submitted (today, after
    the request's deadline)."""
    register_letters(world, 3, start=15)
    v2 = reporting.start_correction(v1, actor=world.clerk_a, reason=REASON)
    return sign_and_submit(v2, world)


def test_a_submitted_correction_becomes_the_current_answer(world, req, answered):
    v1, first = answered
    actions.accept_submission(first, actor=world.officer)
    v2 = correct(v1, world)
    current = Submission.objects.get(request=req, organization=world.a, is_current=True)
    assert (current.version, current.kind, current.report) == (2, SubmissionKind.REPORT, v2)
    assert current.status == SubmissionStatus.SUBMITTED and current.previous == first
    assert current.correction_reason == REASON
    assert current.values["letters_received"] == 18
    first.refresh_from_db()
    assert not first.is_current and first.status == SubmissionStatus.ACCEPTED


def test_the_consolidation_uses_the_corrected_values(world, req, answered):
    v1, _first = answered
    assert provincial.consolidate(req).totals["letters_received"] == 15
    correct(v1, world)
    result = provincial.consolidate(req)
    assert result.totals["letters_received"] == 18
    assert [s.report.version for s in result.submissions] == [2]


def test_the_request_page_shows_v2_its_reason_and_the_timeliness_rule(world, req, answered, client_for):
    v1, _first = answered
    correct(v1, world)
    page = client_for(world.officer).get(reverse("consolidation:detail", args=[req.uuid])).content.decode()
    row = page[page.index('data-org="TV.A"') :]
    row = row[: row.index("</tr>")]
    assert ">v2</a>" in row and f"Đính chính: {REASON}" in row
    assert "Đúng hạn" in row
    assert "Gửi lần đầu 10/11/2020 (đúng hạn); phiên bản 2 gửi" in row and "(sau hạn)" in row
    assert 'id="timeliness-rule"' in page and "tính theo lần gửi đầu tiên" in page
    agency = (
        client_for(world.officer)
        .get(reverse("consolidation:agency", args=[req.uuid, world.a.uuid]))
        .content.decode()
    )
    assert f"Đính chính: {REASON}" in agency


def test_timeliness_is_judged_on_the_first_version(world, req, answered):
    v1, _first = answered
    correct(v1, world)
    row = next(r for r in provincial.completeness(req).rows if r.organization == world.a)
    assert row.current.version == 2 and row.current.is_late
    assert row.state == provincial.ON_TIME
    assert provincial.completeness(req).on_time == 1


def test_a_late_first_answer_stays_late_when_corrected(world, req):
    register_letters(world, 15)
    v1 = sign_and_submit(make_draft(world, world.period_2020, datetime.date(2020, 11, 9)), world)
    actions.submit_report(
        req, world.a, v1, actor=world.clerk_a, submitted_at=when(datetime.date(2020, 11, 20))
    )
    correct(v1, world)
    row = next(r for r in provincial.completeness(req).rows if r.organization == world.a)
    assert row.current.version == 2 and row.state == provincial.LATE


def test_a_correction_after_a_return_reaches_the_province(world, req, answered):
    v1, first = answered
    actions.return_submission(first, actor=world.officer, reason="Thiếu 03 đơn phản ánh")
    correct(v1, world)
    current = Submission.objects.get(request=req, organization=world.a, is_current=True)
    assert current.version == 2 and current.status == SubmissionStatus.SUBMITTED
    assert [r.organization for r in provincial.completeness(req).rows if r.counted] == [world.a]


def test_the_superseded_version_cannot_be_sent_again(world, req, answered, client_for):
    v1, _first = answered
    v2 = correct(v1, world)
    current = Submission.objects.get(request=req, organization=world.a, is_current=True)
    actions.return_submission(current, actor=world.officer, reason="Ghi rõ nguồn số liệu")
    with pytest.raises(ValidationError, match="bản đính chính đã gửi"):
        actions.submit_report(req, world.a, v1, actor=world.clerk_a)
    page = (
        client_for(world.clerk_a)
        .get(reverse("consolidation:agency", args=[req.uuid, world.a.uuid]))
        .content.decode()
    )
    form = page[page.index('id="link-form"') :]
    form = form[: form.index("</form>")]
    assert f'value="{v2.pk}"' in form and f'value="{v1.pk}"' not in form


def test_a_report_that_answered_nothing_forwards_nothing(world, req):
    register_letters(world, 2)
    v1 = sign_and_submit(make_draft(world, world.period_2020, datetime.date(2020, 11, 9)), world)
    correct(v1, world)
    assert not Submission.objects.filter(request=req).exists()
