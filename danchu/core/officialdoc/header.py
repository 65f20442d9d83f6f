"""The header table as Phụ lục I draws it (Quốc hiệu, Tiêu ngữ, the bodies and their rules), laid
out from the names it holds: `fit_header`, run again after a docxtpl template is rendered."""

import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .fonts import text_width_pt, wrap_words

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# The rule under the issuing body: between 1/3 and 1/2 of the name's length (Phụ lục I); danchu
# draws it at the middle of that range.
ISSUER_RULE_SHARE = 0.42
HEADER_WIDTHS = (Cm(7.2), Cm(9.3))


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
