"""Test-wide settings and the personas every app's tests use.

The personas live in one small organisation tree: a province (TV) with agency A (TV.A, a
department with one division) and agency B (TV.B). Each persona holds one role:

    admin        system admin over TV
    officer      province officer over TV
    head_a       agency head of A          clerk_a      clerk of A
    handler_a    petition handler of A     inspector_a  inspector of A
    staff_a      staff member of A         clerk_b      clerk of B (an outsider to A)
"""

import datetime
import os
from pathlib import Path

import pytest

from danchu.orgs.models import (
    Membership,
    Organization,
    OrganizationKind,
    Person,
    ReportingPeriod,
    Role,
    RoleAssignment,
)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: a rolled-back test leaves ids behind for the next one
    to reuse (SQLite), and a cached list page keyed on them would outlive its data."""
    from django.core.cache import caches

    for store in caches.all():
        store.clear()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


SEED_NAME = "bao-cao-qcdc-2020-so-tttt-tra-vinh.md"


def seed_report_path():
    """The seed report lives in the project's shared folder beside the repository (never copied
    into it): $DANCHU_SHARED_DIR, ../shared or /work/shared. Tests that need it skip without it."""
    root = Path(__file__).resolve().parent
    for base in (os.environ.get("DANCHU_SHARED_DIR"), root.parent / "shared", "/work/shared"):
        if base and (Path(base) / "seed" / SEED_NAME).exists():
            return Path(base) / "seed" / SEED_NAME
    pytest.skip("the seed report (../shared/seed) is not beside the repository")


class World(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def make_user(username, role, org, full_name=None, password="pw"):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=username, password=password, first_name=username)
    RoleAssignment.objects.create(user=user, organization=org, role=role)
    person = Person.objects.create(full_name=full_name or username, user=user)
    Membership.objects.create(person=person, organization=org, position="Chuyên viên")
    return user


@pytest.fixture
def world(db):
    w = World()
    w.tv = Organization.objects.create(
        code="TV",
        name="UBND tỉnh Trà Vinh",
        short_name="UBND",
        kind=OrganizationKind.PROVINCE,
        place_name="Trà Vinh",
    )
    w.a = Organization.objects.create(
        code="TV.A",
        name="Sở A",
        short_name="SA",
        kind=OrganizationKind.DEPARTMENT,
        parent=w.tv,
        place_name="Trà Vinh",
    )
    w.a_unit = Organization.objects.create(
        code="TV.A.VP", name="Văn phòng Sở A", short_name="VP", kind=OrganizationKind.OFFICE, parent=w.a
    )
    w.b = Organization.objects.create(
        code="TV.B",
        name="Sở B",
        short_name="SB",
        kind=OrganizationKind.DEPARTMENT,
        parent=w.tv,
        place_name="Trà Vinh",
    )
    w.admin = make_user("admin", Role.SYSTEM_ADMIN, w.tv)
    w.officer = make_user("officer", Role.PROVINCE_OFFICER, w.tv)
    w.head_a = make_user("head_a", Role.AGENCY_HEAD, w.a)
    w.clerk_a = make_user("clerk_a", Role.CLERK, w.a)
    w.handler_a = make_user("handler_a", Role.PETITION_HANDLER, w.a)
    w.inspector_a = make_user("inspector_a", Role.INSPECTOR, w.a)
    w.staff_a = make_user("staff_a", Role.STAFF, w.a_unit)
    w.clerk_b = make_user("clerk_b", Role.CLERK, w.b)
    w.period_2020 = ReportingPeriod.objects.create(
        code="2020",
        name="Năm 2020",
        year=2020,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2020, 12, 31),
        cutoff_start=datetime.date(2019, 12, 15),
        cutoff_end=datetime.date(2020, 12, 14),
    )
    return w


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as `user`."""

    def login(user):
        client.force_login(user)
        return client

    return login


def pytest_collection_modifyitems(items):
    """Transactional tests (the browser tests) empty every table when they end. Django's serialized
    rollback does not survive pytest-django's live server here, so it is switched off everywhere
    (a mix of both recreates content types under new ids); `_migration_data` below reloads what
    the data migrations wrote instead."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": False}), append=False
            )


# The data migrations whose rows every installation has: (module, function).
DATA_MIGRATIONS = [
    ("danchu.legal.migrations.0002_load_rules_and_catalogs", "load"),
    ("danchu.documents.migrations.0003_canonical_legal_texts", "register"),
    ("danchu.legal.migrations.0004_law_2026_rules_and_calendar", "load"),
    ("danchu.legal.migrations.0005_register_cited_party_and_state_texts", "register"),
]


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Give a transactional test the rows the data migrations load (a flush removed them)."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    import importlib

    from django.apps import apps

    from danchu.legal.models import DeadlineRule

    if DeadlineRule.objects.exists():
        return
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)
    from danchu.legal import calendar, deadlines

    calendar.clear_cache()
    deadlines.clear_cache()
