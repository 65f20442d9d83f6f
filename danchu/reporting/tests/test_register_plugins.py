"""The registers' statistics are discovered plug-ins (each app's stats.py), and the keys the
indicators read are checked at start-up."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from danchu.reporting.indicators.compute import SOURCES, records_function, registers, stats_function
from danchu.reporting.indicators.definitions import INDICATORS
from danchu.reporting.system_checks import indicator_keys_check

pytestmark = pytest.mark.django_db


def test_every_register_the_indicators_read_is_discovered_from_its_app():
    assert set(registers()) == set(SOURCES) == {i.source for i in INDICATORS if not i.is_derived}
    assert stats_function("petitions").__module__ == "danchu.petitions.stats"
    assert records_function("oversight").__module__ == "danchu.oversight.stats"


def test_the_project_passes_the_indicator_keys_check():
    assert indicator_keys_check() == []


def test_a_key_a_register_no_longer_declares_fails_the_start_up_check_naming_it(monkeypatch):
    oversight = registers()["oversight"]
    monkeypatch.setattr(oversight, "KEYS", oversight.KEYS - {"fines_vnd", "referred_to"})
    errors = indicator_keys_check()
    assert {e.id for e in errors} == {"danchu.E101"}
    messages = " ".join(e.msg for e in errors)
    assert "“fines_vnd”" in messages and "“referred_to”" in messages and "list referred_to" in messages
    with pytest.raises(SystemCheckError, match="fines_vnd"):
        call_command("check")


def test_each_register_returns_exactly_the_keys_it_declares(world):
    start, end = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    for source, module in registers().items():
        assert set(module.STATISTICS(world.tv, start, end)) == module.KEYS, source
