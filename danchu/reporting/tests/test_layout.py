"""A report a head can sign (Nghị định 30/2020, Phụ lục I): the signature block never splits
across pages, table headers repeat, the appendix printed is the official one.

The page test renders the report with narratives of many lengths, so that the block falls at
every position on the page, converts them all to PDF with LibreOffice in one run, and reads each
page back with pypdf. Without LibreOffice it is skipped; the DOCX XML tests still run."""

import functools
import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from danchu.reporting import actions, rendering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# One short, one-line paragraph (about 22 pt with its spacing) per step: 0…37 of them move the
# signature block in steps smaller than a line across more than a whole A4 page (about 770 pt).
LENGTHS = range(0, 38)
# The control (the same documents without the keeps) every third step, about 66 pt apart: the
# block is some 150 pt high, so a page break falls inside it more than once.
CONTROL = LENGTHS[::3]
EVALUATION = "Đánh giá chung kết quả thực hiện."


def flat(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def docx_of(report):
    return rendering.render_docx(report, actions.report_data(report))


def set_evaluation(report, lines, actor):
    extra = [f"Nội dung bổ sung số {n + 1}." for n in range(lines)]
    actions.save_section(report, "evaluation", "\n".join([EVALUATION, *extra]), actor=actor)


def signature_table(doc):
    return next(t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text)


def to_pdfs(docx_files, folder):
    """Convert every DOCX with one LibreOffice process; {stem: pdf bytes}."""
    binary = rendering.soffice_binary()
    paths = []
    for name, content in docx_files.items():
        path = folder / f"{name}.docx"
        path.write_bytes(content)
        paths.append(str(path))
    subprocess.run(
        [binary, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *paths],
        check=True,
        capture_output=True,
        timeout=900,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    return {name: (folder / f"{name}.pdf").read_bytes() for name in docx_files}


@functools.lru_cache(maxsize=64)
def page_texts(pdf):
    """The flattened text of each page (pypdf reads a PDF once, however many needles are sought)."""
    from pypdf import PdfReader

    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def pages_with(pdf, needle):
    return [index for index, text in enumerate(page_texts(pdf)) if flat(needle) in text]


def strip_keeps(docx):
    """The same document without what keeps the block together: the control of the sweep."""
    doc = Document(io.BytesIO(docx))
    body = doc.element.body
    for tag in ("w:cantSplit", "w:keepNext", "w:keepLines"):
        for element in body.iter(qn(tag)):
            element.getparent().remove(element)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_signature_block_is_kept_together_in_the_docx(draft):
    doc = Document(io.BytesIO(docx_of(draft)))
    table = signature_table(doc)
    assert len(table.rows) == 1
    tr_pr = table.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
    for cell in table.rows[0].cells:
        paragraphs = cell.paragraphs
        for paragraph in paragraphs:
            assert paragraph._p.pPr.find(qn("w:keepLines")) is not None
        # Each paragraph but the cell's last is kept with the next one.
        for paragraph in paragraphs[:-1]:
            assert paragraph._p.pPr.find(qn("w:keepNext")) is not None, paragraph.text
    right = " ".join(p.text for p in table.rows[0].cells[1].paragraphs)
    assert "KT. GIÁM ĐỐC" in right and draft.signer.person.full_name in right
    # The closing paragraph and the note on the appendix stay with the block.
    body = list(doc.paragraphs)
    closing = next(p for p in body if p.text.startswith("Trên đây là báo cáo"))
    attached = next(p for p in body if p.text == "(Đính kèm Phụ lục số liệu)")
    for paragraph in (closing, attached):
        assert paragraph._p.pPr.find(qn("w:keepNext")) is not None
    assert body.index(attached) == body.index(closing) + 1
    # Word refuses a pPr whose children are out of the schema's order: keepNext comes first.
    for paragraph in (closing, attached):
        tags = [child.tag for child in paragraph._p.pPr]
        assert tags.index(f"{W}keepNext") < tags.index(f"{W}jc")


def test_appendix_is_the_official_one(draft, world):
    actions.set_override(
        world.a, world.period_2020, "letters_received", 4, "Theo sổ giấy của văn thư", actor=world.clerk_a
    )
    doc = Document(io.BytesIO(docx_of(draft)))
    appendix = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    assert [c.text for c in appendix.rows[0].cells] == ["STT", "Chỉ tiêu", "Số liệu"]
    # The header row repeats on every page; no row splits across pages.
    assert appendix.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in appendix.rows)
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in appendix.rows[1:])
    rows = {row.cells[1].text: row.cells[2].text for row in appendix.rows[1:]}
    assert rows["Tổng số đơn tiếp nhận"] == "04 (*)"
    assert [row.cells[0].text for row in appendix.rows[1:4]] == ["1", "2", "3"]
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    # No provenance and no reason in the official text; they stay in the XLSX.
    for absent in ("Nguồn số liệu", "Nhập tay", "Tính từ sổ theo dõi", "Theo sổ giấy của văn thư"):
        assert absent not in text
    assert "(*) Số liệu do cơ quan, đơn vị tổng hợp trực tiếp, không tính từ sổ theo dõi." in text
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(rendering.render_xlsx(draft, actions.report_data(draft)))).worksheets[0]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "Nguồn số liệu" in cells[0]
    assert any(
        row[1] == "Tổng số đơn tiếp nhận" and row[-1] == "Nhập tay: Theo sổ giấy của văn thư" for row in cells
    )
    # labels, not indicator codes (issue 15)
    assert not any("letters_received" in str(v) for row in cells for v in row)


