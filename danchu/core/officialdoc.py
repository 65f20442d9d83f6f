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
"""

import functools
import io
import itertools
import unicodedata

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

# Text widths. Advance widths of Times New Roman in 1/1000 em for printable ASCII (space to "~"),
# regular and bold, read from Liberation Serif, which is metric-compatible with Times New Roman by
# design (same advance widths). A precomposed Vietnamese letter is as wide as its base letter,
# except the horned Ư/ư/Ơ/ơ (and their tones) and Đ/đ, listed apart. Kerning is ignored: the
# widths are an approximation good to about 1 %, which is why wrapping keeps a margin (FIT).
_ASCII_WIDTHS = {
    False: [
        int(w)
        for w in """
    250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500
    500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889
    722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500
    444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480
    200 480 541
    """.split()
    ],
    True: [
        int(w)
        for w in """
    250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500
    500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944
    722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556
    444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394
    220 394 520
    """.split()
    ],
}
_OTHER_WIDTHS = {
    False: {"Đ": 722, "đ": 500, "Ư": 776, "ư": 542, "Ơ": 722, "ơ": 529, "\u00a0": 250},
    True: {"Đ": 722, "đ": 556, "Ư": 796, "ư": 600, "Ơ": 778, "ơ": 554, "\u00a0": 250},
}
HORN = "\u031b"
# Share of a cell's width a computed line may fill: room for the approximation and for kerning.
FIT = 0.95
# The rule under the issuing body: between 1/3 and 1/2 of the name's length (Phụ lục I); danchu
# draws it at the middle of that range.
ISSUER_RULE_SHARE = 0.42
HEADER_WIDTHS = (Cm(7.2), Cm(9.3))


def _char_width(char, bold):
    other = _OTHER_WIDTHS[bold]
    if char in other:
        return other[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if HORN in decomposed:
        horned = unicodedata.normalize("NFC", base + HORN)
        if horned in other:
            return other[horned]
    code = ord(base)
    if 32 <= code < 127:
        return _ASCII_WIDTHS[bold][code - 32]
    return 500  # anything else: the width of an average letter


def text_width_pt(text, size, bold=False):
    """The approximate width of `text` set in Times New Roman at `size` points, in points."""
    text = unicodedata.normalize("NFC", text)
    return sum(_char_width(char, bool(bold)) for char in text) * size / 1000


def wrap_words(text, width_pt, size, bold=False):
    """`text` in as few lines as fit `width_pt` (breaking only between words), the breaks chosen so
    the longest line is as short as possible ("SỞ THÔNG TIN VÀ / TRUYỀN THÔNG" rather than a
    last word alone). A single word wider than the width keeps its own line, unbroken."""
    words = text.split()
    if not words:
        return []
    limit = width_pt * FIT

    def width(line_words):
        return text_width_pt(" ".join(line_words), size, bold)

    if width(words) <= limit:
        return [" ".join(words)]
    for count in range(2, len(words) + 1):
        best = None
        for cuts in itertools.combinations(range(1, len(words)), count - 1):
            bounds = (0, *cuts, len(words))
            lines = [words[a:b] for a, b in itertools.pairwise(bounds)]
            widest = max(width(line) for line in lines)
            # Ties: the longer line first, as headers are usually set.
            key = (widest, -width(lines[0]))
            if best is None or key < best[0]:
                best = (key, lines)
        if best[0][0] <= limit or count == len(words):
            return [" ".join(line) for line in best[1]]
    return words


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
    _insert_ordered(p_pr, borders, _PPR_AFTER_KEEP_NEXT[_PPR_AFTER_KEEP_NEXT.index("w:pBdr") + 1 :])


def _insert_ordered(parent, element, successors):
    """Insert `element` before the first of `successors` present in `parent` (the schema's order,
    which Word enforces), else at the end."""
    for name in successors:
        anchor = parent.find(qn(name))
        if anchor is not None:
            anchor.addprevious(element)
            return element
    parent.append(element)
    return element


# CT_TblPr's children after w:tblBorders and after w:tblCellMar, in schema order.
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_TBLPR_AFTER_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _insert_ordered(tbl_pr, borders, _TBLPR_AFTER_BORDERS)


def _all_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            element.set(qn(key), value)
        borders.append(element)
    _insert_ordered(tbl_pr, borders, _TBLPR_AFTER_BORDERS)


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
    _insert_ordered(table._tbl.tblPr, margins, _TBLPR_AFTER_CELL_MAR)


def _on_off(parent, tag, before=()):
    """Set the on/off property `tag` (w:keepNext, w:cantSplit …) on a pPr/trPr, once."""
    if parent.find(qn(tag)) is None:
        _insert_ordered(parent, OxmlElement(tag), before)


# CT_PPr's children in schema order, from w:keepNext on (Word refuses out-of-order elements).
_PPR_AFTER_KEEP_NEXT = tuple(
    f"w:{name}"
    for name in """
    keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs
    suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi
    adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc
    textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange
    """.split()
)


def keep_together(paragraph, with_next=True):
    """Keep the paragraph's lines on one page (w:keepLines) and, unless told otherwise, on the
    page of the next paragraph (w:keepNext)."""
    p_pr = paragraph._p.get_or_add_pPr()
    if with_next:
        _on_off(p_pr, "w:keepNext", _PPR_AFTER_KEEP_NEXT)
    _on_off(p_pr, "w:keepLines", _PPR_AFTER_KEEP_NEXT[1:])
    return paragraph


def _row_properties(row, *, cant_split=True, header=False):
    tr_pr = row._tr.get_or_add_trPr()
    # CT_TrPr children are a choice group (any order), but Word writes cantSplit before tblHeader.
    if cant_split:
        _on_off(tr_pr, "w:cantSplit", ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc"))
    if header:
        _on_off(tr_pr, "w:tblHeader", ("w:tblCellSpacing", "w:jc", "w:hidden"))


def _cell_width_pt(table, cell):
    """The width a cell's text may fill, in points: its w:tcW less the table's cell margins."""
    tc_w = cell._tc.tcPr.find(qn("w:tcW")) if cell._tc.tcPr is not None else None
    if tc_w is None or tc_w.get(qn("w:type")) not in (None, "dxa"):
        return None
    margins = 2 * 108  # Word's default left and right cell margins, in twips
    cell_mar = table._tbl.tblPr.find(qn("w:tblCellMar"))
    if cell_mar is not None:
        found = [cell_mar.find(qn(f"w:{edge}")) for edge in ("left", "right")]
        if all(f is not None for f in found):
            margins = sum(int(f.get(qn("w:w"), "0")) for f in found)
    return (int(tc_w.get(qn("w:w"))) - margins) / 20


def _has_bottom_rule(paragraph):
    p_pr = paragraph._p.pPr
    borders = p_pr.find(qn("w:pBdr")) if p_pr is not None else None
    return borders is not None and borders.find(qn("w:bottom")) is not None


def _run_style(paragraph):
    """(size in pt, bold) of the paragraph's first run with text, 12 pt regular if unset."""
    for run in paragraph.runs:
        if run.text.strip():
            return (run.font.size.pt if run.font.size else 12), bool(run.bold)
    return 12, False


