"""Validation messages follow the user's language: English with the English UI, Vietnamese by default."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danchu.consolidation import actions, figures
from danchu.reporting.indicators import BY_CODE

UNBALANCED = {
    "letters_received": 6,
    "complaints_received": 2,
    "denunciations_received": 1,
    "feedback_received": 2,
}
WRONG_RATE = {"petitions_due": 5, "petitions_resolved": 4, "complaint_resolution_rate": 90}


def test_figure_checks_are_english_in_english():
    with translation.override("en"):
        assert figures.check_value(BY_CODE["letters_received"], Decimal(-3)) == "Figures cannot be negative."
        assert figures.check_value(BY_CODE["fines_vnd"], Decimal("1.5")) == (
            "Counts and amounts of money must be whole numbers."
        )


def test_figure_checks_stay_vietnamese_by_default():
    assert figures.check_value(BY_CODE["letters_received"], Decimal(-3)) == "Số liệu không được âm."


def test_violations_are_english_in_english():
    with translation.override("en"):
        rule = figures.violations(UNBALANCED)[0]["message"]
        rate = figures.violations(WRONG_RATE)[0]["message"]
        undefined = figures.violations(
            {"petitions_due": 0, "petitions_resolved": 0, "complaint_resolution_rate": 50}
        )
    assert rule.startswith("The total number of petitions received must equal")
    assert "Currently: " in rule and "Hiện có" not in rule
    assert "is given as 90% but from its parts" in rate and rate.endswith("it should be 80%.")
    assert undefined[0]["message"].endswith("it should be undefined (the denominator is 0).")


def test_violations_stay_vietnamese_by_default():
    rule = figures.violations(UNBALANCED)[0]["message"]
    rate = figures.violations(WRONG_RATE)[0]["message"]
    assert rule.startswith("Tổng số đơn tiếp nhận phải bằng") and "Hiện có: " in rule
    assert "ghi 90% nhưng theo các số thành phần" in rate and rate.endswith("phải là 80%.")


def test_entered_figures_are_refused_in_english():
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        actions.clean_values({"no_such_code": 1, "letters_received": -1})
    assert exc.value.message_dict == {
        "no_such_code": ["Indicator “no_such_code” does not exist."],
        "letters_received": ["Figures cannot be negative."],
    }


def test_submission_errors_are_english_in_english(world, req, upload):
    first = upload(req, world.a, world.clerk_a, {"letters_received": 5})
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            upload(req, world.a, world.clerk_a, {"letters_received": 5})
        assert exc.value.messages == [
            "The organisation has already submitted its report (version 1); "
            "it can only submit again if the report is returned."
        ]
        with pytest.raises(ValidationError) as exc:
            actions.return_submission(first, actor=world.officer, reason=" ")
        assert exc.value.message_dict == {"reason": ["A reason for returning the report is required."]}


def test_submission_errors_stay_vietnamese_by_default(world, req, upload):
    first = upload(req, world.a, world.clerk_a, {"letters_received": 5})
    with pytest.raises(ValidationError, match=r"Cơ quan đã gửi báo cáo \(phiên bản 1\)"):
        upload(req, world.a, world.clerk_a, {"letters_received": 5})
    with pytest.raises(ValidationError) as exc:
        actions.return_submission(first, actor=world.officer, reason=" ")
    assert exc.value.message_dict == {"reason": ["Phải ghi lý do trả lại báo cáo."]}


def test_validation_page_lists_violations_in_english(world, req, upload, client_for):
    upload(req, world.a, world.clerk_a, UNBALANCED)
    client = client_for(world.officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("consolidation:validation", args=[req.uuid])).content.decode()
    assert "The total number of petitions received must equal" in html and "Hiện có" not in html
