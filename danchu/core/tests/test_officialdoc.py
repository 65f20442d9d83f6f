import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from danchu.core.officialdoc import MOTTO, NATIONAL_NAME, OfficialDocument, text_width_pt, wrap_words


def build():
    doc = OfficialDocument()
    doc.header(
        superior="UBND tỉnh Trà Vinh",
        issuer="Sở Thông tin và Truyền thông",
        number="Số: 120/BC-STTTT-VP",
        place_date="Trà Vinh, ngày 09 tháng 11 năm 2020",
    )
    doc.title("Báo cáo", "Kết quả thực hiện dân chủ ở cơ sở năm 2020")
    doc.heading("I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH")
    doc.paragraph("Nội dung báo cáo.")
    doc.table(["STT", "Chỉ tiêu", "Số liệu"], [[1, "Đơn tiếp nhận", "15"]], numeric_columns=(2,))
    doc.signature(
        recipients=["Sở Nội vụ (b/c);", "Lưu: VT."],
        authority=["KT. Giám đốc", "Phó Giám đốc"],
        signer="Nguyễn Văn Nậy",
    )
    return Document(io.BytesIO(doc.to_bytes()))


def all_text(doc):
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_page_is_a4_with_the_official_margins():
    section = build().sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert Mm(20) <= section.top_margin <= Mm(25) and Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20) and Mm(20) <= section.bottom_margin <= Mm(25)


def test_header_signature_and_recipients_are_written_as_the_decree_says():
    # Names wrapped in the header carry line breaks: compare with the whitespace flattened.
    text = " ".join(all_text(build()).split())
    for expected in [
        "UBND TỈNH TRÀ VINH",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 120/BC-STTTT-VP",
        "Trà Vinh, ngày 09 tháng 11 năm 2020",
        "BÁO CÁO",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nơi nhận:",
        "- Lưu: VT.",
    ]:
        assert expected in text


def test_every_run_is_times_new_roman_between_11_and_14_points():
    doc = build()
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                runs += [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
    assert runs
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {round(r.font.size.pt) for r in runs} <= {11, 12, 13, 14}


def test_page_numbers_start_on_page_two():
    section = build().sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


# Layout that a signer can sign (Phụ lục I).

LONG_NAMES = [
    "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông",
    "Ban Quản lý các khu kinh tế và khu công nghiệp tỉnh Vĩnh Long",
    "Trung tâm Tần số vô tuyến điện khu vực IV",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
    "Trung tâm Công nghệ thông tin và Truyền thông",
]


def header_of(issuer, superior="UBND tỉnh Vĩnh Long"):
    doc = OfficialDocument()
    doc.header(
        superior=superior,
        issuer=issuer,
        number="Số: 01/BC-X",
        place_date="Vĩnh Long, ngày 01 tháng 12 năm 2026",
    )
    return Document(io.BytesIO(doc.to_bytes())).tables[0]


def column_pt(table, index):
    cell = table.rows[0].cells[index]
    tc_w = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    sides = sum(int(margins.find(qn(f"w:{e}")).get(qn("w:w"))) for e in ("left", "right"))
    return (tc_w - sides) / 20


def rule_pt(table, cell_index, paragraph):
    fmt = paragraph.paragraph_format
    return column_pt(table, cell_index) - fmt.left_indent.pt - fmt.right_indent.pt


def test_text_width_follows_the_font():
    # Wider letters are wider; a horned letter is wider than its base; tones change nothing.
    assert text_width_pt("W", 12) > text_width_pt("i", 12)
    assert text_width_pt("Ư", 12, bold=True) > text_width_pt("U", 12, bold=True)
    assert text_width_pt("Ệ", 12) == text_width_pt("E", 12)
    assert text_width_pt("AB", 24) == 2 * text_width_pt("AB", 12)
    # The Quốc hiệu at 12 pt bold fits the right column of the header on one line.
    table = header_of("Sở Nội vụ")
    assert text_width_pt(NATIONAL_NAME, 12, bold=True) < column_pt(table, 1)


def test_wrap_breaks_only_between_words_and_balances_the_lines():
    assert wrap_words("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 200, 12, bold=True) == ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    lines = wrap_words("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 195, 12, bold=True)
    assert lines == ["SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG"]  # not "… TRUYỀN" / "THÔNG"
    word = "NGHIÊNGNGHIÊNGNGHIÊNG"
    assert wrap_words(f"A {word} B", 50, 12) == ["A", word, "B"]  # a too-long word stays whole


@pytest.mark.parametrize("name", LONG_NAMES)
def test_agency_name_wraps_at_word_boundaries_and_fits_its_column(name):
    table = header_of(name)
    left = table.rows[0].cells[0]
    issuer = next(p for p in left.paragraphs if p.runs and p.runs[0].bold)
    lines = issuer.text.split("\n")
    # Every word whole, in order; every line inside the column.
    assert " ".join(lines) == name.upper()
    width = column_pt(table, 0)
    for line in lines:
        assert text_width_pt(line, 12, bold=True) <= width
    # As few lines as possible: joining any two neighbours would not fit.
    for first, second in zip(lines, lines[1:], strict=False):
        assert text_width_pt(f"{first} {second}", 12, bold=True) > width * 0.95
    if name == "Sở Khoa học và Công nghệ":
        assert lines == ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]