def fit_header(document):
    """Lay out the header table (the document's first table) as Phụ lục I draws it, from the text it
    now holds: a name wider than its column is wrapped at word boundaries with explicit line breaks
    (`wrap_words`), so no renderer breaks a word or leaves one word alone; the rule under the
    Tiêu ngữ is as long as the Tiêu ngữ and the rule under the issuing body ISSUER_RULE_SHARE of the
    name's longest line (1/3–1/2). Rules are the empty paragraphs with a bottom border; a rule's
    length is set through its left and right indents, centred in the cell. Lengths come from
    `text_width_pt`, an approximation from the font's advance widths."""
    if not document.tables:
        return document
    table = document.tables[0]
    # Only a header: a table that opens the document (an uploaded template without one keeps its
    # first table as it is).
    if document.element.body[0] is not table._tbl:
        return document
    for cell in table.rows[0].cells:
        width = _cell_width_pt(table, cell)
        if width is None:
            continue
        previous = None
        for paragraph in cell.paragraphs:
            text = paragraph.text
            if text.strip():
                size, bold = _run_style(paragraph)
                runs = [r for r in paragraph.runs if r.text]
                # The Quốc hiệu and the Tiêu ngữ are one line each by definition (the column is
                # sized for them); a tag of a template is left for the rendered text.
                fixed = text.strip() in (NATIONAL_NAME, MOTTO) or "{" in text or "\n" in text
                if len(runs) == 1 and not fixed:
                    lines = wrap_words(text, width, size, bold)
                    if len(lines) > 1:
                        runs[0].text = "\n".join(lines)
                previous = (paragraph.text.split("\n"), size, bold)
            elif _has_bottom_rule(paragraph) and previous is not None:
                lines, size, bold = previous
                longest = max(text_width_pt(line, size, bold) for line in lines)
                is_motto = " ".join(lines).strip() == MOTTO
                rule = min(width, longest if is_motto else longest * ISSUER_RULE_SHARE)
                indent = Pt(max(0.0, (width - rule) / 2))
                paragraph.paragraph_format.left_indent = indent
                paragraph.paragraph_format.right_indent = indent
    return document


def fit_header_bytes(data):
    """`fit_header` on a DOCX given as bytes (a rendered docxtpl template)."""
    document = Document(io.BytesIO(data))
    fit_header(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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
