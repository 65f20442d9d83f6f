"""Official documents in the format of Nghị định 30/2020/NĐ-CP (LEGAL.md §7), with python-docx.

One builder for every document danchu writes (reports, minutes, resolutions):

    doc = OfficialDocument()
    doc.header(superior="UBND TỈNH TRÀ VINH", issuer="SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
               number="Số: 120/BC-STTTT-VP", place_date="Trà Vinh, ngày 09 tháng 11 năm 2020")
    doc.title("BÁO CÁO", "Kết quả thực hiện ...")
    doc.heading("I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH")
    doc.paragraph("...")
    doc.signature(recipients=["Sở Nội vụ (b/c);", "Lưu: VT."], authority=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                  signer="Nguyễn Văn Nậy")
    data = doc.to_bytes()

A4 portrait; margins top 20, bottom 20, left 30, right 15 mm; Times New Roman everywhere; body
14 pt justified with a 1.27 cm first-line indent and 6 pt after; page numbers centred in the top
margin from page 2.

Layout that a signer can sign (Phụ lục I): the signature block is one table row that cannot split
across pages (`w:cantSplit`), its paragraphs kept together and with the next, and a closing
paragraph can be kept with it (`keep_with_next`); table header rows repeat on every page
(`w:tblHeader`) and no table row splits. The header's names are wrapped at word boundaries with
explicit line breaks computed from Times New Roman's advance widths, and the rules under the
issuing body and the Tiêu ngữ get their length from the text (`fit_header`, run again after a
docxtpl template is rendered, when the real names are known).

The package by concern: `fonts` (advance widths, `text_width_pt`, `wrap_words`), `ooxml` (the XML
python-docx has no API for: borders, widths, keeps, row properties), `header` (the header table's
layout, `fit_header`) and `document` (`OfficialDocument`, `in_vietnamese`).
"""

from .document import OfficialDocument, in_vietnamese
from .fonts import BODY_SIZE, FIT, FONT, HORN, text_width_pt, wrap_words
from .header import HEADER_WIDTHS, ISSUER_RULE_SHARE, MOTTO, NATIONAL_NAME, fit_header, fit_header_bytes
from .ooxml import keep_together

__all__ = [
    "BODY_SIZE",
    "FIT",
    "FONT",
    "HEADER_WIDTHS",
    "HORN",
    "ISSUER_RULE_SHARE",
    "MOTTO",
    "NATIONAL_NAME",
    "OfficialDocument",
    "fit_header",
    "fit_header_bytes",
    "in_vietnamese",
    "keep_together",
    "text_width_pt",
    "wrap_words",
]
