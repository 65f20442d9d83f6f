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
"""

import functools
import io

from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

FONT = "Times New Roman"
BODY_SIZE = 14
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def in_vietnamese(func):
    """Official documents are Vietnamese whatever language the person building them reads the
    UI in: labels, choices and units pulled into a document are taken in Vietnamese."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return func(*args, **kwargs)

    return wrapper


def _set_run_font(run, size, bold=None, italic=None):
    run.font.name = FONT
    run.font.size = Pt(size)
    r_pr = run._element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    return run


def _bottom_rule(paragraph):
    """A solid rule under a paragraph (its width follows the paragraph's indents)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _all_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            element.set(qn(key), value)
        borders.append(element)
    tbl_pr.append(borders)


def _fixed_widths(table, widths):
    """Column widths that Word and LibreOffice both honour: the grid's and every cell's."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _cell_margins(table, width):
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(width.twips if hasattr(width, "twips") else width / 635)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _page_number_field(paragraph, size=BODY_SIZE):
    run = paragraph.add_run()
    _set_run_font(run, size)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = "PAGE"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


class OfficialDocument:
    def __init__(self, body_size=BODY_SIZE):
        self.body_size = body_size
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        # 20, 20, 30 and 15 mm, rounded up to whole twips (Word stores twips) so no margin falls short.
        section.top_margin, section.bottom_margin = Twips(1134), Twips(1134)
        section.left_margin, section.right_margin = Twips(1701), Twips(851)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        _page_number_field(self._aligned(section.header.paragraphs[0], WD_ALIGN_PARAGRAPH.CENTER))
        for style_name in ("Normal", "Table Grid"):
            try:
                style = self.doc.styles[style_name]
            except KeyError:
                continue
            style.font.name = FONT
            style.font.size = Pt(body_size)
            r_pr = style.element.get_or_add_rPr()
            fonts = r_pr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                r_pr.insert(0, fonts)
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(attr), FONT)
        self.doc.styles["Normal"].paragraph_format.space_after = Pt(6)
        self.doc.styles["Normal"].paragraph_format.line_spacing = 1.15
        # python-docx starts with one empty paragraph; reuse it as the first block.
        self._first = self.doc.paragraphs[0] if self.doc.paragraphs else None

    @staticmethod
    def _aligned(paragraph, alignment):
        paragraph.alignment = alignment
        return paragraph

    def _new_paragraph(self):
        if self._first is not None:
            paragraph, self._first = self._first, None
            return paragraph
        return self.doc.add_paragraph()

    @staticmethod
    def _cell_line(
        cell, text, size, bold=False, italic=False, first=False, rule_indent_cm=None, space_after=0
    ):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(space_after)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        paragraph.paragraph_format.first_line_indent = Cm(0)
        if text:
            _set_run_font(paragraph.add_run(text), size, bold=bold, italic=italic)
        if rule_indent_cm is not None:
            rule = cell.add_paragraph()
            rule.paragraph_format.left_indent = Cm(rule_indent_cm)
            rule.paragraph_format.right_indent = Cm(rule_indent_cm)
            rule.paragraph_format.space_after = Pt(0)
            rule.paragraph_format.line_spacing = Pt(2)
            _bottom_rule(rule)
        return paragraph

    def header(self, *, superior, issuer, number, place_date):
        """The header table: bodies on the left, Quốc hiệu and Tiêu ngữ on the right; then
        "Số: …" under the bodies and the place and date under the motto."""
        table = self.doc.add_table(rows=2, cols=2)
        if self._first is not None:
            # Move the table before the initial empty paragraph, which is then removed.
            self._first._p.addprevious(table._tbl)
            self._first._p.getparent().remove(self._first._p)
            self._first = None
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        # Fixed column widths (grid and cells) with thin cell margins: 7 + 9.5 cm fill the 16.5 cm
        # between the page margins, enough for the bodies (12 pt) and the Quốc hiệu on one line each.
        _fixed_widths(table, (Cm(7.0), Cm(9.5)))
        _cell_margins(table, Cm(0.05))
        left, right = table.rows[0].cells
        if superior:
            self._cell_line(left, superior.upper(), 12, first=True)
            self._cell_line(left, issuer.upper(), 12, bold=True, rule_indent_cm=2.2)
        else:
            self._cell_line(left, issuer.upper(), 12, bold=True, first=True, rule_indent_cm=2.2)
        self._cell_line(right, NATIONAL_NAME, 12, bold=True, first=True)
        self._cell_line(right, MOTTO, 13, bold=True, rule_indent_cm=2.2)
        left, right = table.rows[1].cells
        self._cell_line(left, number, 13, first=True, space_after=6)
        self._cell_line(right, place_date, 13, italic=True, first=True, space_after=6)
        return table

    def title(self, type_name, subject=None):
        paragraph = self._centered(type_name.upper(), 14, bold=True, space_before=12)
        if subject:
            lines = subject if isinstance(subject, (list, tuple)) else [subject]
            for line in lines:
                last = self._centered(line, 14, bold=True)
            rule = self.doc.add_paragraph()
            rule.paragraph_format.left_indent = Cm(6.0)
            rule.paragraph_format.right_indent = Cm(6.0)
            rule.paragraph_format.space_after = Pt(12)
            rule.paragraph_format.line_spacing = Pt(2)
            _bottom_rule(rule)
            del last
        return paragraph

    def _centered(self, text, size, bold=False, italic=False, space_before=0):
        paragraph = self._new_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(space_before)
        paragraph.paragraph_format.space_after = Pt(0)
        _set_run_font(paragraph.add_run(text), size, bold=bold, italic=italic)
        return paragraph

    def centered(self, text, size=None, bold=False, italic=False):
        return self._centered(text, size or self.body_size, bold=bold, italic=italic)

    def heading(self, text, bold=True, italic=False):
        """A section heading ("I. KHÁI QUÁT …", "1. Công tác …"): bold, indented like the body."""
        paragraph = self._new_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
        paragraph.paragraph_format.space_before = Pt(6)
        _set_run_font(paragraph.add_run(text), self.body_size, bold=bold, italic=italic)
        return paragraph

    def paragraph(
        self, text="", *, bold=False, italic=False, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, runs=None
    ):
        """A body paragraph. `runs` is a list of (text, {"bold": …, "italic": …}) for mixed styles."""
        paragraph = self._new_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.first_line_indent = Cm(1.27) if indent else Cm(0)
        for run_text, style in runs or [(text, {"bold": bold, "italic": italic})]:
            _set_run_font(
                paragraph.add_run(run_text),
                self.body_size,
                bold=style.get("bold"),
                italic=style.get("italic"),
            )
        return paragraph

    def bullet(self, text, **kwargs):
        """A "- …" item, as official documents write lists."""
        return self.paragraph(f"- {text}", **kwargs)

    def table(self, headers, rows, widths_cm=None, size=13, numeric_columns=()):
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _all_borders(table)
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            self._cell_line(cell, str(header), size, bold=True, first=True)
        for row in rows:
            cells = table.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
                paragraph = self._cell_line(cell, "" if value is None else str(value), size, first=True)
                if index in numeric_columns:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif index > 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if widths_cm:
            table.autofit = False
            _fixed_widths(table, [Cm(w) for w in widths_cm])
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)
        return table

    def signature(self, *, recipients, authority, signer, signer_note=None):
        """Recipients ("Nơi nhận:") on the left; signing authority and signer on the right."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        _fixed_widths(table, (Cm(8.0), Cm(8.5)))
        left, right = table.rows[0].cells
        first = left.paragraphs[0]
        first.paragraph_format.space_after = Pt(0)
        _set_run_font(first.add_run("Nơi nhận:"), 12, bold=True, italic=True)
        for line in recipients:
            paragraph = left.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            _set_run_font(paragraph.add_run(f"- {line}"), 11)
        for index, line in enumerate(authority):
            self._cell_line(right, line.upper(), 14, bold=True, first=index == 0)
        if signer_note:
            self._cell_line(right, signer_note, 14, italic=True)
        for _ in range(3):
            self._cell_line(right, "", 14)
        self._cell_line(right, signer, 14, bold=True)
        return table

    def page_break(self):
        self._new_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self):
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def save(self, path):
        self.doc.save(path)
