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


class SessionConverter:
    """One running converter (unoserver, reporting/pdfserver.py) for the whole session: started in
    the background when the session starts, so LibreOffice is up by the first PDF (some 6 s), and
    each conversion then costs a fraction of a second instead of one `soffice` start-up (about
    1 s each). None of it when LibreOffice or its Python bindings (uno) are missing."""

    def __init__(self, home):
        import threading

        self.home = home
        self.process = None
        self.ready = None  # the address once it answered, "" when it cannot be had
        self.failure = ""
        self.lock = threading.Lock()

    @staticmethod
    def missing():
        """Why no running converter can be started here ("" when it can)."""
        import subprocess

        from danchu.reporting import rendering

        if not rendering.soffice_binary():
            return "LibreOffice (soffice) is not installed"
        python = os.environ.get("DANCHU_UNO_PYTHON", "/usr/bin/python3")
        if subprocess.run([python, "-c", "import uno"], capture_output=True).returncode != 0:
            return f"{python} cannot import uno (Debian: python3-uno)"
        return ""

    def start(self):
        from danchu.reporting import pdfserver

        self.failure = self.missing()
        if self.failure:
            self.ready = ""
            return
        self.process, self.address = pdfserver.start_local(self.home)

    def get(self):
        """The converter's address once it answers ("" when there is none: see `failure`)."""
        from danchu.reporting import pdfserver

        with self.lock:
            if self.ready is None:
                try:
                    pdfserver.wait_ready(self.process, self.address, _probe_docx())
                    self.ready = self.address
                except pdfserver.ConverterError as exc:
                    self.failure = str(exc)
                    self.ready = ""
            return self.ready

    def stop(self):
        from danchu.reporting import pdfserver

        if self.process is not None:
            pdfserver.stop_local(self.process)


def _probe_docx(text="khởi động"):
    import io

    from docx import Document

    doc = Document()
    doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def session_converter(tmp_path_factory):
    """The session's running converter (SessionConverter), started before the first test."""
    converter = SessionConverter(tmp_path_factory.mktemp("unoserver"))
    converter.start()
    try:
        yield converter
    finally:
        converter.stop()


@pytest.fixture(scope="session", autouse=True)
def _pdf_once_per_document(session_converter):
    """LibreOffice turns each distinct document into PDF once per session, through the session's
    running converter. Many tests submit the same report (same registers, same day), and each
    conversion by `soffice` starts LibreOffice (a second or more): a DOCX whose parts are identical
    to one converted before (its zip's timestamps aside) gets the PDF made for it then, and a new
    one is converted by the converter that stays up (`soffice` when it cannot be had). Only the
    installed LibreOffice is used so: a test that sets SOFFICE_BINARY (a stand-in, a missing
    binary) or PDF_CONVERTER, or hides the binary, gets render_pdf's own run (the fallback to
    `soffice` is tested for real in reporting/tests/test_pdfserver.py)."""
    import hashlib
    import io
    import zipfile

    from danchu.reporting import pdfserver, rendering

    convert = rendering.render_pdf
    converted = {}

    def by_the_converter(docx_bytes, basename):
        address = session_converter.get()
        if address:
            try:
                return pdfserver.convert(address, docx_bytes, timeout=rendering.PDF_TIMEOUT_SECONDS)
            except pdfserver.ConverterError:
                pass
        return convert(docx_bytes, basename)

    def render_pdf(docx_bytes, basename="bao-cao"):
        from django.conf import settings

        binary = rendering.soffice_binary()
        stand_in = getattr(settings, "SOFFICE_BINARY", "") or getattr(settings, "PDF_CONVERTER", "")
        if not binary or stand_in:
            return convert(docx_bytes, basename)
        digest = hashlib.sha256(f"{binary}\0{basename}\0".encode())
        try:
            with zipfile.ZipFile(io.BytesIO(docx_bytes)) as parts:
                for name in sorted(parts.namelist()):
                    digest.update(f"{name}\0".encode() + parts.read(name) + b"\0")
        except zipfile.BadZipFile:
            return convert(docx_bytes, basename)
        key = digest.hexdigest()
        if key not in converted:
            converted[key] = by_the_converter(docx_bytes, basename)
        return converted[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rendering, "render_pdf", render_pdf)
        yield


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


def build_world():
    """The personas' organisation tree, users and period (the module docstring), made through the
    ORM as any test would."""
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


