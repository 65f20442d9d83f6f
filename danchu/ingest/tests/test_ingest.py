"""Reading reports danchu did not write: the seed (Markdown and DOCX), a district, a commune, a
department and a school written in the style of real ones, both legal eras, and the warnings."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from conftest import seed_report_path
from danchu.ingest.extract import MAX_BYTES, IngestError, extract_text, read_bounded
from danchu.ingest.reader import read_file, read_text, totals
from danchu.reporting.indicators import BY_CODE

from . import samples

pytestmark = pytest.mark.django_db

# Every seed figure that maps to an indicator (SEED-MAP.md), as (indicator, value, the number as written).
SEED_FIGURES = [
    ("dissemination_coverage_pct", 100, "100"),
    ("campaign_articles", 72, "72"),
    ("campaign_documents", 19, "19"),
    ("party_inspections", 8, "08"),
    ("party_supervisions", 3, "03"),
    ("fund_contributions_vnd", 14193000, "14.193.000"),
    ("fund_contributions_vnd", 5450000, "5.450.000"),
    ("fund_contributions_vnd", 4611500, "4.611.500"),
    ("procedures_posted", 37, "37"),
    ("service_centre_officials", 2, "02"),
    ("administrative_inspections", 1, "01"),
    ("inspections_total", 10, "10"),
    ("inspection_subjects", 34, "34"),
    ("inspections_led", 4, "04"),
    ("inspections_joint", 6, "06"),
    ("subjects_checked", 35, "35"),
    ("subjects_in_violation", 9, "09"),
    ("referrals", 3, "03"),
    ("sanction_decisions", 6, "06"),
    ("fines_vnd", 41250000, "41.250.000"),
    ("letters_received", 15, "15"),
    ("complaints_received", 3, "03"),
    ("complaints_answered", 2, "02"),
    ("complaints_in_progress", 1, "01"),
    ("denunciations_received", 2, "02"),
    ("denunciations_not_eligible", 1, "01"),
    ("denunciations_in_progress", 1, "01"),
    ("feedback_received", 10, "10"),
    ("feedback_answered", 4, "04"),
    ("feedback_not_eligible", 6, "06"),
    ("items_posted", 82, "82"),
    ("items_posted", 19, "19"),
    ("staff_reduction_pct", 12.5, "12,5"),
    ("staff_reduced_civil_servants", 4, "4"),
    ("staff_reduced_public_employees", 4, "4"),
    ("staff_quota_civil_servants", 28, "28"),
    ("staff_quota_public_employees", 28, "28"),
    ("campaign_articles", 136, "136"),
    ("campaign_documents", 16, "16"),
    ("online_services_l34", 37, "37"),
    ("online_services_l4", 29, "29"),
    ("staff_conferences_held", 2, "02"),
    ("staff_conference_rate", 100, "100"),
    ("complaint_resolution_rate", 100, "100"),
]
# "Không có trường hợp phải thi hành kỷ luật Đảng", "không có đơn, thư … liên quan đến đảng viên".
SEED_ZEROS = {"party_discipline_cases", "complaints_about_party_members"}


def triples(result):
    text = result["text"]
    return [(f["indicator"], f["value"], text[slice(*f["value_span"])]) for f in result["figures"]]


def assert_spans(result):
    text = result["text"]
    for figure in result["figures"]:
        start, end = figure["span"]
        assert text[start:end] == figure["text"]
        assert start <= figure["value_span"][0] < figure["value_span"][1] <= end
        assert figure["indicator"] in BY_CODE


def seed_result():
    return read_file(seed_report_path().read_bytes(), "seed.md", check=False)


def test_every_seed_figure_is_read_with_its_span_and_nothing_else():
    result = seed_result()
    assert_spans(result)
    got = [t for t in triples(result) if t[0] not in SEED_ZEROS]
    assert sorted(got, key=str) == sorted(SEED_FIGURES, key=str)
    zeros = {f["indicator"] for f in result["figures"] if f["value"] == 0}
    assert zeros == SEED_ZEROS
    assert result["warnings"] == []


def test_seed_totals_add_the_parts_of_campaigns_and_funds():
    values = totals(seed_result()["figures"])
    assert values["fund_contributions_vnd"] == 14193000 + 5450000 + 4611500
    assert values["campaign_articles"] == 72 + 136
    assert values["letters_received"] == 15 and values["fines_vnd"] == 41250000


def test_a_docx_made_from_the_seed_reads_the_same_figures(tmp_path):
    from docx import Document

    document = Document()
    for line in seed_report_path().read_text("utf-8").splitlines():
        document.add_paragraph(line.replace("**", "").lstrip("#").strip())
    # A figure kept in a table, as agencies do in the appendix.
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Chỉ tiêu", "Số liệu"
    table.cell(1, 0).text, table.cell(1, 1).text = "Số lượt tiếp công dân", "12"
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_file(buffer.getvalue(), "bao-cao.docx", check=False)
    assert_spans(result)
    got = triples(result)
    for figure in SEED_FIGURES:
        assert figure in got
    assert ("reception_visits", 12, "12") in got
    assert "Số lượt tiếp công dân | 12" in result["text"]


def test_district_report_reception_petitions_and_a_wrong_rate():
    result = read_text(samples.DISTRICT_2021, check=False)
    assert_spans(result)
    got = triples(result)
    for figure in [
        ("reception_visits", 198, "198"),
        ("reception_people", 221, "221"),
        ("reception_matters", 200, "200"),
        ("letters_received", 126, "126"),
        ("complaints_received", 31, "31"),
        ("denunciations_received", 9, "9"),
        ("feedback_received", 86, "86"),
        ("petitions_resolved", 238, "238"),
        ("petitions_due", 316, "316"),
        ("online_services_l34", 142, "142"),
        ("online_services_l4", 97, "97"),
        ("staff_conferences_held", 25, "25"),
        ("staff_conferences_required", 25, "25"),
        ("fines_vnd", 87500000, "87.500.000"),
        ("administrative_inspections", 5, "05"),
    ]:
        assert figure in got
    # "12 trường hợp" sanctioned is not a count of decisions: left for the officer.
    assert "sanction_decisions" not in {f[0] for f in got}
    (arithmetic,) = [w for w in result["warnings"] if w["kind"] == "arithmetic"]
    assert "88,9%" in arithmetic["message"] and "75,3%" in arithmetic["message"]
    assert result["text"][slice(*arithmetic["span"])].startswith("238/316")


def test_commune_report_current_era_wording_and_word_numbers():
    result = read_text(samples.COMMUNE_2024, check=False)
    assert_spans(result)
    got = triples(result)
    assert ("reception_visits", 46, "46") in got and ("reception_people", 52, "52") in got
    assert ("letters_received", 2, "hai") in got
    assert ("complaints_received", 1, "một") in got and ("feedback_received", 1, "một") in got
    # Nghị định 42/2022: the total of online services and the "toàn trình" ones; "một phần" alone
    # has no indicator.
    assert ("online_services_l34", 64, "64") in got and ("online_services_l4", 21, "21") in got
    assert not any(f[1] == 43 for f in got)
    assert {w["kind"] for w in result["warnings"]} == {"rate_over_100"}


def test_department_report_parts_over_total_and_figures_that_contradict():
    result = read_text(samples.DEPARTMENT_2023, check=False)
    assert_spans(result)
    got = triples(result)
    assert ("online_services_l34", 58, "58") in got and ("online_services_l4", 40, "40") in got
    assert ("fines_vnd", 15500000, "15,5") in got
    assert ("inspections_total", 7, "07") in got and ("inspection_subjects", 19, "19") in got
    # "Đã giải quyết 03 đơn khiếu nại" is not a count of complaints received.
    assert [f for f in got if f[0] == "complaints_received"] == [("complaints_received", 5, "05")]
    kinds = [w["kind"] for w in result["warnings"]]
    assert "parts_exceed_total" in kinds and "contradiction" in kinds
    assert "rule" in kinds  # letters_received == its parts, danchu.reporting.checks.RULES
    (contradiction,) = [w for w in result["warnings"] if w["kind"] == "contradiction"]
    assert "15.500.000" in contradiction["message"] and "16.000.000" in contradiction["message"]
    # 5 reduced / (25 + 20 + 5) = 10%: consistent, no warning on the staff figures.
    assert not any("tinh giản" in w["message"] for w in result["warnings"])


def test_ward_report_short_phrasings():
    result = read_text(samples.WARD_2025, check=False)
    assert_spans(result)
    assert sorted(triples(result), key=str) == sorted(
        [
            ("reception_visits", 52, "52"),
            ("reception_people", 60, "60"),
            ("reception_matters", 47, "47"),
            ("letters_received", 45, "45"),
            # "09 đơn thư khiếu nại, tố cáo" together is no single indicator: not read.
            ("online_services_l4", 112, "112"),
            ("staff_reduced_total", 2, "02"),
            ("staff_reduction_pct", 5.1, "5,1"),
        ],
        key=str,
    )


def test_a_docx_table_with_indicator_labels_is_read_row_by_row():
    from docx import Document

    document = Document()
    document.add_paragraph("PHỤ LỤC SỐ LIỆU")
    rows = [
        ("STT. Chỉ tiêu", "Số liệu"),
        ("1. Đơn khiếu nại", "03"),
        ("2. Số tiền xử phạt vi phạm hành chính (đồng)", "41.250.000"),
        ("3. Dịch vụ công trực tuyến toàn trình", "29"),
        ("4. Tỷ lệ tổ chức hội nghị cán bộ, công chức, viên chức", "100%"),
        ("5. Trong đó đã giải quyết", "7"),  # a label that names no single indicator
        ("6. Số cuộc họp giao ban", "12"),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for i, (label, value) in enumerate(rows):
        table.cell(i, 0).text, table.cell(i, 1).text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_file(buffer.getvalue(), "phu-luc.docx", check=False)
    assert_spans(result)
    assert sorted(triples(result), key=str) == sorted(
        [
            ("complaints_received", 3, "03"),
            ("fines_vnd", 41250000, "41.250.000"),
            ("online_services_l4", 29, "29"),
            ("staff_conference_rate", 100, "100"),
        ],
        key=str,
    )


def test_a_staff_reduction_rate_its_parts_contradict():
    text = "Về tinh giản biên chế: đã tinh giản 3 biên chế công chức, 2 biên chế viên chức, đạt tỷ lệ 20%; biên chế công chức được giao là 25 và biên chế viên chức được giao là 20."
    (warning,) = read_text(text, check=False)["warnings"]
    assert warning["kind"] == "arithmetic" and "10%" in warning["message"]


def test_school_report_reads_only_what_it_says():
    result = read_text(samples.SCHOOL_2023, check=False)
    assert_spans(result)
    got = triples(result)
    assert sorted(got, key=str) == sorted(
        [
            ("dissemination_coverage_pct", 100, "100"),
            ("letters_received", 0, "0"),
            ("procedures_posted", 12, "12"),
        ],
        key=str,
    )
    # "48/50 viên chức tham dự" counts people at the conference, not units that held one.
    assert result["warnings"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Đã giải quyết 05 đơn khiếu nại, chuyển 02 đơn tố cáo đến cơ quan có thẩm quyền.",
        "Năm 2020 có 15 đơn vị trực thuộc và 37 cán bộ.",
        "Thực hiện Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 và Kế hoạch số 18-KH/ĐU ngày 25/3/2020.",
        "Tổ chức 03 cuộc họp, 02 hội nghị chuyên đề với 150 lượt người tham dự.",
        "Cổng thông tin có 12.500 lượt truy cập.",
        "Cổng thông tin có 12.500 lượt truy cập, tiếp nhận và giải quyết 20 vụ việc.",
        "10 đơn kiến nghị đã được kiến nghị cấp trên xử lý 03 trường hợp.",
        "Công khai 05 điều chỉnh dự toán trên mạng nội bộ theo khoản 3 Điều 63.",
        "Tổ chức hội nghị viên chức năm học 2023-2024 với 48/50 viên chức tham dự.",
        "Tiếp tục thực hiện 02 cuộc kiểm tra của Đoàn liên ngành.",
    ],
)
def test_sentences_that_name_no_indicator_give_no_figure(sentence):
    assert read_text(sentence, check=False)["figures"] == []


def test_citations_are_checked_against_the_registry():
    from danchu.documents.models import Document

    Document.objects.create(
        ref="149/2018/NĐ-CP",
        kind="NĐ",
        number="149",
        symbol="2018/NĐ-CP",
        issued_on=datetime.date(2018, 11, 7),
    )
    result = read_text("Theo Nghị định số 149/2018/NĐ-CP ngày 01/11/2018 của Chính phủ.")
    (ref,) = result["refs"]
    assert ref["status"] == "date_mismatch" and ref["expected_date"] == "2018-11-07"
    assert result["text"][slice(*ref["span"])].startswith("Nghị định số 149/2018/NĐ-CP")


def test_command_json_contract(tmp_path):
    out = io.StringIO()
    call_command("ingest", "--json", str(seed_report_path()), stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"refs", "figures", "warnings"}
    got = {(f["indicator"], f["value"]) for f in data["figures"]}
    assert {("letters_received", 15), ("complaints_received", 3), ("fines_vnd", 41250000)} <= got
    assert all(isinstance(f["span"], list) for f in data["figures"])
    assert {"420/KH-STTTT-VP", "11-QĐi/TW"} <= {r["ref"] for r in data["refs"]}
    assert all(r["status"] in {"ok", "date_mismatch", "unknown"} for r in data["refs"])


def test_command_table_in_vietnamese_from_stdin(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(samples.DISTRICT_2021.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    call_command("ingest", "-", stdout=out)
    text = out.getvalue()
    assert "SỐ LIỆU ĐỌC ĐƯỢC" in text and "Lượt tiếp công dân" in text and "CẢNH BÁO" in text
    assert "75,3%" in text


def test_a_pdf_with_a_text_layer_is_read(tmp_path):
    import subprocess

    from docx import Document

    document = Document()
    for line in samples.DISTRICT_2021.splitlines():
        document.add_paragraph(line)
    source = tmp_path / "huyen.docx"
    document.save(source)
    try:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("LibreOffice is not available")
    result = read_file((tmp_path / "huyen.pdf").read_bytes(), "huyen.pdf", check=False)
    got = {(f["indicator"], f["value"]) for f in result["figures"]}
    assert {("reception_visits", 198), ("letters_received", 126), ("fines_vnd", 87500000)} <= got


def test_a_scanned_pdf_says_it_has_no_text(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(IngestError, match="không có lớp văn bản"):
        extract_text(buffer.getvalue(), "scan.pdf")
    with pytest.raises(CommandError, match="bản quét"):
        path = tmp_path / "scan.pdf"
        path.write_bytes(buffer.getvalue())
        call_command("ingest", str(path), stdout=io.StringIO())


def test_input_is_bounded_and_bad_files_get_a_message():
    with pytest.raises(IngestError, match="lớn hơn"):
        read_bounded(io.BytesIO(b"x" * (MAX_BYTES + 1)), "to.txt")
    with pytest.raises(IngestError, match="UTF-8"):
        extract_text(b"Ti\xeap nh\xe2n 15 \xf0\xa1n", "a.txt")
    with pytest.raises(IngestError, match=".docx"):
        extract_text(b"PK\x03\x04 not a zip", "a.docx")
    with pytest.raises(IngestError, match=".docx"):
        extract_text(b"\xd0\xcf\x11\xe0", "a.doc")
