import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from danchu.core import imports
from danchu.core.imports import Column, ImportSpec
from danchu.orgs.models import Person


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def save_person(person, values, context):
    person.full_clean()
    person.save()
    return person


SPEC = ImportSpec(
    title="Người",
    columns=[
        Column("full_name", "Họ và tên", required=True, max_length=128),
        Column("gender", "Giới tính", kind="choice", choices=Person.Gender.choices),
        Column("email", "Thư điện tử"),
    ],
    build=lambda values, context: Person(**{k: v for k, v in values.items() if v is not None}),
    save=save_person,
    describe=lambda p: p.full_name,
)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("41.250.000", 41250000),
        ("41 250 000", 41250000),
        ("41250000", 41250000),
        ("4.611.500 đ", 4611500),
        ("14.193.000 đồng", 14193000),
        ("41,250,000", 41250000),
        (41250000.0, 41250000),
        (7, 7),
    ],
)
def test_vietnamese_integers_are_read(raw, expected):
    assert imports.parse_integer(raw) == expected


@pytest.mark.parametrize("raw", ["12,5", "abc", "1.2.3", 3.5, "4.61"])
def test_what_is_not_an_integer_is_refused_in_vietnamese(raw):
    with pytest.raises(ValidationError) as exc:
        imports.parse_integer(raw)
    assert "số nguyên" in exc.value.messages[0]


def test_decimals_use_a_comma():
    assert imports.parse_decimal("12,5") == Decimal("12.5")
    assert imports.parse_decimal("1.234,5") == Decimal("1234.5")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("15/4/2020", datetime.date(2020, 4, 15)),
        ("05/11/2020", datetime.date(2020, 11, 5)),
        ("15-04-2020", datetime.date(2020, 4, 15)),
        ("2020-04-15", datetime.date(2020, 4, 15)),
        (datetime.datetime(2020, 4, 15, 0, 0), datetime.date(2020, 4, 15)),
    ],
)
def test_dates_are_read_day_first(raw, expected):
    assert imports.parse_date(raw) == expected


def test_impossible_dates_are_refused():
    with pytest.raises(ValidationError, match="không có trong lịch"):
        imports.parse_date("31/2/2020")
    with pytest.raises(ValidationError, match="ngày/tháng/năm"):
        imports.parse_date("April 15")


def test_booleans_in_vietnamese():
    assert imports.parse_bool("Có") is True
    assert imports.parse_bool("x") is True
    assert imports.parse_bool("không") is False
    with pytest.raises(ValidationError):
        imports.parse_bool("có lẽ")


def test_dry_run_shows_rows_and_writes_nothing(db):
    data = xlsx([["Họ và tên", "Giới tính"], ["Nguyễn Văn An", "Nam"], ["Lê Thị Hoa", "nữ"]])
    result = imports.run(SPEC, data, "nguoi.xlsx")
    assert result.ok and not result.committed
    assert [(r.row, r.summary) for r in result.rows] == [(2, "Nguyễn Văn An"), (3, "Lê Thị Hoa")]
    assert Person.objects.count() == 0


def test_commit_saves_every_row(db):
    data = xlsx([["Họ và tên *", "Giới tính"], ["Nguyễn Văn An", "Nam"], ["Lê Thị Hoa", "Nữ"]])
    result = imports.run(SPEC, data, "nguoi.xlsx", commit=True)
    assert result.committed
    assert set(Person.objects.values_list("full_name", "gender")) == {
        ("Nguyễn Văn An", "m"),
        ("Lê Thị Hoa", "f"),
    }


def test_one_bad_row_writes_nothing_and_every_error_is_reported(db):
    data = xlsx(
        [
            ["Họ và tên", "Giới tính", "Thư điện tử"],
            ["Nguyễn Văn An", "Nam", ""],
            ["", "Khác lạ", ""],
            ["Trần Văn Bình", "Nam", "không-phải-thư"],
        ]
    )
    result = imports.run(SPEC, data, "nguoi.xlsx", commit=True)
    assert not result.committed
    assert Person.objects.count() == 0
    errors = [(e.row, e.column) for e in result.errors]
    assert (3, "Họ và tên") in errors and (3, "Giới tính") in errors
    assert (4, "Thư điện tử") in errors  # raised by full_clean, mapped back to the column
    assert "bắt buộc" in result.errors[0].message


def test_csv_with_semicolons_and_bom(db):
    data = "\ufeffHọ và tên;Giới tính\nNguyễn Văn An;Nam\n".encode()
    result = imports.run(SPEC, data, "nguoi.csv", commit=True)
    assert result.committed and Person.objects.get().full_name == "Nguyễn Văn An"


