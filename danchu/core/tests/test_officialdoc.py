import io

from docx import Document
from docx.shared import Mm

from danchu.core.officialdoc import OfficialDocument


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
