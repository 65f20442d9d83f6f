"""The demo report read back with python-docx: figures from the records and the official format."""

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document
from docx.shared import Mm

from danchu.reporting.indicators.compute import SOURCES, available_sources

CHECK = Path("/work/shared/checks/report_check.py")


@pytest.fixture
def demo_docx(demo, tmp_path, capsys):
    call_command(
        "report",
        "build",
        "--org",
        "TV.STTTT",
        "--period",
        "2020",
        "--out",
        str(tmp_path),
        "--format",
        "docx,xlsx",
    )
    printed = capsys.readouterr().out.split()
    docx = next(Path(p) for p in printed if p.endswith(".docx"))
    assert any(p.endswith(".xlsx") for p in printed)
    return docx


def full_text(doc):
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    return unicodedata.normalize("NFC", "\n".join(parts))


def test_every_register_is_wired():
    """Fails loudly while a register's statistics module is missing (its figures are not faked)."""
    assert set(available_sources()) == set(SOURCES)


def test_demo_report_carries_the_petition_and_inspection_figures(demo_docx):
    text = full_text(Document(demo_docx))
    assert "Tiếp nhận 15 đơn" in text
    assert (
        "03 đơn khiếu nại (ban hành 02 văn bản trả lời công dân, 01 đơn đang trong quá trình giải quyết)"
        in text
    )
    assert "02 đơn tố cáo (01 đơn không đủ điều kiện thụ lý, 01 đơn đang trong quá trình thụ lý)" in text
    assert "Tổ chức thanh tra, kiểm tra 10 cuộc đối với 34 tổ chức, cá nhân" in text
    assert "được kiểm tra là 35" in text and "vi phạm là 09" in text
    assert "41.250.000 đồng" in text
    assert "08 cuộc kiểm tra và 03 cuộc giám sát chuyên đề" in text
    assert "02/02, đạt tỷ lệ 100%" in text


def test_demo_report_header_and_appendix(demo_docx, demo_report):
    text = full_text(Document(demo_docx))
    assert "Trà Vinh, ngày 09 tháng 11 năm 2020" in text
    # The demo report is signed (numbered from the register of outgoing documents) and submitted.
    demo_report.refresh_from_db()
    assert demo_report.number and f"Số: {demo_report.reference}" in text
    assert "UBND TỈNH TRÀ VINH" in text or "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH" in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text and "Nguyễn Văn Nậy" in text
    for ref in ["18-KH/ĐU", "39-HD/BCĐ", "02-QĐ/ĐU", "04-QĐ/ĐU", "05-QĐ/ĐU", "545/KH-STTTT-VP"]:
        assert ref in text
    assert "- Sở Nội vụ (b/c);" in text and "- Lưu: VT." in text


def test_demo_report_format(demo_docx):
    doc = Document(demo_docx)
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20)
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}
    sizes = {r.font.size.pt for p in doc.paragraphs for r in p.runs if r.text.strip() and r.font.size}
    assert sizes <= {11, 12, 13, 14} and 14 in sizes
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold
    body = next(p for p in doc.paragraphs if p.text.startswith("- Tiếp nhận 15 đơn"))
    assert body.alignment == 3  # justified
    assert body.paragraph_format.first_line_indent is not None


def test_contract_check_groups_pass(demo_docx):
    groups = ["petitions", "participation", "appendix", "header", "format"]
    if set(available_sources()) == set(SOURCES):
        groups = ["all"]
    if not CHECK.exists():
        pytest.skip("report_check.py not available on this machine")
    result = subprocess.run(
        [sys.executable, str(CHECK), str(demo_docx), *groups], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_rejects_bad_arguments(demo, tmp_path):
    from django.core.management.base import CommandError

    for args in (
        ["--org", "NOPE", "--period", "2020"],
        ["--org", "TV.STTTT", "--period", "1999"],
        ["--org", "TV.STTTT", "--period", "2020", "--format", "odt"],
    ):
        with pytest.raises(CommandError) as err:
            call_command("report", "build", *args, "--out", str(tmp_path))
        assert err.value.returncode == 2


def test_documents_stay_vietnamese_when_the_user_reads_the_ui_in_english(draft):
    from django.utils import translation

    from danchu.reporting import actions

    with translation.override("en"):
        files = actions.render_files(draft, ["docx", "xlsx"])
    text = full_text(Document(io.BytesIO(files["docx"][1])))
    assert "Tổng số đơn tiếp nhận" in text
    assert "Total petitions received" not in text