def test_a_correction_does_not_print_its_reason(draft, world):
    report = actions.mark_reviewed(draft, actor=world.clerk_a)
    report = actions.submit(actions.sign(report, actor=world.head_a), actor=world.clerk_a)
    corrected = actions.start_correction(report, actor=world.clerk_a, reason="Sai số liệu đơn thư quý III")
    doc = Document(io.BytesIO(docx_of(corrected)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert corrected.version == 2
    assert "Sai số liệu đơn thư quý III" not in text and "đính chính" not in text.lower()
    assert "PHỤ LỤC SỐ LIỆU" in text


def test_without_libreoffice_the_build_still_hands_over_docx_and_xlsx(draft, monkeypatch, tmp_path):
    """`danchu report build --format docx,pdf,xlsx` with no LibreOffice: the DOCX and XLSX are
    written, the PDF is named as missing and the exit status is 1."""
    from django.core.management import call_command

    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exited:
        call_command(
            "report",
            "build",
            "--org",
            draft.organization.code,
            "--period",
            draft.period.code,
            "--out",
            str(out),
            "--format",
            "docx,pdf,xlsx",
        )
    assert exited.value.code == 1
    written = {p.suffix: p for p in out.iterdir()}
    assert set(written) == {".docx", ".xlsx"}
    assert signature_table(Document(written[".docx"])).rows[0].cells[1].text.strip()


def test_without_libreoffice_the_web_build_stores_docx_and_xlsx(draft, world, monkeypatch):
    from danchu.reporting.models import BuildStatus

    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    build = actions.request_build(draft, "docx,pdf,xlsx", actor=world.clerk_a)
    build = actions.run_build(build)
    assert build.status == BuildStatus.DONE
    assert "PDF" in build.message and "LibreOffice" in build.message
    assert set(draft.files.values_list("format", flat=True)) == {"docx", "xlsx"}


def test_without_libreoffice_a_pdf_alone_still_fails_clearly(draft, world, monkeypatch):
    from danchu.reporting.models import BuildStatus

    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    build = actions.run_build(actions.request_build(draft, "pdf", actor=world.clerk_a))
    assert build.status == BuildStatus.FAILED and "LibreOffice" in build.message
    assert not draft.files.exists()


@pytest.mark.skipif(
    not rendering.soffice_binary(),
    reason="LibreOffice (soffice) is not installed: the pages cannot be rendered; "
    "test_signature_block_is_kept_together_in_the_docx checks the DOCX instead",
)
@pytest.mark.engine_independent  # the pages do not depend on the database's engine
def test_signature_block_never_splits_across_pages(draft, world, tmp_path):
    signer = draft.signer.person.full_name
    data = actions.report_data(draft)  # the figures do not depend on the narrative
    files = {}
    for lines in LENGTHS:
        set_evaluation(draft, lines, world.clerk_a)
        docx = rendering.render_docx(draft, data)
        files[f"kept-{lines:02d}"] = docx
        if lines in CONTROL:
            files[f"loose-{lines:02d}"] = strip_keeps(docx)
    pdfs = to_pdfs(files, tmp_path)
    pages_of_block = set()
    for lines in LENGTHS:
        pdf = pdfs[f"kept-{lines:02d}"]
        authority = pages_with(pdf, "KT. GIÁM ĐỐC")
        name = pages_with(pdf, signer)
        recipients = pages_with(pdf, "Nơi nhận:")
        closing = pages_with(pdf, "Trên đây là báo cáo")
        assert len(authority) == 1 and len(name) == 1, (lines, authority, name)
        assert authority == name == recipients, (lines, authority, name, recipients)
        # The closing paragraph ends on the block's page (it may start on the page before).
        assert closing and closing[-1] == authority[0], (lines, closing, authority)
        pages_of_block.add(authority[0])
    # The sweep moved the block across a page break…
    assert len(pages_of_block) >= 2, pages_of_block
    # …and, without the keeps, some of these very documents do split: the test can fail.
    split = [
        lines
        for lines in CONTROL
        if pages_with(pdfs[f"loose-{lines:02d}"], "KT. GIÁM ĐỐC")
        != pages_with(pdfs[f"loose-{lines:02d}"], signer)
    ]
    assert split, "no length made the unprotected block split: the sweep proves nothing"


def test_pdf_is_read_back_by_page(tmp_path):
    """The helper itself: text on two pages is found on its own page."""
    pytest.importorskip("pypdf")
    from danchu.core.officialdoc import OfficialDocument

    if not rendering.soffice_binary():
        pytest.skip("LibreOffice (soffice) is not installed")
    doc = OfficialDocument()
    doc.paragraph("Trang một.")
    doc.page_break()
    doc.paragraph("Trang hai.")
    pdf = to_pdfs({"two": doc.to_bytes()}, Path(tmp_path))["two"]
    assert pages_with(pdf, "Trang một.") == [0] and pages_with(pdf, "Trang hai.") == [1]


def test_rendered_header_wraps_the_real_name_between_words(draft):
    """The template holds {{ ISSUER }}; the header is fitted once the name is in."""
    from danchu.core.officialdoc import text_width_pt

    org = draft.organization
    org.name = "Ban Quản lý các khu kinh tế và khu công nghiệp tỉnh Vĩnh Long"
    org.save()
    doc = Document(io.BytesIO(docx_of(draft)))
    left = doc.tables[0].rows[0].cells[0]
    paragraphs = left.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.replace("\n", " ") == org.name.upper())
    lines = paragraphs[at].text.split("\n")
    assert len(lines) > 1 and " ".join(lines) == org.name.upper()
    longest = max(text_width_pt(line, 12, bold=True) for line in lines)
    rule = paragraphs[at + 1].paragraph_format
    width = int(left._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) / 20 - 2 * 0.05 / 2.54 * 72
    assert longest <= width
    assert longest / 3 <= width - rule.left_indent.pt - rule.right_indent.pt <= longest / 2
