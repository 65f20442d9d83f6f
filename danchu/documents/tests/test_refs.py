"""The reference parser: every citation of the seed report, the canonical round trip, bad input."""

import datetime
import random
import unicodedata

import pytest

from danchu.documents.refs import RefError, find_refs, format_ref, parse_date, parse_ref

D = datetime.date

# Every reference the seed report cites, in order of appearance: (ref, kind, date, issuer).
# Two mentions are not references and are left out on purpose: "Quyết định số 290" (no symbol)
# and "Nghị quyết Trung ương 4 (khóa XII)" (no number at all).
SEED_REFS = [
    ("/BC-STTTT-VP", "BC", None, None),
    ("1457/SNV-XDCQCTTN", "CV", D(2020, 11, 5), "Sở Nội vụ"),
    ("420/KH-STTTT-VP", "KH", D(2016, 4, 15), None),
    ("18-KH/ĐU", "KH", D(2020, 3, 25), None),
    ("39-HD/BCĐ", "HD", D(2020, 10, 7), "Ban Chỉ đạo"),
    ("48-KH/ĐU", "KH", D(2019, 8, 13), "Đảng ủy Sở"),
    ("134-KH/TU", "KH", D(2019, 7, 10), "Ban Thường vụ Tỉnh ủy"),
    ("1335/KH-STTTT-VP", "KH", D(2019, 8, 30), None),
    ("66/KH-UBND", "KH", D(2019, 8, 20), None),
    ("1374/KH-STTTT-VP", "KH", D(2019, 9, 6), None),
    ("65/KH-UBND", "KH", D(2019, 8, 20), None),
    ("1669/KH-STTTT-TTBCXB", "KH", D(2019, 10, 29), "Sở Thông tin và Truyền thông"),
    ("02-QĐ/ĐU", "QĐ", D(2020, 10, 1), None),
    ("04-QĐ/ĐU", "QĐ", D(2020, 10, 30), None),
    ("05-QĐ/ĐU", "QĐ", D(2020, 10, 30), None),
    ("34/2007/PL-UBTVQH11", "PL", None, None),
    ("34/2007/PL-UBTVQH11", "PL", D(2007, 4, 5), "Ủy ban Thường vụ Quốc hội"),
    ("34/2007/PL-UBTVQH11", "PL", None, None),
    ("2627/QĐ-UBND", "QĐ", D(2020, 7, 3), None),
    ("2329/QĐ-UBND", "QĐ", D(2020, 6, 2), "Chủ tịch UBND tỉnh"),
    ("04/2015/NĐ-CP", "NĐ", None, None),
    ("04/2015/NĐ-CP", "NĐ", D(2015, 1, 9), "Chính phủ"),
    ("04/2015/NĐ-CP", "NĐ", D(2015, 1, 9), None),
    ("05-ĐA/TU", "ĐA", D(2018, 6, 21), "Ban Thường vụ tỉnh ủy"),
    ("71-KH/TU", "KH", None, "Ban Thường vụ Tỉnh ủy"),
    ("72-KH/TU", "KH", None, "Ban Thường vụ Tỉnh ủy"),
    ("638/QĐ-UBND", "QĐ", D(2018, 4, 5), "UBND tỉnh"),
    ("639/QĐ-UBND", "QĐ", D(2018, 4, 5), "UBND tỉnh"),
    ("05-KH/TU", "KH", D(2018, 6, 28), "Ban Thường vụ Tỉnh ủy"),
    ("149/2018/NĐ-CP", "NĐ", None, None),
    ("149/2018/NĐ-CP", "NĐ", D(2018, 11, 1), "Chính phủ"),
    ("34/2007/PL-UBTVQH11", "PL", D(2007, 4, 5), "Ủy ban Thường vụ Quốc hội"),
    ("04/2015/NĐ-CP", "NĐ", D(2015, 1, 9), "Chính phủ"),
    ("149/2018/NĐ-CP", "NĐ", D(2018, 11, 7), "Chính phủ"),
    ("25-NQ/TW", "NQ", D(2013, 6, 3), "Ban Chấp hành Trung ương Đảng khóa XI"),
    ("114-KL/TW", "KL", D(2015, 7, 14), "Ban Bí thư Trung ương Đảng (khóa XI)"),
    ("03-KL/TW", "KL", D(2016, 5, 13), "Ban Bí thư"),
    ("16/CT-TTg", "CT", D(2016, 5, 16), "Thủ tướng Chính phủ"),
    ("04/2015/NĐ-CP", "NĐ", D(2015, 1, 9), "Chính phủ"),
    ("99-QĐ/TW", "QĐ", D(2017, 10, 3), "Ban Bí thư"),
    ("124-QĐ/TW", "QĐi", None, "Ban Bí thư"),
    ("11-QĐi/TW", "QĐi", D(2019, 2, 18), "Ban Bí thư"),
    ("05-CT/TW", "CT", None, "Bộ Chính trị"),
    ("/BC-STTTT-VP", "BC", D(2020, 11, 9), "Sở TT-TT"),
    ("18-KH/ĐU", "KH", D(2020, 3, 25), None),
    ("39-HD/BCĐ", "HD", D(2020, 10, 7), "Ban Chỉ đạo"),
    ("02-QĐ/ĐU", "QĐ", D(2020, 10, 1), None),
    ("04-QĐ/ĐU", "QĐ", D(2020, 10, 30), None),
    ("05-QĐ/ĐU", "QĐ", D(2020, 10, 30), None),
    ("545/KH-STTTT-VP", "KH", D(2020, 4, 16), None),
]


