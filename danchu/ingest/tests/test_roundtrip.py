"""danchu's own report read back: every sentence's figure agrees with the appendix table."""

import pytest
from django.core.management import call_command

from danchu.ingest.reader import read_file, totals
from danchu.reporting.tests.conftest import demo  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_the_demo_report_reads_back_and_its_sentences_agree_with_its_appendix(demo, tmp_path, capsys):  # noqa: F811
    call_command(
        "report", "build", "--org", "TV.STTTT", "--period", "2020", "--out", str(tmp_path), "--format", "docx"
    )
    (path,) = tmp_path.glob("*.docx")
    result = read_file(path.read_bytes(), path.name)
    assert result["warnings"] == []
    table = {f["indicator"]: f["value"] for f in result["figures"] if " | " in f["text"]}
    assert len(table) >= 50
    assert table["letters_received"] == 15 and table["fines_vnd"] == 41250000
    assert "reception_visits" in table  # the new reception indicators are in danchu's appendix too
    body = [f for f in result["figures"] if " | " not in f["text"]]
    assert len(body) >= 40
    summed = totals(body)
    wrong = {
        code: (value, table[code]) for code, value in summed.items() if code in table and value != table[code]
    }
    assert wrong == {}
    assert set(summed) <= set(table)
