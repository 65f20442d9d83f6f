"""The system checks for production misconfiguration (danchu/core/checks.py)."""

import base64

import pytest
from django.core import checks
from django.utils import translation

from danchu.core import checks as danchu_checks

GOOD_KEY = base64.urlsafe_b64encode(b"k" * 32).decode()
OTHER_KEY = base64.urlsafe_b64encode(b"o" * 32).decode()
OURS = (
    danchu_checks.cache_check,
    danchu_checks.tasks_check,
    danchu_checks.encryption_key_check,
    danchu_checks.debug_check,
)
SHARED_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "c"}}
QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run():
    return [message for check in OURS for message in check()]


def ids():
    return sorted(m.id for m in run())


def test_the_checks_are_registered_for_every_command_not_only_deploy():
    registered = checks.registry.registry.get_checks(include_deployment_checks=False)
    assert all(check in registered for check in OURS)


@pytest.fixture
def production(settings):
    """A correctly configured production: no danchu check speaks."""
    settings.PRODUCTION = True
    settings.DEBUG = False
    settings.CACHES = {**settings.CACHES, **SHARED_CACHE}
    settings.TASKS = QUEUED_TASKS
    settings.FIELD_ENCRYPTION_KEY = GOOD_KEY
    return settings


def test_a_well_configured_production_passes_every_check(production):
    assert ids() == []


def test_a_per_process_cache_in_production_is_a_warning(production):
    for backend in ("locmem.LocMemCache", "dummy.DummyCache"):
        production.CACHES = {
            **production.CACHES,
            "default": {"BACKEND": f"django.core.cache.backends.{backend}"},
        }
        found = [m for m in run() if m.id == "danchu.W001"]
        assert len(found) == 1 and found[0].level == checks.WARNING, backend


def test_an_in_process_task_backend_in_production_is_a_warning(production):
    for backend in ("immediate.ImmediateBackend", "dummy.DummyBackend"):
        production.TASKS = {"default": {"BACKEND": f"django.tasks.backends.{backend}"}}
        assert ids() == ["danchu.W002"], backend


def test_debug_in_production_is_an_error(production):
    production.DEBUG = True
    found = [m for m in run() if m.id == "danchu.E002"]
    assert len(found) == 1 and found[0].level == checks.ERROR


@pytest.mark.parametrize(
    "key",
    [
        "not-a-key",  # not base64 of 32 bytes
        base64.urlsafe_b64encode(b"s" * 16).decode(),  # too short
        "%%%%" * 11,  # not base64 at all
        f"{GOOD_KEY},{base64.urlsafe_b64encode(b'short').decode()}",  # the old key of a rotation
    ],
)
def test_a_malformed_encryption_key_is_an_error(production, key):
    production.FIELD_ENCRYPTION_KEY = key
    found = [m for m in run() if m.id == "danchu.E001"]
    assert len(found) == 1 and found[0].level == checks.ERROR


def test_a_rotation_of_two_good_keys_passes(production):
    production.FIELD_ENCRYPTION_KEY = f"{GOOD_KEY}, {OTHER_KEY}"
    assert ids() == []


def test_development_defaults_pass_but_a_malformed_key_fails_there_too(settings):
    """The demo runs with a per-process cache, in-process tasks and DEBUG: that is not an error
    outside production; a malformed key is one everywhere (the first identity would not encrypt)."""
    settings.PRODUCTION = False
    settings.DEBUG = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.FIELD_ENCRYPTION_KEY = ""
    assert ids() == []
    settings.FIELD_ENCRYPTION_KEY = "abc"
    assert ids() == ["danchu.E001"]


def test_every_misconfiguration_at_once_reports_each_id_once(production):
    production.DEBUG = True
    production.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    production.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    production.FIELD_ENCRYPTION_KEY = "abc"
    assert ids() == ["danchu.E001", "danchu.E002", "danchu.W001", "danchu.W002"]


def test_the_messages_are_vietnamese_and_translated_to_english(production):
    production.DEBUG = True
    with translation.override("vi"):
        vi = str(next(m for m in run() if m.id == "danchu.E002").msg)
    with translation.override("en"):
        en = str(next(m for m in run() if m.id == "danchu.E002").msg)
    assert vi.startswith("DEBUG đang bật") and en.startswith("DEBUG is on")
