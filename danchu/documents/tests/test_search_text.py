"""The document registry's stored, folded search column (Document.search_text): SQLite's search
reads it with a plain LIKE, every save keeps it current, migration 0005 fills old rows."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from danchu.audit.models import AuditEvent
from danchu.core.search import matches
from danchu.documents import actions
from danchu.documents.models import Direction, Document


def _doc(w, number, subject, symbol="KH-SA"):
    return actions.create_document(
        actor=w.clerk_a,
        organization=w.a,
        direction=Direction.ISSUED,
        kind="KH",
        number=number,
        symbol=symbol,
        issued_on=datetime.date(2020, 4, 15),
        subject=subject,
    )


def _search(q):
    """The agencies' documents matching `q` (the shared legal texts aside)."""
    found = Document.objects.filter(matches(q, Document.SEARCHED_FIELDS, stored="search_text"))
    return found.filter(organization__isnull=False)


def test_the_registry_finds_without_diacritics_or_case_through_the_column(world, client_for):
    _doc(world, "1", "Kế hoạch tuyên truyền Đảng bộ NGUYỄN")
    _doc(world, "2", "Báo cáo quý")
    body = (
        client_for(world.clerk_a).get(reverse("documents:list"), {"q": "tuyen truyen dang"}).content.decode()
    )
    assert "Kế hoạch tuyên truyền Đảng bộ" in body and "Báo cáo quý" not in body
    assert _search("nguyễn").count() == 1 and _search("KH-SA").count() == 2
    assert _search("1/kh-sa").count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite reads the stored column")
def test_sqlite_reads_the_column(world):
    doc = _doc(world, "1", "Kế hoạch tuyên truyền")
    assert "danchu_fold" not in str(_search("tuyen").query)
    Document.objects.filter(pk=doc.pk).update(search_text="")
    assert _search("tuyen").count() == 0


def test_an_edit_of_the_subject_updates_the_column_and_not_the_history(world):
    doc = _doc(world, "1", "Kế hoạch tuyên truyền")
    actions.update_document(doc, actor=world.clerk_a, subject="Quy chế dân chủ ở cơ sở")
    assert _search("quy che dan chu").count() == 1 and _search("tuyen truyen").count() == 0
    assert all("search_text" not in (e.changes or {}) for e in AuditEvent.objects.all())


def test_the_shared_legal_texts_registered_by_migrations_are_searchable(db):
    shared = Document.objects.filter(organization__isnull=True, deleted_at__isnull=True)
    assert shared.exists()
    assert not shared.filter(search_text="").exists()


def test_the_data_migration_fills_existing_rows_in_batches(world, monkeypatch):
    for i in range(5):
        _doc(world, str(i + 1), f"Kế hoạch số {i} về sóng di động")
    Document.objects.update(search_text="")
    migration = importlib.import_module("danchu.documents.migrations.0005_search_text_folded_column")
    monkeypatch.setattr(migration, "BATCH", 2)
    migration.fill_search_text(apps, None)
    assert Document.objects.filter(search_text__contains="song di dong").count() == 5
    assert _search("song di dong").count() == 5
    assert not Document.objects.filter(search_text="").exists()  # the shared legal texts too
