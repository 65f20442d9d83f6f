"""Citations of the Party and State documents grassroots-democracy reports commonly cite are
checked against the registry (issue 13): a wrong date is flagged with the right one, and an
entry without a date never makes a citation "SAI NGÀY"."""

import datetime

import pytest

from danchu.documents.checks import DATE_MISMATCH, OK, UNKNOWN, check_refs
from danchu.documents.legal_texts import CANONICAL_TEXTS, PARTY_TEXTS, SOURCES
from danchu.documents.models import Document
from danchu.documents.refs import find_refs

D = datetime.date
pytestmark = pytest.mark.django_db


def status_of(text):
    (row,) = check_refs(find_refs(text))
    return row["status"], row["expected_date"]


@pytest.mark.parametrize(
    "citation",
    [
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị",
        "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI",
        "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư",
        "Kết luận số 03-KL/TW ngày 13/5/2016 của Ban Bí thư",
        "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ",
        "Quyết định số 99-QĐ/TW ngày 03/10/2017 của Ban Bí thư",
        "Quy định số 11-QĐi/TW ngày 18/02/2019 của Ban Bí thư",
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022",
        "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ",
        "Luật Tố cáo số 25/2018/QH14 ngày 12/6/2018",
        "Luật Khiếu nại số 02/2011/QH13 ngày 11/11/2011",
        "Luật Tiếp công dân số 42/2013/QH13 ngày 25/11/2013",
        "Luật số 136/2025/QH15 ngày 10/12/2025 của Quốc hội",
    ],
)
def test_commonly_cited_texts_with_their_right_date_are_ok(citation):
    assert status_of(citation) == (OK, status_of(citation)[1])
    assert status_of(citation)[1] is not None


def test_a_wrong_date_is_flagged_with_the_right_one():
    """The seed writes 149/2018/NĐ-CP once as of 01/11/2018: it is of 07/11/2018."""
    assert status_of("Chỉ thị số 05-CT/TW ngày 15/6/2016 của Bộ Chính trị") == (DATE_MISMATCH, D(2016, 5, 15))
    assert status_of("Nghị định số 149/2018/NĐ-CP ngày 01/11/2018") == (DATE_MISMATCH, D(2018, 11, 7))


def test_an_entry_without_a_date_never_makes_a_citation_wrong(world):
    """An agency registered 05-CT/TW without its date: the dated citation is not 'SAI NGÀY'."""
    Document.objects.filter(ref="05-CT/TW").delete()
    Document.objects.create(
        organization=world.a,
        direction="incoming",
        kind="CT",
        number="05",
        symbol="CT/TW",
        is_party=True,
        issued_on=None,
        issuer_name="Bộ Chính trị",
        subject="Chỉ thị 05",
    )
    status, expected = status_of("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    assert (status, expected) == (OK, None)


def test_the_unconfirmed_decree_155_2026_is_not_in_the_registry():
    """No official text of 'Nghị định 155/2026/NĐ-CP' was found: it is not registered with an
    invented date (the review page lists it)."""
    assert status_of("Nghị định số 155/2026/NĐ-CP ngày 15/5/2026 của Chính phủ") == (UNKNOWN, None)


def test_circular_05_2021_is_in_force_from_15_november_2021():
    doc = Document.objects.alive().get(ref="05/2021/TT-TTCP", organization__isnull=True)
    assert (doc.issued_on, doc.effective_on) == (D(2021, 10, 1), D(2021, 11, 15))


def test_every_canonical_text_has_a_source():
    refs = {f"{n}/{s}" for _k, n, s, *_r in CANONICAL_TEXTS} | {f"{n}-{s}" for _k, n, s, *_r in PARTY_TEXTS}
    assert refs == set(SOURCES) and all(SOURCES.values())