@pytest.fixture(scope="session")
def _world_snapshot(tmp_path_factory):
    """build_world() run once per session (in the first test that asks for `world`, inside a
    transaction that is rolled back); each later test gets its rows back from the snapshot
    (one INSERT per table) instead of some forty ORM saves."""
    taken = []

    def get():
        if not taken:
            # The personas are the World's attributes (w.tv = …), not its items.
            loader = lambda: dict(vars(build_world()))  # noqa: E731
            taken.append(take_snapshot(loader, tmp_path_factory.mktemp("world") / "media"))
        return taken[0]

    return get


@pytest.fixture
def world(db, settings, _world_snapshot):
    """The personas (build_world), their rows written back from the session's snapshot: into the
    test's transaction, or, in a transactional test, into the flushed database (its content types
    then have new ids, mapped on restore)."""
    return restore_world(_world_snapshot(), settings.MEDIA_ROOT)


def restore_world(snapshot, media_root):
    """A World of a snapshot taken of a World's attributes (`dict(vars(w))`), its rows restored."""
    w = World()
    for name, value in restore_snapshot(snapshot, media_root).items():
        setattr(w, name, value)
    return w


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as `user`."""

    def login(user):
        client.force_login(user)
        return client

    return login


def pytest_addoption(parser):
    parser.addoption(
        "--db-tests-only",
        action="store_true",
        help="Deselect the tests that cannot reach the database, and those marked engine_independent.",
    )
    parser.addoption(
        "--db-free-only",
        action="store_true",
        help="Deselect the tests that may reach the database.",
    )


# A test reaches the database only through the django_db marker or one of these fixtures
# (pytest-django refuses every query of a test that has none: "Database access not allowed").
# django_db_setup covers a module- or session-scoped fixture that unblocks the database itself
# (tests/test_every_url.py): it needs the test database set up, so it asks for django_db_setup.
DB_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "django_db_setup",
    "live_server",
}


def reaches_database(item):
    return item.get_closest_marker("django_db") is not None or bool(
        DB_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def deselect_by_database(config, items, *, keep_db):
    """--db-tests-only keeps only the tests that may touch the database and whose outcome may
    depend on its engine, --db-free-only only the tests that cannot touch it (parsers, rules, DOCX
    writing, system checks, …). Those do the same on every engine, as do the tests marked
    `engine_independent` (they use the database to build what they check, a document's pages):
    `make test` runs them once, in the PostgreSQL half (scripts/run-tests)."""
    kept, dropped = [], []
    for item in items:
        db = reaches_database(item)
        wanted = (db and not item.get_closest_marker("engine_independent")) if keep_db else not db
        (kept if wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_collection_modifyitems(config, items):
    if config.getoption("--db-tests-only"):
        deselect_by_database(config, items, keep_db=True)
    elif config.getoption("--db-free-only"):
        deselect_by_database(config, items, keep_db=False)
    _no_serialized_rollback(items)


def _no_serialized_rollback(items):
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


# The data migrations whose rows every installation has: (module, function). Every RunPython of
# the project is either here or in NOT_RELOADED (tests/test_migration_data.py checks it).
DATA_MIGRATIONS = [
    ("danchu.legal.migrations.0002_load_rules_and_catalogs", "load"),
    ("danchu.documents.migrations.0003_canonical_legal_texts", "register"),
    ("danchu.legal.migrations.0004_law_2026_rules_and_calendar", "load"),
    ("danchu.legal.migrations.0005_register_cited_party_and_state_texts", "register"),
    ("danchu.legal.migrations.0006_confirm_second_decision_sending_and_letter_sources", "load"),
]


# RunPython operations a flush does not undo or that change nothing on empty tables.
NOT_RELOADED = {
    ("danchu.documents.migrations.0004_search_fold_trigram_indexes", "forwards"),  # PostgreSQL schema
    ("danchu.petitions.migrations.0006_search_fold_unaccent_trigram", "forwards"),  # PostgreSQL schema
    ("danchu.petitions.migrations.0003_identity_protected", "protect_denunciations"),  # existing rows
    ("danchu.petitions.migrations.0004_recompute_deadlines_2026_law", "recompute"),  # existing rows
    ("danchu.reporting.migrations.0003_snapshot_taken_at_signing", "backfill"),  # existing rows
    (
        "danchu.audit.migrations.0003_verb_code_rendered_in_reader_language",
        "map_stored_verbs",
    ),  # existing rows
    ("danchu.petitions.migrations.0008_move_reference_counters_to_core_sequence", "forward"),  # existing rows
    ("danchu.petitions.migrations.0009_move_notifications_to_notifications_app", "forward"),  # existing rows
    ("danchu.consolidation.migrations.0003_move_reminders_to_notifications_app", "forward"),  # existing rows
    ("danchu.reporting.migrations.0004_move_number_sequences_to_core_sequence", "forward"),  # existing rows
    ("danchu.participation.migrations.0006_seed_disclosure_sequences", "forward"),  # existing rows
    ("danchu.petitions.migrations.0011_search_text_folded_column", "fill_search_text"),  # existing rows
    ("danchu.documents.migrations.0005_search_text_folded_column", "fill_search_text"),  # existing rows
}


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Give a transactional test the rows the data migrations load (a flush removed them): the
    loaders run after the session's first flush, the rows they added are written back after the
    next ones."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from danchu.legal.models import DeadlineRule

    if DeadlineRule.objects.exists():
        return
    if _MIGRATION_ROWS:
        restore_migration_data(_MIGRATION_ROWS)
    else:
        _MIGRATION_ROWS.extend(load_migration_data())
    from danchu.legal import calendar, deadlines

    calendar.clear_cache()
    deadlines.clear_cache()


# The rows the data migrations loaded after the session's first flush: (model, rows), each row
# its field values with a content type as its natural key. The next flushed tests get them back
# in one bulk insert per model (the loaders take ~0.3 s each time).
_MIGRATION_ROWS = []


def reloaded_migration_data():
    """Whether the data migrations' rows have been loaded again after a flush: from then on every
    flushed test gets them back under the same ids (before, they have the ids `migrate` gave)."""
    return bool(_MIGRATION_ROWS)


def _all_rows():
    """Every row of every table, keyed by model and primary key (right after a flush: the
    content types and permissions only); a content type is given as its natural key (a flush
    recreates them under new ids)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    natural = {ct.pk: ct.natural_key() for ct in ContentType.objects.all()}
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rows = found[model] = {}
        for obj in model._base_manager.order_by("pk"):
            row = rows[obj.pk] = {}
            for field in model._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if field.is_relation and field.related_model is ContentType and value is not None:
                    value = ("content type", natural[value])
                row[field.attname] = value
    return found


def load_migration_data():
    """Run the DATA_MIGRATIONS loaders; return the (model, rows) they added."""
    import importlib

    from django.apps import apps

    before = _all_rows()
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)
    return _new_rows(before, _all_rows())


