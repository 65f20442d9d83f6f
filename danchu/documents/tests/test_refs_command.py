import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from danchu.documents.checks import check_refs
from danchu.documents.refs import find_refs
from danchu.documents.tests.test_refs import seed_text

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    call_command("refs", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(demo_data):
    return demo_data("full")


def test_json_rows_carry_the_contract_fields(tmp_path, db):
    path = tmp_path / "r.md"
    path.write_text("Kế hoạch số 420/KH-STTTT-VP, ngày 15/4/2016 của Sở Thông tin và Truyền thông", "utf-8")
    (line,) = run("--json", str(path)).splitlines()
    row = json.loads(line)
    assert row["ref"] == "420/KH-STTTT-VP" and row["kind"] == "KH"
    assert (row["number"], row["symbol"], row["date"]) == ("420", "KH-STTTT-VP", "2016-04-15")
    assert row["issuer"] == "Sở Thông tin và Truyền thông" and row["span"] == [0, 76]


def test_check_on_the_seed_after_the_demo(tmp_path, demo):
    path = tmp_path / "seed.md"
    path.write_text(seed_text(), "utf-8")
    rows = [json.loads(line) for line in run("--json", "--check", str(path)).splitlines()]
    refs = {r["ref"] for r in rows}
    assert {"420/KH-STTTT-VP", "18-KH/ĐU", "1457/SNV-XDCQCTTN", "11-QĐi/TW", "04/2015/NĐ-CP"} <= refs
    assert {r["status"] for r in rows} <= {"ok", "date_mismatch", "unknown"}
    mismatches = {(r["ref"], r["date"], r["expected_date"]) for r in rows if r["status"] == "date_mismatch"}
    assert mismatches == {
        ("34/2007/PL-UBTVQH11", "2007-04-05", "2007-04-20"),
        ("149/2018/NĐ-CP", "2018-11-01", "2018-11-07"),
    }
    # Every numbered reference of the seed is in the demo registry.
    assert {r["ref"] for r in rows if r["status"] == "unknown"} == {"/BC-STTTT-VP"}


def test_stdin_and_the_readable_table(monkeypatch, demo):
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO("Nghị định số 149/2018/NĐ-CP ngày 01/11/2018".encode()))
    )
    out = run("--check", "-")
    assert "149/2018/NĐ-CP" in out and "SAI NGÀY" in out and "07/11/2018" in out
    assert "1 tham chiếu: 0 khớp, 1 sai ngày, 0 chưa có trong sổ." in out


def test_unknown_and_deleted_documents(world, make_doc):
    from danchu.documents import actions

    doc = make_doc()
    (row,) = check_refs(find_refs("Kế hoạch số 420/KH-SA ngày 15/4/2020"))
    assert row["status"] == "ok" and row["document"] == doc
    actions.delete_document(doc, actor=world.clerk_a)
    (row,) = check_refs(find_refs("Kế hoạch số 420/KH-SA ngày 15/4/2020"))
    assert row["status"] == "unknown" and row["expected_date"] is None


def test_unreadable_file_is_a_clear_error(tmp_path, db):
    from django.core.management.base import CommandError

    path = tmp_path / "x.bin"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CommandError, match="UTF-8"):
        run(str(path))
    with pytest.raises(CommandError, match="Không đọc được"):
        run(str(Path(tmp_path) / "missing.md"))
