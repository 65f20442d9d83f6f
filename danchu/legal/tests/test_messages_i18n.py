"""Working-calendar messages follow the user's language; Vietnamese stays the default."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from danchu.legal import actions
from danchu.legal.models import CalendarOverride
from danchu.legal.tests.conftest import SHIPPED_OVERRIDE_DATES as SHIPPED_OVERRIDES

D = datetime.date
TET = D(2026, 2, 17)  # a public holiday
pytestmark = pytest.mark.django_db


def refusal(date, kind):
    with pytest.raises(ValidationError) as exc:
        actions.check_override_day(date, kind)
    return exc.value.message_dict["date"]


def test_override_refusals_are_english_in_english(world):
    with translation.override("en"):
        assert refusal(TET, "day_off") == ["17/02/2026 is already a day off."]
        assert refusal(D(2026, 7, 10), "working_day") == ["10/07/2026 is already a working day."]
        actions.add_calendar_override(date=D(2026, 7, 10), kind="day_off", name="Nghỉ", actor=world.admin)
        assert refusal(D(2026, 7, 10), "day_off") == [
            "10/07/2026 has already been adjusted; delete the existing adjustment before entering a new one."
        ]
        with pytest.raises(PermissionDenied, match="Only a system administrator"):
            actions.add_calendar_override(date=D(2026, 7, 13), kind="day_off", name="X", actor=world.head_a)


def test_override_refusals_stay_vietnamese_by_default(world):
    assert refusal(TET, "day_off") == ["Ngày 17/02/2026 vốn đã là ngày nghỉ."]
    assert refusal(D(2026, 7, 10), "working_day") == ["Ngày 10/07/2026 vốn đã là ngày làm việc."]


def test_missing_fields_are_refused_in_english(world):
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        actions.add_calendar_override(date=None, kind="", name=" ", actor=world.admin)
    assert exc.value.message_dict == {
        "date": ["Please enter a date."],
        "kind": ["Choose a type: day off or compensatory working day."],
        "name": ["Enter the name of the day (e.g. National Day compensatory day off)."],
    }


def test_calendar_form_refuses_in_english_and_stores_nothing(world, client_for):
    client = client_for(world.admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        reverse("legal:calendar_year", args=[2026]), {"date": "17/02/2026", "kind": "day_off", "name": "Nghỉ"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "17/02/2026 is already a day off." in html and "vốn đã là ngày nghỉ" not in html
    assert not CalendarOverride.objects.exclude(date__in=SHIPPED_OVERRIDES).exists()
