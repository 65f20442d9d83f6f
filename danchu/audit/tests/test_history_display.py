"""The change history reads as Vietnamese: labels instead of field names, local times instead
of UTC ISO strings, lists and dicts as text, numbers with a decimal comma (issue: audit histories
showed "created by", "assessor_scores {'2': '10'}" and "2026-12-01T18:06:43+00:00")."""

import datetime as dt
import decimal

import pytest
from django.apps import apps
from django.template import Context, Template
from django.utils import timezone

from danchu.audit.models import AuditAction
from danchu.audit.templatetags.audit import _displayer, _number, field_label, is_shown
from danchu.audit.trail import record

pytestmark = pytest.mark.django_db


def danchu_models():
    for model in apps.get_models():
        if model.__module__.startswith("danchu."):
            yield model


def test_every_recorded_field_of_every_model_has_a_vietnamese_label():
    english = []
    for model in danchu_models():
        for field in model._meta.concrete_fields:
            if field.name == "id" or not is_shown(model, field.name):
                continue
            label = field_label(model, field.name)
            if label in (field.name, field.name.replace("_", " ")):
                english.append(f"{model._meta.label}.{field.name}")
    assert english == []


def render_history(obj):
    return Template("{% load audit %}{% history obj %}").render(Context({"obj": obj}))


def test_times_dates_numbers_lists_and_dicts_read_as_vietnamese(world):
    from danchu.consolidation.models import Assessment  # has datetime, decimal and free keys

    org = world.a
    moment = dt.datetime(2026, 12, 1, 18, 6, 43, tzinfo=dt.UTC)
    record(
        org,
        AuditAction.UPDATE,
        world.clerk_a,
        changes={
            "valid_to": [None, "2025-06-30"],
            "reminded": [None, ["TV.SGDDT", "TV.STP"]],
            "assessor_scores": [None, {"2": "10"}],
            "created_by": [None, "x"],
        },
    )
    html = render_history(org)
    assert "30/06/2025" in html and "2025-06-30" not in html
    assert "TV.SGDDT, TV.STP" in html and "['TV.SGDDT'" not in html
    assert "2: 10" in html and "{'2'" not in html
    assert "created by" not in html and "người tạo" in html
    assert "đã nhắc" in html and "điểm thẩm định" in html

    # A DateTimeField is shown in local time (UTC+7).
    event = type("Event", (), {"changes": {"scored_at": [moment.isoformat(), None]}})()
    show = _displayer(Assessment, [event])
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"
    assert show("scored_at", moment.isoformat()) == "02/12/2026 01:06"


def test_decimal_values_use_the_vietnamese_decimal_comma():
    assert _number(decimal.Decimal("93.5")) == "93,5"
    assert _number("41250000") == "41.250.000"
