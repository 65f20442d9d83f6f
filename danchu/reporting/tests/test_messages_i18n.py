"""Problems found before sign-off follow the user's language; Vietnamese stays the default."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from danchu.reporting import actions
from danchu.reporting.checks import run_checks, validation_problems

from .test_checks import data_with

TOO_MANY_ANSWERED = {"complaints_received": 2, "complaints_answered": 3}


def by_code(problems):
    return {p.code: p.message for p in problems}


def test_rule_problems_are_english_in_english(draft):
    with translation.override("en"):
        message = by_code(validation_problems(draft, data_with(**TOO_MANY_ANSWERED)))[
            "rule:complaints_answered"
        ]
    assert message.startswith(
        "The number of complaints answered cannot exceed the number of complaints received. Currently: "
    )
    assert "= 3;" in message and "Hiện có" not in message


def test_rule_problems_stay_vietnamese_by_default(draft):
    message = by_code(validation_problems(draft, data_with(**TOO_MANY_ANSWERED)))["rule:complaints_answered"]
    assert message.startswith(
        "Số đơn khiếu nại đã trả lời không được lớn hơn số đơn khiếu nại tiếp nhận. Hiện có: "
    )


def test_missing_section_is_reported_in_english(draft, world):
    actions.save_section(draft, "tasks", "", actor=world.clerk_a)
    data = actions.report_data(draft)
    with translation.override("en"):
        english = by_code(run_checks(draft, data))
    vietnamese = by_code(run_checks(draft, data))
    # The heading is the document's own wording and stays Vietnamese.
    assert (
        english["section:tasks"]
        == "The required section “V. NHIỆM VỤ TRỌNG TÂM NĂM 2021” has no content yet."
    )
    assert vietnamese["section:tasks"] == "Mục bắt buộc “V. NHIỆM VỤ TRỌNG TÂM NĂM 2021” chưa có nội dung."


def test_missing_signer_and_recipients_are_reported_in_english(draft):
    draft.signer = None
    draft.recipients = ""
    data = actions.report_data(draft)
    with translation.override("en"):
        english = by_code(run_checks(draft, data, texts={}))
    assert english["signer"] == "No signer has been chosen for the report."
    assert english["recipients"] == "No recipients yet."
    vietnamese = by_code(run_checks(draft, data, texts={}))
    assert (
        vietnamese["signer"] == "Chưa chọn người ký báo cáo."
        and vietnamese["recipients"] == "Chưa có nơi nhận."
    )


def test_report_page_lists_problems_in_english(draft, world, client_for):
    actions.save_section(draft, "tasks", "", actor=world.clerk_a)
    client = client_for(world.clerk_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("reporting:detail", args=[draft.uuid])).content.decode()
    assert "has no content yet" in html and "chưa có nội dung" not in html
