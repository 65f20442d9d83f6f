"""The stored, folded search column of letters (Petition.search_text, danchu.core.search): what
SQLite's worklist search reads, kept current by every save, filled for old rows by migration 0011;
never holding the sender's identity."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from danchu.audit.models import AuditEvent
from danchu.core.search import matches
from danchu.petitions import actions
from danchu.petitions.models import Kind, Petition

from .conftest import IDENTITY

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite reads the stored column")


def _worklist(client, q):
    return client.get(reverse("petitions:list"), {"q": q}).content.decode()


def _search(q):
    return Petition.objects.filter(matches(q, Petition.SEARCHED_FIELDS, stored="search_text"))


def test_registration_stores_the_folded_reference_subject_and_content(new_petition):
    p = new_petition(subject="Phản ánh sóng di động yếu", content="Ông NGUYỄN Văn Đức trình bày")
    p.refresh_from_db()
    assert (
        p.search_text
        == f"{p.reference.lower().replace('đ', 'd')}\nphan anh song di dong yeu\nong nguyen van duc trinh bay"
    )


def test_worklist_finds_without_diacritics_or_case_through_the_column(w, client_for, new_petition):
    new_petition(subject="Phản ánh sóng di động yếu")
    new_petition(subject="Khiếu nại của bà Nguyễn Thị Đào")
    new_petition(subject="Phản ánh đường hư hỏng")
    client = client_for(w.clerk_a)
    body = _worklist(client, "song di dong")
    assert "sóng di động" in body and "Nguyễn Thị Đào" not in body and "đường hư hỏng" not in body
    body = _worklist(client, "NGUYỄN")
    assert "Nguyễn Thị Đào" in body and "sóng di động" not in body
    assert _search("song di dong").count() == 1
    assert _search("NGUYỄN thi dao").count() == 1


@sqlite_only
def test_sqlite_reads_the_column_not_the_python_fold(w, client_for, new_petition):
    p = new_petition(subject="Phản ánh sóng di động yếu")
    sql = str(_search("song di dong").query)
    assert "search_text" in sql and "danchu_fold" not in sql
    # The column, not the letter's text, is what SQLite compares: emptied, the letter is not found.
    Petition.objects.filter(pk=p.pk).update(search_text="")
    assert _search("song di dong").count() == 0
    assert "sóng di động" not in _worklist(client_for(w.clerk_a), "song di dong")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL keeps unaccent + trigram")
def test_postgresql_keeps_folding_each_field(new_petition):
    where = str(_search("song").query).split(" WHERE ", 1)[1]
    assert "danchu_fold" in where and "search_text" not in where


def test_a_match_never_spans_two_fields(new_petition):
    new_petition(subject="Đơn về đất", content="ruộng lúa")
    assert _search("dat ruong").count() == 0
    assert _search("dat").count() == 1 and _search("ruong lua").count() == 1


def test_an_edit_of_the_subject_updates_the_column(w, new_petition):
    p = new_petition(subject="Phản ánh đường hư hỏng")
    assert _search("duong hu hong").count() == 1
    before = actions._snap(p)
    p.subject = "Phản ánh chiếu sáng công cộng"
    actions._save_and_audit(p, before, w.clerk_a, "Sửa nội dung tóm tắt")
    assert _search("chieu sang cong cong").count() == 1
    assert _search("duong hu hong").count() == 0
    # update_fields naming a searched field stores the column too
    p.subject = "Phản ánh cây xanh"
    p.save(update_fields=["subject"])
    assert _search("cay xanh").get() == p
    # the derived column is not history: the audit row names the subject only
    event = AuditEvent.objects.filter(verb="Sửa nội dung tóm tắt").get()
    assert "subject" in event.changes and "search_text" not in event.changes


def test_the_protected_identity_never_reaches_the_column_or_the_search(w, client_for, new_petition):
    p = new_petition(kind=Kind.DENUNCIATION, subject="Tố cáo cán bộ nhận tiền")
    p.refresh_from_db()
    assert p.identity_protected
    for value in IDENTITY.values():
        assert value.lower() not in p.search_text
    assert "tran van bimat" not in p.search_text and "0911000999" not in p.search_text
    assert _search("Trần Văn Bímật").count() == 0 and _search("bimat").count() == 0
    assert "Tố cáo cán bộ nhận tiền" not in _worklist(client_for(w.head_a), "tran van bimat")


def test_the_data_migration_fills_existing_rows_in_batches(new_petition, monkeypatch):
    old = [new_petition(subject=f"Đơn cũ số {i} về sóng di động") for i in range(5)]
    Petition.objects.update(search_text="")  # rows written before the column existed
    migration = importlib.import_module("danchu.petitions.migrations.0011_search_text_folded_column")
    monkeypatch.setattr(migration, "BATCH", 2)
    migration.fill_search_text(apps, None)
    assert Petition.objects.filter(search_text__contains="song di dong").count() == 5
    assert _search("song di dong").count() == 5
    for p in old:
        p.refresh_from_db()
        assert p.search_text.endswith(f"don cu so {p.subject.split()[3]} ve song di dong\nnoi dung don")