@pytest.mark.parametrize(
    "data,filename,message",
    [
        (b"", "a.xlsx", "rỗng"),
        (b"%PDF-1.4 something", "a.pdf", "Chỉ nhận tệp .xlsx hoặc .csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "a.xls", ".xls"),
        (b"PK\x03\x04garbage", "a.xlsx", "bị hỏng"),
        ("Họ và tên\n".encode("utf-16"), "a.csv", "văn bản CSV"),
        (b"Ho ten\nNguy\xea\xe3n\n", "a.csv", "UTF-8"),
        ("Họ và tên\n".encode(), "a.csv", "không có dòng dữ liệu"),
        ("Tên sai;Giới tính\nA;Nam\n".encode(), "a.csv", "Tiêu đề cột không đúng mẫu"),
        ("Giới tính\nNam\n".encode(), "a.csv", "Thiếu cột bắt buộc"),
        ("Họ và tên;Họ và tên\nA;B\n".encode(), "a.csv", "hai lần"),
    ],
)
def test_bad_files_are_refused_cleanly(db, data, filename, message):
    result = imports.run(SPEC, data, filename, commit=True)
    assert message in result.file_error
    assert Person.objects.count() == 0


def test_too_large_and_too_many_rows(db):
    spec = ImportSpec(**{**SPEC.__dict__, "max_rows": 2, "max_bytes": 200})
    many = ("Họ và tên\n" + "A\n" * 3).encode()
    assert "quá nhiều dòng" in imports.run(spec, many, "a.csv").file_error
    large = ("Họ và tên\n" + "A" * 300 + "\n").encode()
    assert "quá lớn" in imports.run(spec, large, "a.csv").file_error


def test_formula_looking_text_is_kept_as_text(db):
    data = 'Họ và tên\n=HYPERLINK("http://x")\n\'=1+1\n'.encode()
    result = imports.run(SPEC, data, "a.csv", commit=True)
    assert result.committed
    assert set(Person.objects.values_list("full_name", flat=True)) == {'=HYPERLINK("http://x")', "=1+1"}


def test_template_has_the_headers_and_a_guide():
    book = load_workbook(io.BytesIO(imports.template_xlsx(SPEC)))
    assert [c.value for c in book.worksheets[0][1]] == ["Họ và tên *", "Giới tính", "Thư điện tử"]
    guide = [row for row in book.worksheets[1].iter_rows(values_only=True)]
    assert guide[2][0] == "Giới tính" and "Nữ" in guide[2][2]


def test_template_is_accepted_back_once_filled(db):
    book = load_workbook(io.BytesIO(imports.template_xlsx(SPEC)))
    book.worksheets[0].append(["Võ Văn Tài", "Nam", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    assert imports.run(SPEC, buffer.getvalue(), "mau.xlsx", commit=True).committed


def test_vietnamese_numbers_are_read_one_way_everywhere():
    from danchu.core.vnformat import parse_number

    assert parse_number("41.250.000") == Decimal(41250000)
    assert parse_number("41.250.000 đồng") == Decimal(41250000)
    assert parse_number("12,5") == Decimal("12.5") == parse_number("12,5%")
    assert parse_number("1.234,5") == Decimal("1234.5")
    assert parse_number("-3") == Decimal(-3)
    assert parse_number(" ") is None
    for wrong, words in (("12.5", "dấu phẩy"), ("1,234,5", "kiểu Việt Nam"), ("đồng", "không phải là số")):
        with pytest.raises(ValidationError, match=words):
            parse_number(wrong)
    assert imports.parse_decimal("1.234,5") == Decimal("1234.5")
    with pytest.raises(ValidationError, match="dấu phẩy"):
        imports.parse_decimal("12.5")


# ---------------------------------------------------------------- issue 14 item 5: padded sheets


def _padded(row, column, *, keep_dimension=True):
    import re
    import zipfile

    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Họ và tên"
    sheet.cell(row=row, column=column, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    if keep_dimension:
        return buffer.getvalue()
    source, target = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            out.writestr(info.filename, data)
    return target.getvalue()


@pytest.mark.parametrize("row,column,what", [(2, 8192, "8192"), (20000, 1, "20000"), (20000, 8192, "8192")])
def test_a_padded_sheet_is_refused_before_any_row_is_read(row, column, what):
    import tracemalloc

    data = _padded(row, column)
    assert len(data) < 10_000
    tracemalloc.start()
    try:
        with pytest.raises(imports.ImportFileError) as exc:
            imports.read_table(data, "padded.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert what in str(exc.value) and ("cột" in str(exc.value) or "dòng" in str(exc.value))
    assert peak < 20 * 1024 * 1024


def test_a_sheet_that_hides_its_size_is_still_read_within_bounds():
    import time
    import tracemalloc

    data = _padded(20000, 8192, keep_dimension=False)
    started = time.monotonic()
    tracemalloc.start()
    try:
        with pytest.raises(imports.ImportFileError):
            imports.read_table(data, "padded.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024 and time.monotonic() - started < 30