@pytest.mark.parametrize("name", LONG_NAMES)
def test_rules_follow_the_text_they_underline(name):
    table = header_of(name)
    left, right = table.rows[0].cells
    paragraphs = left.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.runs and p.runs[0].bold)
    longest = max(text_width_pt(line, 12, bold=True) for line in paragraphs[at].text.split("\n"))
    rule = paragraphs[at + 1]
    assert not rule.text and "w:bottom" in rule._p.xml
    # Under the issuing body: 1/3 to 1/2 of the name's (longest line's) length, centred.
    assert longest / 3 <= rule_pt(table, 0, rule) <= longest / 2
    assert rule.paragraph_format.left_indent == rule.paragraph_format.right_indent
    # Under the Tiêu ngữ: as long as the Tiêu ngữ.
    paragraphs = right.paragraphs
    motto_rule = paragraphs[next(i for i, p in enumerate(paragraphs) if p.text == MOTTO) + 1]
    assert abs(rule_pt(table, 1, motto_rule) - text_width_pt(MOTTO, 13, bold=True)) < 1


def test_table_header_repeats_and_rows_do_not_split():
    table = build().tables[1]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_signature_block_cannot_split_and_keeps_its_lines_together():
    table = build().tables[-1]
    assert len(table.rows) == 1 and table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    for cell in table.rows[0].cells:
        for index, paragraph in enumerate(cell.paragraphs):
            p_pr = paragraph._p.pPr
            assert p_pr.find(qn("w:keepLines")) is not None
            assert (p_pr.find(qn("w:keepNext")) is not None) == (index < len(cell.paragraphs) - 1)


def test_closing_paragraph_can_be_kept_with_the_block():
    doc = OfficialDocument()
    kept = doc.paragraph("Trên đây là báo cáo./.", keep_with_next=True)
    loose = doc.paragraph("Đoạn thường.")
    assert kept._p.pPr.find(qn("w:keepNext")) is not None
    assert loose._p.pPr.find(qn("w:keepNext")) is None


def test_elements_are_written_in_the_schema_order_word_expects():
    doc = build()
    for table in doc.tables:
        tags = [child.tag.split("}")[1] for child in table._tbl.tblPr]
        order = ["tblStyle", "tblW", "jc", "tblBorders", "tblLayout", "tblCellMar", "tblLook"]
        present = [t for t in order if t in tags]
        assert [t for t in tags if t in order] == present
    for table in doc.tables:
        for cell in table._cells:
            for paragraph in cell.paragraphs:
                tags = [child.tag.split("}")[1] for child in paragraph._p.pPr]
                if "pBdr" in tags and "ind" in tags:
                    assert tags.index("pBdr") < tags.index("ind")


def test_headings_stay_with_what_follows():
    doc = build()
    heading = next(p for p in doc.paragraphs if p.text.startswith("I. KHÁI QUÁT"))
    assert heading._p.pPr.find(qn("w:keepNext")) is not None


def test_a_table_that_does_not_open_the_document_is_not_taken_for_the_header():
    from danchu.core.officialdoc import fit_header

    doc = OfficialDocument()
    doc.paragraph("Không có phần đầu.")
    long_name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    doc.table([long_name], [["x"]], widths_cm=[3.0])
    document = Document(io.BytesIO(doc.to_bytes()))
    fit_header(document)
    assert document.tables[0].rows[0].cells[0].text == long_name
    # The same table opening a document is fitted as a header would be.
    first = OfficialDocument()
    first.table([long_name], [["x"]], widths_cm=[3.0])
    document = Document(io.BytesIO(first.to_bytes()))
    assert document.tables[0].rows[0].cells[0].text.replace("\n", " ") == long_name
    assert "\n" in document.tables[0].rows[0].cells[0].text