def seed_text():
    from conftest import seed_report_path

    return seed_report_path().read_text(encoding="utf-8")


def test_every_reference_of_the_seed_report_is_found_with_kind_date_and_issuer():
    found = [(r.ref, r.kind, r.date, r.issuer) for r in find_refs(seed_text())]
    assert found == SEED_REFS


def test_spans_point_at_the_citation_in_the_input():
    text = seed_text()
    for ref in find_refs(text):
        start, end = ref.span
        cited = text[start:end]
        if ref.number:
            assert ref.number in cited and ref.symbol in cited


def test_spans_refer_to_the_input_even_when_it_is_not_nfc():
    text = unicodedata.normalize("NFD", "Thực hiện Kế hoạch số 18-KH/ĐU ngày 25/3/2020 của Đảng ủy Sở.")
    (ref,) = find_refs(text)
    assert ref.ref == "18-KH/ĐU"
    assert unicodedata.normalize("NFC", text[ref.span[0] : ref.span[1]]) == (
        "Kế hoạch số 18-KH/ĐU ngày 25/3/2020 của Đảng ủy Sở"
    )


@pytest.mark.parametrize(
    "text, ref, kind, number, symbol, date",
    [
        (
            "Kế hoạch số 420/KH-STTTT-VP, ngày 15/4/2016",
            "420/KH-STTTT-VP",
            "KH",
            "420",
            "KH-STTTT-VP",
            D(2016, 4, 15),
        ),
        ("Luật số 10/2022/QH15", "10/2022/QH15", "Luật", "10", "2022/QH15", None),
        (
            "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015",
            "04/2015/NĐ-CP",
            "NĐ",
            "04",
            "2015/NĐ-CP",
            D(2015, 1, 9),
        ),
        ("Pháp lệnh số 34/2007/PL-UBTVQH11", "34/2007/PL-UBTVQH11", "PL", "34", "2007/PL-UBTVQH11", None),
        ("Chỉ thị số 16/CT-TTg", "16/CT-TTg", "CT", "16", "CT-TTg", None),
        ("Kế hoạch số 18-KH/ĐU", "18-KH/ĐU", "KH", "18", "KH/ĐU", None),
        ("Quy định số 11-QĐi/TW", "11-QĐi/TW", "QĐi", "11", "QĐi/TW", None),
        ("Đề án số 05-ĐA/TU", "05-ĐA/TU", "ĐA", "05", "ĐA/TU", None),
        ("Chỉ thị 05-CT/TW", "05-CT/TW", "CT", "05", "CT/TW", None),
        ("Công văn số 1457/SNV-XDCQCTTN", "1457/SNV-XDCQCTTN", "CV", "1457", "SNV-XDCQCTTN", None),
        (
            "Báo cáo số 120/BC-STTTT ngày 09 tháng 11 năm 2020",
            "120/BC-STTTT",
            "BC",
            "120",
            "BC-STTTT",
            D(2020, 11, 9),
        ),
        ("Thông tư 05/2021/TT-TTCP", "05/2021/TT-TTCP", "TT", "05", "2021/TT-TTCP", None),
    ],
)
def test_state_and_party_forms(text, ref, kind, number, symbol, date):
    (found,) = find_refs(text)
    assert (found.ref, found.kind, found.number, found.symbol, found.date) == (
        ref,
        kind,
        number,
        symbol,
        date,
    )
    assert found.span == (0, len(text))


