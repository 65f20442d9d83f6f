"""`OfficialDocument`: the builder of every document danchu writes (page, header, title, body,
tables, signature block), and `in_vietnamese`."""

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

from .fonts import BODY_SIZE, FONT
from .header import HEADER_WIDTHS, MOTTO, NATIONAL_NAME, fit_header
from .ooxml import (
    _all_borders,
    _bottom_rule,
    _cell_margins,
    _fixed_widths,
    _no_borders,
    _page_number_field,
    _row_properties,
    _set_run_font,
    keep_together,
)


def in_vietnamese(func):
    """Official documents are Vietnamese whatever language the person building them reads the
    UI in: labels, choices and units pulled into a document are taken in Vietnamese."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return func(*args, **kwargs)

    return wrapper


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
        cell,
        text,
        size,
        bold=False,
        italic=False,
        first=False,
        rule_indent_cm=None,
        space_after=0,
        space_before=0,
    ):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(space_after)
        paragraph.paragraph_format.space_before = Pt(space_before)
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
        # Fixed column widths (grid and cells) with thin cell margins, filling the 16.5 cm between
        # the page margins: the right column fits the Quốc hiệu at 12 pt bold on one line (8.8 cm
        # by the font's widths, 4 % to spare), the left one is all that is left, 7.2 cm: "SỞ KHOA
        # HỌC VÀ CÔNG NGHỆ" (6.5 cm) holds on one line, longer names are wrapped between words
        # by fit_header.
        _fixed_widths(table, HEADER_WIDTHS)
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
        # 6 pt between the rules and the number / the place and date.
        self._cell_line(left, number, 13, first=True, space_after=6, space_before=6)
        self._cell_line(right, place_date, 13, italic=True, first=True, space_after=6, space_before=6)
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
        """A section heading ("I. KHÁI QUÁT …", "1. Công tác …"): bold, indented like the body,
        kept on the page of what follows (never a heading alone at the foot of a page)."""
        paragraph = self._new_paragraph()
        keep_together(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
        paragraph.paragraph_format.space_before = Pt(6)
        _set_run_font(paragraph.add_run(text), self.body_size, bold=bold, italic=italic)
        return paragraph

    def paragraph(
        self,
        text="",
        *,
        bold=False,
        italic=False,
        indent=True,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        runs=None,
        keep_with_next=False,
    ):
        """A body paragraph. `runs` is a list of (text, {"bold": …, "italic": …}) for mixed styles.
        `keep_with_next` keeps it on the page of what follows (the closing paragraph before the
        signature block, so the block never starts a page alone)."""
        paragraph = self._new_paragraph()
        if keep_with_next:
            keep_together(paragraph)
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
        """A bordered table whose header row repeats at the top of every page (w:tblHeader) and
        whose rows never split across pages (w:cantSplit)."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _all_borders(table)
        _row_properties(table.rows[0], header=True)
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            self._cell_line(cell, str(header), size, bold=True, first=True)
        for row in rows:
            added = table.add_row()
            _row_properties(added)
            cells = added.cells
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
        """Recipients ("Nơi nhận:") on the left; signing authority, title, the space to sign and
        the signer's name on the right. The block is one table row that cannot split across pages
        (w:cantSplit), and every paragraph in it is kept together and with the next, so the
        authority and the name are always on the same page, with "Nơi nhận" beside them."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        _fixed_widths(table, (Cm(8.0), Cm(8.5)))
        _row_properties(table.rows[0])
        left, right = table.rows[0].cells
        first = left.paragraphs[0]
        first.paragraph_format.space_after = Pt(0)
        _set_run_font(first.add_run("Nơi nhận:"), 12, bold=True, italic=True)
        for line in recipients:
            paragraph = left.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            _set_run_font(paragraph.add_run(f"- {line}"), 11)
        if not authority:
            authority = [""]
        for index, line in enumerate(authority):
            self._cell_line(right, line.upper(), 14, bold=True, first=index == 0)
        if signer_note:
            self._cell_line(right, signer_note, 14, italic=True)
        for _ in range(3):
            self._cell_line(right, "", 14)
        self._cell_line(right, signer, 14, bold=True)
        for cell in (left, right):
            paragraphs = cell.paragraphs
            for index, paragraph in enumerate(paragraphs):
                keep_together(paragraph, with_next=index < len(paragraphs) - 1)
        return table

    def page_break(self):
        self._new_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self):
        fit_header(self.doc)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def save(self, path):
        fit_header(self.doc)
        self.doc.save(path)
