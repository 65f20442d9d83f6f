"""Search without diacritics and case (danchu/core/search.py), on every list's `q`."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from danchu.core.search import fold, matches
from danchu.documents import actions as documents
from danchu.documents.models import Direction, Document
from danchu.orgs.models import Membership, Person
from danchu.petitions import actions as petitions
from danchu.petitions.models import Petition


def test_fold_drops_marks_and_case_and_folds_d():
    assert fold("Sóng Di Động") == "song di dong"
    assert fold("NGUYỄN") == "nguyen"
    assert fold("Đảng ủy") == "dang uy"
    assert fold("ĐOÀN") == "doan"


def _letter(w, subject):
    return petitions.register(
        w.a,
        actor=w.clerk_a,
        kind="feedback",
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        subject=subject,
        content="Nội dung",
        identity={"full_name": "Người gửi", "address": "Trà Vinh"},
    )


@pytest.mark.parametrize("typed", ["song di dong", "SÓNG DI ĐỘNG", "Song Di Đong", "di  dong"])
def test_worklist_finds_a_letter_without_diacritics_or_case(world, client_for, typed):
    _letter(world, "Phản ánh sóng di động yếu")
    _letter(world, "Phản ánh đường hư hỏng")
    body = client_for(world.clerk_a).get(reverse("petitions:list"), {"q": typed}).content.decode()
    assert "sóng di động" in body
    assert "đường hư hỏng" not in body


def test_the_queryset_helper_matches_folded_text(world):
    _letter(world, "Khiếu nại của bà Nguyễn Thị Đào")
    _letter(world, "Khiếu nại khác")
    assert Petition.objects.filter(matches("NGUYỄN thi dao", ("subject",))).count() == 1
    assert Petition.objects.filter(matches("dao", ("subject",))).count() == 1
    assert Petition.objects.filter(matches("", ("subject",))).count() == 2
    # LIKE's wildcards in what the user typed are literal text
    assert Petition.objects.filter(matches("%", ("subject",))).count() == 0
    assert Petition.objects.filter(matches("_", ("subject",))).count() == 0


def test_document_registry_finds_a_subject_without_diacritics(world, client_for):
    for number, subject in (("1", "Kế hoạch tuyên truyền Đảng bộ"), ("2", "Báo cáo quý")):
        documents.create_document(
            actor=world.clerk_a,
            organization=world.a,
            direction=Direction.ISSUED,
            kind="KH",
            number=number,
            symbol="KH-SA",
            issued_on=datetime.date(2020, 4, 15),
            subject=subject,
        )
    body = (
        client_for(world.clerk_a).get(reverse("documents:list"), {"q": "tuyen truyen dang"}).content.decode()
    )
    assert "Kế hoạch tuyên truyền Đảng bộ" in body and "Báo cáo quý" not in body
    assert Document.objects.filter(matches("KE HOACH", ("subject",))).count() == 1


def test_staff_list_finds_a_name_typed_in_capitals(world, client_for):
    for name in ("Nguyễn Văn Ấn", "Trần Thị Bé"):
        Membership.objects.create(
            person=Person.objects.create(full_name=name), organization=world.a, position="Chuyên viên"
        )
    body = client_for(world.admin).get(reverse("orgs:detail", args=[world.a.code]), {"q": "NGUYEN VAN"})
    text = body.content.decode()
    assert "Nguyễn Văn Ấn" in text and "Trần Thị Bé" not in text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's unaccent and trigram index")
def test_postgresql_folds_with_unaccent_and_reads_the_trigram_index(world):
    with connection.cursor() as cursor:
        cursor.execute("SELECT danchu_fold('Sóng DI ĐỘNG Nguyễn')")
        assert cursor.fetchone()[0] == "song di dong nguyen"
        cursor.execute("SET enable_seqscan = off")
        sql, args = Petition.objects.filter(matches("song", ("subject",))).query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, args)
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "petition_subject_fold_trgm" in plan