def test_d_and_dj_are_different_letters():
    hd, hdj = find_refs("Hướng dẫn số 39-HD/BCĐ và 12/HĐ-STTTT")
    assert (hd.kind, hdj.kind) == ("HD", "HĐ")
    assert parse_ref("05/DA-SKHCN").kind == "DA"
    assert parse_ref("05/ĐA-SKHCN").kind == "ĐA"


def test_the_icelandic_eth_is_read_as_dj():
    assert parse_ref("18-KH/\u00d0U").ref == "18-KH/ĐU"


def test_blank_numbers_are_reported_with_no_number():
    first, second = find_refs("Số: /BC-STTTT-VP … Báo cáo số ...../BC-STTTT-VP")
    assert first.number is None and second.number is None
    assert first.ref == second.ref == "/BC-STTTT-VP"


def test_a_list_shares_the_issuer_written_after_it():
    a, b = find_refs("Kế hoạch số 71-KH/TU, Kế hoạch số 72-KH/TU của Ban Thường vụ Tỉnh ủy.")
    assert a.issuer == b.issuer == "Ban Thường vụ Tỉnh ủy"


def test_issuer_of_the_government():
    (ref,) = find_refs("theo Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; và")
    assert ref.issuer == "Chính phủ"


def test_impossible_date_gives_no_date_and_a_flag():
    (ref,) = find_refs("Kế hoạch số 12/KH-UBND ngày 31/02/2020 của UBND tỉnh")
    assert ref.date is None and ref.date_invalid and ref.date_text == "ngày 31/02/2020"
    assert ref.issuer == "UBND tỉnh"
    assert parse_date("31/02/2020") == (None, True)
    assert parse_date("ngày 29 tháng 2 năm 2020") == (D(2020, 2, 29), False)
    assert parse_date("") == (None, False)


def test_dates_and_ranges_are_not_references():
    assert find_refs("ngày 09/11/2020, giai đoạn 2016-2020, Covid-19, 12,5%, TT-TT, b/c, 1/7/2023") == []


CANONICAL = [
    "420/KH-STTTT-VP",
    "18-KH/ĐU",
    "04/2015/NĐ-CP",
    "10/2022/QH15",
    "34/2007/PL-UBTVQH11",
    "16/CT-TTg",
    "11-QĐi/TW",
    "05-ĐA/TU",
    "1457/SNV-XDCQCTTN",
    "1669/KH-STTTT-TTBCXB",
    "39-HD/BCĐ",
]


@pytest.mark.parametrize("text", CANONICAL + [r for r, *_ in SEED_REFS if not r.startswith("/")])
def test_round_trip(text):
    assert format_ref(parse_ref(text)) == text


def test_format_from_parts():
    assert format_ref("420", "KH-STTTT-VP") == "420/KH-STTTT-VP"
    assert format_ref("18", "KH/ĐU", True) == "18-KH/ĐU"
    assert format_ref("18", "KH/ĐU") == "18-KH/ĐU"
    assert format_ref("04", "2015/NĐ-CP") == "04/2015/NĐ-CP"


def test_parse_ref_accepts_what_people_type():
    ref = parse_ref("  Kế hoạch số 18 - KH / ĐU ngày 25/3/2020 ")
    assert (ref.ref, ref.date) == ("18-KH/ĐU", D(2020, 3, 25))
    assert parse_ref("Số: 420/KH-STTTT-VP").ref == "420/KH-STTTT-VP"


@pytest.mark.parametrize(
    "text", ["", "   ", "abc", "420", "420/", "/", "KH-STTTT", "420/KH-STTTT và 421/KH-STTTT"]
)
def test_parse_ref_rejects_malformed_references_in_vietnamese(text):
    with pytest.raises(RefError) as info:
        parse_ref(text)
    assert "số, ký hiệu" in str(info.value).lower()


def test_garbage_never_raises():
    rng = random.Random(20201109)
    alphabet = "0123456789/-.:, KHĐUQĐiTWsốngàytháng năm của\n\t\u0300\u0323()“”…*" + "ĐđÐ"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for ref in find_refs(text):
            assert 0 <= ref.span[0] <= ref.span[1] <= len(text)
        try:
            parse_ref(text)
        except RefError:
            pass
    for weird in (None, 42, "\x00" * 10, "/" * 5000, "1-" * 5000, "số " * 3000 + "1/A"):
        find_refs(weird)