def _new_rows(before, after):
    """(model, rows) the loaders added; they change no row that was there (checked)."""
    found = []
    for model, rows in after.items():
        old = before[model]
        changed = [pk for pk, row in old.items() if rows.get(pk) != row]
        assert not changed, f"the data migrations changed {model._meta.label} rows {changed}"
        added = [row for pk, row in rows.items() if pk not in old]
        assert not (added and model._meta.parents), f"{model._meta.label}: bulk_create needs one table"
        if added:
            found.append((model, added))
    return found


def restore_migration_data(snapshot):
    """Insert the rows of load_migration_data() again (after a flush), sequences moved past them."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection, transaction

    ids = {ct.natural_key(): ct.pk for ct in ContentType.objects.all()}
    with transaction.atomic():
        for model, rows in snapshot:
            objs = []
            for row in rows:
                values = dict(row)
                for name, value in row.items():
                    if isinstance(value, tuple) and value[:1] == ("content type",):
                        values[name] = ids[value[1]]
                objs.append(model(**values))
            model._base_manager.bulk_create(objs)
        models = [model for model, _rows in snapshot]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


# ---------------------------------------------------------------------------------------------
# Demo data, loaded once per session
#
# Loading the demo through the apps' actions takes seconds (the whole demo ~10 s under load). A
# snapshot runs the real loader once per test session inside a transaction that is rolled back,
# keeps the rows it added or changed (model by model, Django's own field conversions) and the
# media files it wrote, and gives each test that asks for it the same rows again in a few
# hundredths of a second, inside the test's own transaction (so rolled back after it like any
# other row). The loader itself stays tested: it runs for real when the snapshot is taken.


class Snapshot:
    def __init__(self, rows, media, refs, content_types):
        self.rows = rows  # [(model, added rows, [(pk, row)] changed, [pk] deleted)], database-ready
        self.media = media
        self.refs = refs
        # {id: natural key} of the content types when it was taken: a flush (a transactional test)
        # recreates them under new ids, so their columns are mapped again on restore.
        self.content_types = content_types
        self.moved_content_types = None  # {id then: id now}, worked out once per restore


def _content_types():
    """{id: (app_label, model)} of the content types in the database now."""
    from django.contrib.contenttypes.models import ContentType

    return {
        pk: (app, model) for pk, app, model in ContentType.objects.values_list("pk", "app_label", "model")
    }


def _remapped_content_types(snapshot, model, rows):
    """`rows` of `model` (database-ready) with their content type columns given today's ids: the
    same rows when no id moved since the snapshot was taken, the usual case."""
    from django.contrib.contenttypes.models import ContentType

    columns = [
        i for i, f in enumerate(_stored_fields(model)) if f.is_relation and f.related_model is ContentType
    ]
    if not columns or not rows:
        return rows
    if snapshot.moved_content_types is None:
        now = {key: pk for pk, key in _content_types().items()}
        snapshot.moved_content_types = {
            old: now[key] for old, key in snapshot.content_types.items() if now.get(key, old) != old
        }
    moved = snapshot.moved_content_types
    if not moved:
        return rows
    return [[moved.get(v, v) if i in columns else v for i, v in enumerate(row)] for row in rows]


def _snapshot_models():
    from django.apps import apps

    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and not m._meta.swapped
    ]


def _stored_fields(model):
    """The columns to write back: generated columns are computed by the database."""
    return [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]


def _dump(models):
    from django.db import connection

    existing = set(connection.introspection.table_names())
    dumped = {}
    for model in models:
        if model._meta.db_table not in existing:
            continue
        attnames = [f.attname for f in _stored_fields(model)]
        pk_index = attnames.index(model._meta.pk.attname)
        dumped[model] = (attnames, {row[pk_index]: row for row in model._base_manager.values_list(*attnames)})
    return dumped


def _refs(value):
    """The loader's context with each model instance replaced by (model, pk), to fetch again."""
    from django.db import models as djmodels

    if isinstance(value, djmodels.Model):
        return ("__model__", type(value), value.pk)
    if isinstance(value, dict):
        return type(value), {k: _refs(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value), [_refs(v) for v in value]
    return ("__value__", value)


def _unrefs(ref, fetched=None):
    """The context again, each model fetched anew (one query per model)."""
    if fetched is None:
        wanted = {}
        _wanted(ref, wanted)
        fetched = {model: model._base_manager.in_bulk(pks) for model, pks in wanted.items()}
    if ref[0] == "__model__":
        return fetched[ref[1]][ref[2]]
    if ref[0] == "__value__":
        return ref[1]
    kind, inner = ref
    if isinstance(inner, dict):
        made = kind()
        made.update({k: _unrefs(v, fetched) for k, v in inner.items()})
        return made
    return kind(_unrefs(v, fetched) for v in inner)


def _wanted(ref, wanted):
    if ref[0] == "__model__":
        wanted.setdefault(ref[1], set()).add(ref[2])
    elif ref[0] != "__value__":
        for v in ref[1].values() if isinstance(ref[1], dict) else ref[1]:
            _wanted(v, wanted)


def take_snapshot(loader, media_dir):
    """Run `loader()` (returns a context) in a rolled-back transaction; keep what it wrote."""
    from django.db import connection, transaction
    from django.test import override_settings

    from danchu.core import transactions

    models = _snapshot_models()
    with transactions.batch():  # the loaders' actions are parts of this rolled-back unit
        before = _dump(models)
        with override_settings(MEDIA_ROOT=media_dir):
            ctx = loader()
        after = _dump(models)
        refs = _refs(ctx)
        content_types = _content_types()
        transaction.set_rollback(True)
    rows = []
    for model, (_attnames, new) in after.items():
        old = before[model][1]
        added = [pk for pk, row in new.items() if pk not in old]
        changed = [pk for pk, row in new.items() if pk in old and old[pk] != row]
        deleted = [pk for pk in old if pk not in new]
        if added or changed or deleted:
            fields = _stored_fields(model)

            def prepared(pk, fields=fields, new=new):
                # Values as the database takes them, worked out once for every restore.
                return [f.get_db_prep_save(v, connection) for f, v in zip(fields, new[pk], strict=True)]

            rows.append(
                (
                    model,
                    [prepared(pk) for pk in added],
                    [(model._meta.pk.get_db_prep_value(pk, connection), prepared(pk)) for pk in changed],
                    deleted,
                )
            )
    from danchu.legal import calendar, deadlines

    calendar.clear_cache()
    deadlines.clear_cache()
    return Snapshot(rows, media_dir, refs, content_types)


def restore_snapshot(snapshot, media_root):
    """Write the snapshot's rows into the current transaction; copy its media to `media_root`."""
    import shutil

    from django.core.management.color import no_style
    from django.db import connection, transaction

    qn = connection.ops.quote_name
    inserted = []
    snapshot.moved_content_types = None
    # One transaction (a savepoint inside a test's): the foreign keys are checked at its end, once
    # every table is written (a transactional test writes into the flushed database itself).
    with transaction.atomic(), connection.cursor() as cursor:
        for model, added, changed, deleted in snapshot.rows:
            table = qn(model._meta.db_table)
            fields = _stored_fields(model)
            added = _remapped_content_types(snapshot, model, added)
            if changed:
                pks = [pk for pk, _row in changed]
                rows = _remapped_content_types(snapshot, model, [row for _pk, row in changed])
                changed = list(zip(pks, rows, strict=True))
            if deleted:
                model._base_manager.filter(pk__in=deleted)._raw_delete(connection.alias)
            if changed:
                sets = ", ".join(f"{qn(f.column)} = %s" for f in fields)
                pk_column = qn(model._meta.pk.column)
                cursor.executemany(
                    f"UPDATE {table} SET {sets} WHERE {pk_column} = %s", [[*row, pk] for pk, row in changed]
                )
            if added:
                columns = ", ".join(qn(f.column) for f in fields)
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", added)
                inserted.append(model)
        for sql in connection.ops.sequence_reset_sql(no_style(), inserted):
            cursor.execute(sql)
    if snapshot.media.exists():
        shutil.copytree(snapshot.media, media_root, dirs_exist_ok=True)
    from danchu.legal import calendar, deadlines

    calendar.clear_cache()
    deadlines.clear_cache()
    return _unrefs(snapshot.refs)


def full_demo():
    from danchu.core.management.commands.demo import load_demo

    return load_demo()


def partial_demo(*app_labels):
    """A loader running the orgs demo and the named apps' demos, in that order."""

    def load():
        import importlib

        from danchu.core.management.commands.demo import DemoContext

        ctx = DemoContext()
        for label in ("orgs", *app_labels):
            importlib.import_module(f"danchu.{label}.demo").load(ctx)
        return ctx

    return load


class DemoSnapshots:
    """The session's snapshots by name: "full" is the whole demo (`danchu demo`'s data), any other
    name the orgs demo followed by the named apps' demos ("petitions", "activities", …)."""

    def __init__(self, tmp_path_factory):
        self.tmp_path_factory = tmp_path_factory
        self.taken = {}

    def get(self, *app_labels, at=None):
        """`at`: the loaders run at that moment (time_machine), for demos whose dates follow today."""
        name = "+".join(app_labels) + (f"@{at}" if at else "")
        if name not in self.taken:
            loader = full_demo if app_labels == ("full",) else partial_demo(*app_labels)
            if at:
                loader = travelled(loader, at)
            folder = self.tmp_path_factory.mktemp("demo-" + "+".join(app_labels))
            self.taken[name] = take_snapshot(loader, folder / "media")
        return self.taken[name]

    def restore(self, *app_labels, media_root, at=None):
        """The loaders' context, their rows written into the current transaction."""
        return restore_snapshot(self.get(*app_labels, at=at), media_root)


def travelled(loader, at):
    def load():
        import time_machine

        with time_machine.travel(at):
            return loader()

    return load


@pytest.fixture(scope="session")
def demo_snapshots(tmp_path_factory):
    return DemoSnapshots(tmp_path_factory)


@pytest.fixture
def demo_data(db, settings, demo_snapshots):
    """demo_data("full") -> the whole demo; demo_data("petitions", …) -> the orgs demo then the
    named apps' demos; demo_data(…, at="2026-11-27 09:00 +0700") -> the loaders run at that
    moment. The context the loaders returned, with the rows restored from the session's
    snapshot into this test's transaction and the media files into its MEDIA_ROOT."""

    def load(*app_labels, at=None):
        return demo_snapshots.restore(*app_labels, media_root=settings.MEDIA_ROOT, at=at)

    return load


def refused(call):
    """Call `call`, an action by someone without the right: it must raise PermissionDenied with a
    message and leave no audit row (nothing changed). Returns the exception."""
    from django.core.exceptions import PermissionDenied

    from danchu.audit.models import AuditEvent

    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied) as info:
        call()
    assert str(info.value)
    assert AuditEvent.objects.count() == events
    return info.value
