"""The OOXML that python-docx has no API for, in the schema's order (Word refuses elements out of
order): fonts on every script, rules, borders, fixed widths, keeps, row properties, the page field."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .fonts import BODY_SIZE, FONT


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
