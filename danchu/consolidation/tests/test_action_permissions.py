"""The consolidation actions check who may act themselves, whoever calls them (view, API, demo):
an agency answers only for itself, only the province's officers review, remind and score, and a
refused call changes nothing, not even the audit trail."""

from decimal import Decimal

from conftest import refused
from danchu.consolidation import actions
from danchu.consolidation.models import Assessment, RequestTarget, ScoringScheme, Submission, SubmissionStatus

from .conftest import docx_upload


def scheme(world, actor):
    return actions.create_scheme(
        actor=actor,
        province=world.tv,
        year=2020,
        name="Bộ tiêu chí",
        criteria=[("1", "Lãnh đạo", 60, []), ("2", "Công khai", 40, [])],
        bands=[("Tốt", 80), ("Yếu", 0)],
    )


def test_an_agency_answers_only_for_itself(world, req):
    def send(actor):
        return actions.submit_upload(
            req, world.a, actor=actor, uploaded_file=docx_upload(), values={"letters_received": 1}
        )

    refused(lambda: send(world.clerk_b))
    assert not Submission.objects.filter(request=req).exists()
    assert send(world.clerk_a).status == SubmissionStatus.SUBMITTED


def test_only_the_province_reviews_and_reminds(world, req, upload):
    sub = upload(req, world.a, world.clerk_a, {"letters_received": 1})
    refused(lambda: actions.accept_submission(sub, actor=world.clerk_a))
    refused(lambda: actions.return_submission(sub, actor=world.head_a, reason="Thiếu phụ lục"))
    refused(lambda: actions.send_reminders(req, actor=world.clerk_b))
    refused(
        lambda: actions.create_request(
            actor=world.clerk_a,
            requesting_org=req.requesting_org,
            reference="1/SNV",
            issued_on=req.issued_on,
            title="Yêu cầu khác",
            period=world.period_2020,
            deadline=req.deadline,
            target_mode=req.target_mode,
            chosen=[world.a],
        )
    )
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SUBMITTED
    assert RequestTarget.objects.filter(request__reference="1/SNV").count() == 0
    assert actions.accept_submission(sub, actor=world.officer).status == SubmissionStatus.ACCEPTED


def test_scoring_checks_the_actor(world):
    refused(lambda: scheme(world, world.clerk_a))
    assert not ScoringScheme.objects.exists()
    made = scheme(world, world.officer)
    leaves = {c.number: c.pk for c in actions.leaf_criteria(made)}
    scores = {leaves["1"]: Decimal(50), leaves["2"]: Decimal(30)}
    refused(lambda: actions.self_assess(made, world.a, scores, actor=world.clerk_b))
    assessment = actions.self_assess(made, world.a, scores, actor=world.clerk_a, submit=True)
    refused(lambda: actions.score_assessment(assessment, scores, actor=world.head_a))
    assessment = Assessment.objects.get(pk=assessment.pk)
    assert assessment.assessor_total is None and assessment.self_total == Decimal(80)
    assert actions.score_assessment(assessment, scores, actor=world.officer).grade == "Tốt"
