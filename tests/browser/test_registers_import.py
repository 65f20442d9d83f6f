"""A clerk imports an inspections spreadsheet: dry run first, then commit."""

import io

import pytest
from openpyxl import Workbook

from danchu.oversight.models import Inspection

pytestmark = pytest.mark.django_db(transaction=True)


def inspections_file(tmp_path, rows):
    book = Workbook()
    book.active.append(["Số hiệu", "Hình thức", "Cơ quan phối hợp", "Lĩnh vực", "Nội dung", "Ngày bắt đầu"])
    for row in rows:
        book.active.append(row)
    path = tmp_path / "thanh-tra-2020.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_clerk_imports_inspections_with_a_dry_run_then_commits(page, world, login, tmp_path):
    login("clerk_a")
    page.goto(page.base + "/thanh-tra/dot-thanh-tra/")
    page.click("text=Nhập từ tệp XLSX/CSV")
    page.set_input_files(
        "#id_file",
        str(
            inspections_file(
                tmp_path,
                [
                    [
                        "KT-01/2020",
                        "Chủ trì",
                        "",
                        "Thuê bao di động",
                        "Kiểm tra thuê bao trả trước",
                        "12/5/2020",
                    ],
                    [
                        "PH-01/2020",
                        "Phối hợp",
                        "Công an tỉnh",
                        "Trò chơi điện tử công cộng",
                        "Phối hợp kiểm tra",
                        "18/2/2020",
                    ],
                ],
            )
        ),
    )
    with page.expect_navigation():
        page.click("button[value=check]")
    assert "Chạy thử thành công" in page.text_content(".import-result")
    assert "PH-01/2020" in page.text_content("table.import-rows")
    assert Inspection.objects.count() == 0
    with page.expect_navigation():
        page.click("button[value=commit]")
    assert "Đã nhập 2 dòng" in page.text_content(".messages")
    assert "KT-01/2020" in page.text_content("table.list")
    assert set(Inspection.objects.values_list("ref", flat=True)) == {"KT-01/2020", "PH-01/2020"}


def test_a_bad_file_shows_each_rows_error_and_offers_no_commit(page, world, login, tmp_path):
    login("clerk_a")
    page.goto(page.base + "/thanh-tra/dot-thanh-tra/nhap/")
    page.set_input_files(
        "#id_file",
        str(
            inspections_file(
                tmp_path, [["KT-01/2020", "Phối hợp", "", "Thuê bao di động", "Kiểm tra", "31/2/2020"]]
            )
        ),
    )
    with page.expect_navigation():
        page.click("button[value=check]")
    errors = page.text_content("table.import-errors")
    assert "Ngày bắt đầu" in errors and "không có trong lịch" in errors
    assert page.locator("button[value=commit]").count() == 0
    assert Inspection.objects.count() == 0
