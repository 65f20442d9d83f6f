"""Importing register rows from XLSX or CSV files, for agencies that kept their data in spreadsheets.

One engine for every register. A register describes its file with an `ImportSpec`: the columns
(Vietnamese headers, a type each), how a parsed row becomes an unsaved record (`build`) and the
action function that saves it (`save`, which validates and writes the audit row).

`run(spec, data, filename, context=..., commit=False)` is a dry run: every row is built and saved
inside one transaction that is then rolled back, so the dry run sees exactly what a commit would
(duplicates inside the file, database constraints). With `commit=True` the transaction is kept only
when no row failed: a file is imported whole or not at all.

Values are read the Vietnamese way: 41.250.000 is forty-one million, 12,5 is twelve and a half,
15/4/2020 is the 15th of April; "có"/"x" are true. Errors name the row as the spreadsheet numbers
it (the header is row 1), the column by its header, and say what is wrong in Vietnamese.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from . import safezip, transactions, vnformat
from .xlsx import FORMULA_STARTS

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# A sheet is refused before reading when it declares more than these (issue 14: a 5 KB file with
# a cell at column 8192 of row 20000 grew memory to 1.4 GB).
MAX_COLUMNS = 200
MAX_SHEET_ROWS = 10000

TRUE_WORDS = {"có", "co", "x", "1", "true", "đúng", "dung", "yes", "c", "đã", "da", "✓"}
FALSE_WORDS = {"không", "khong", "0", "false", "sai", "no", "k", "chưa", "chua", "-"}


class ImportFileError(Exception):
    """The file as a whole cannot be imported (wrong type, wrong headers, empty, too large)."""


def normalize(text):
    """Header and choice matching: Unicode NFC, case-folded, single spaces, no trailing '*'."""
    text = unicodedata.normalize("NFC", str(text or ""))
    text = re.sub(r"\s+", " ", text).strip().rstrip("*").strip()
    return text.casefold()


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    text = unicodedata.normalize("NFC", str(value)).strip()
    # Our own exports write formula-looking text as '=...; take it back as it was typed.
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        text = text[1:]
    return text


_MONEY_UNITS = re.compile(r"\s*(đồng|đ|vnđ|vnd)\.?$", re.IGNORECASE)


def parse_integer(value):
    """41.250.000 / 41 250 000 / 41250000 / 41,250,000 (three-digit groups) / 41250000.0 -> 41250000."""
    if isinstance(value, bool):
        raise ValidationError(_("Phải là một số nguyên."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValidationError(_("Phải là một số nguyên, không có phần thập phân."))
    text = _MONEY_UNITS.sub("", _text(value)).replace("\u00a0", " ").strip()
    negative = text.startswith("-")
    text = text.lstrip("-").strip()
    if re.fullmatch(r"\d+", text):
        number = int(text)
    elif re.fullmatch(r"\d{1,3}([. ]\d{3})+", text) or re.fullmatch(r"\d{1,3}(,\d{3}){2,}", text):
        number = int(re.sub(r"[., ]", "", text))
    else:
        raise ValidationError(
            _("“%(value)s” không phải là số nguyên (viết như 41.250.000 hoặc 41250000).") % {"value": value}
        )
    return -number if negative else number


def parse_decimal(value):
    """12,5 -> 12.5; 1.234,5 -> 1234.5 (vnformat.parse_number); numbers from XLSX as they are."""
    if isinstance(value, bool):
        raise ValidationError(_("Phải là một số."))
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    number = vnformat.parse_number(_text(value))
    if number is None:
        raise ValidationError(_("Phải là một số."))
    return number


def parse_date(value):
    """15/4/2020, 15-04-2020, 15.4.2020, 2020-04-15 or a date cell."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not match:
            raise ValidationError(
                _("“%(value)s” không phải là ngày (viết theo dạng ngày/tháng/năm, ví dụ 15/4/2020).")
                % {"value": value}
            )
        year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(_("Ngày “%(value)s” không có trong lịch.") % {"value": value}) from None


def parse_bool(value):
    if isinstance(value, bool):
        return value
    text = normalize(_text(value))
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS or text == "":
        return False
    raise ValidationError(_("“%(value)s” không hợp lệ: ghi “có” hoặc “không”.") % {"value": value})


@dataclass
class Column:
    """One column of an import file.

    kind: text | integer | decimal | date | bool | choice | lookup. `choices` are (value, label)
    pairs, matched by label or value; `lookup(text, context)` turns text into an object (or raises
    ValidationError). `field` names the model field the column fills, so that a validation error
    raised when saving is reported under this column's header.
    """

    key: str
    header: str
    kind: str = "text"
    required: bool = False
    choices: list = None
    lookup: object = None
    help: str = ""
    example: str = ""
    max_length: int = None
    default: object = None
    field: str = None

    @property
    def model_field(self):
        return self.field or self.key

    def parse(self, raw, context):
        text = _text(raw)
        if text == "":
            if self.required:
                raise ValidationError(_("Cột này bắt buộc, không được để trống."))
            if self.kind == "bool":
                return False
            if self.kind == "text":
                return "" if self.default is None else self.default
            return self.default
        if self.kind == "text":
            if self.max_length and len(text) > self.max_length:
                raise ValidationError(
                    _("Dài quá %(n)s ký tự (hiện có %(len)s).") % {"n": self.max_length, "len": len(text)}
                )
            return text
        if self.kind == "integer":
            return parse_integer(raw)
        if self.kind == "decimal":
            return parse_decimal(raw)
        if self.kind == "date":
            return parse_date(raw)
        if self.kind == "bool":
            return parse_bool(raw)
        if self.kind == "choice":
            wanted = normalize(text)
            for value, label in self.choices:
                if wanted in (normalize(label), normalize(value)):
                    return value
            allowed = "; ".join(str(label) for _value, label in self.choices)
            raise ValidationError(
                _("“%(value)s” không phải giá trị cho phép. Chọn một trong: %(allowed)s.")
                % {"value": text, "allowed": allowed}
            )
        if self.kind == "lookup":
            return self.lookup(text, context)
        raise ValueError(f"unknown column kind {self.kind!r}")

    def describe(self):
        if self.kind == "choice":
            return "; ".join(str(label) for _value, label in self.choices)
        return {
            "text": _("Chữ"),
            "integer": _("Số nguyên, ví dụ 41.250.000"),
            "decimal": _("Số, ví dụ 12,5"),
            "date": _("Ngày/tháng/năm, ví dụ 15/4/2020"),
            "bool": _("có / không"),
            "lookup": _("Tên hoặc mã đã có trong danchu"),
        }.get(self.kind, "")


@dataclass
class ImportSpec:
    """How one register reads a file.

    build(values, context) -> an unsaved record; save(record, values, context) -> the saved record
    (an action function: it validates and writes the audit row); describe(record) -> a short text
    shown for the row in the dry run.
    """

    title: str
    columns: list
    build: object
    save: object
    describe: object = str
    max_rows: int = MAX_ROWS
    max_bytes: int = MAX_BYTES

    def header_for(self, field_name):
        for column in self.columns:
            if column.model_field == field_name or column.key == field_name:
                return column.header
        return "—"


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class RowOutcome:
    row: int
    summary: str


@dataclass
class ImportResult:
    file_error: str = ""
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    committed: bool = False
    total_rows: int = 0

    @property
    def ok(self):
        return not self.file_error and not self.errors


def read_table(data, filename, max_rows=MAX_ROWS, max_bytes=MAX_BYTES):
    """The file's first sheet as a list of (row number, [cell values]); row 1 is the header row."""
    if not data:
        raise ImportFileError(_("Tệp rỗng."))
    if len(data) > max_bytes:
        raise ImportFileError(
            _("Tệp quá lớn (%(size)s KB); giới hạn là %(max)s KB.")
            % {"size": len(data) // 1024, "max": max_bytes // 1024}
        )
    name = (filename or "").lower()
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ImportFileError(
            _("Định dạng Excel cũ (.xls) không được hỗ trợ: hãy lưu lại tệp dưới dạng .xlsx hoặc .csv.")
        )
    if data[:4] == b"PK\x03\x04":
        if not name.endswith((".xlsx", ".xlsm")):
            raise ImportFileError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        return _read_xlsx(data, max_rows)
    if name.endswith(".csv"):
        return _read_csv(data, max_rows)
    raise ImportFileError(_("Chỉ nhận tệp .xlsx hoặc .csv."))


def _too_many(max_rows):
    return ImportFileError(_("Tệp có quá nhiều dòng; mỗi lần nhập tối đa %(n)s dòng.") % {"n": max_rows})


def _column_letter(number):
    from openpyxl.utils import get_column_letter

    return get_column_letter(min(max(number, 1), 18278))


def _read_xlsx(data, max_rows):
    """Read the first sheet lazily (openpyxl read-only), refusing a padded sheet before a row is
    materialised: the archive is checked by danchu.core.safezip, the sheet's declared size
    (`<dimension>`) must stay within MAX_COLUMNS and MAX_SHEET_ROWS, and rows are read cut to
    MAX_COLUMNS + 1 cells, so a sheet that lies about its size still costs a bounded amount."""
    from openpyxl import load_workbook

    try:
        with safezip.opened(io.BytesIO(data), "tệp XLSX", check_members=False):
            pass
    except ValidationError as exc:
        raise ImportFileError(" ".join(exc.messages)) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(_("Tệp XLSX bị hỏng hoặc không đọc được.")) from exc
    except Exception as exc:  # openpyxl raises its own exception types for damaged files
        raise ImportFileError(_("Tệp XLSX bị hỏng hoặc không đọc được.")) from exc
    try:
        sheet = workbook.worksheets[0]
        try:
            declared_rows, declared_columns = sheet.max_row, sheet.max_column
        except Exception:  # a damaged <dimension>: fall back on the bounded reading below
            declared_rows = declared_columns = None
        if declared_columns and declared_columns > MAX_COLUMNS:
            raise _too_wide(declared_columns)
        if declared_rows and declared_rows > MAX_SHEET_ROWS:
            raise ImportFileError(
                _(
                    "Trang tính có dữ liệu hoặc định dạng tới dòng %(row)s; tối đa %(max)s dòng. "
                    "Hãy xóa các dòng thừa ở cuối trang tính rồi lưu lại."
                )
                % {"row": declared_rows, "max": MAX_SHEET_ROWS}
            )
        table = []
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=MAX_SHEET_ROWS + 1)
        for number, row in enumerate(rows, start=1):
            if number > MAX_SHEET_ROWS:
                raise _too_many(max_rows)
            if len(row) > MAX_COLUMNS and _text(row[MAX_COLUMNS]):
                raise _too_wide(MAX_COLUMNS + 1)
            if number > max_rows + 1:
                if any(_text(v) for v in row):
                    raise _too_many(max_rows)
                continue  # trailing empty rows are not kept
            table.append((number, list(row[:MAX_COLUMNS])))
        return table
    finally:
        workbook.close()


def _too_wide(columns):
    return ImportFileError(
        _(
            "Trang tính có dữ liệu hoặc định dạng tới cột %(col)s (cột thứ %(n)s); tối đa %(max)s cột. "
            "Hãy xóa các cột thừa bên phải rồi lưu lại."
        )
        % {"col": _column_letter(columns), "n": columns, "max": MAX_COLUMNS}
    )


def _read_csv(data, max_rows):
    if b"\x00" in data[:4096]:
        raise ImportFileError(_("Tệp không phải là tệp văn bản CSV."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("Tệp CSV phải được lưu với bảng mã UTF-8.")) from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        table = []
        for number, row in enumerate(reader, start=1):
            if number > max_rows + 1 and any(c.strip() for c in row):
                raise _too_many(max_rows)
            table.append((number, row))
        return table
    except csv.Error as exc:
        raise ImportFileError(_("Tệp CSV không đúng định dạng: %(error)s") % {"error": exc}) from exc


def _map_headers(spec, header_cells):
    by_name = {}
    for column in spec.columns:
        by_name[normalize(column.header)] = column
        by_name.setdefault(normalize(column.key), column)
    positions, unknown, seen = {}, [], set()
    for index, cell in enumerate(header_cells):
        name = normalize(_text(cell))
        if not name:
            continue
        column = by_name.get(name)
        if column is None:
            unknown.append(_text(cell))
            continue
        if column.key in seen:
            raise ImportFileError(_("Cột “%(h)s” xuất hiện hai lần.") % {"h": column.header})
        seen.add(column.key)
        positions[column.key] = index
    if not positions and not unknown:
        raise ImportFileError(_("Dòng đầu tiên của tệp phải là dòng tiêu đề các cột (xem tệp mẫu)."))
    if unknown:
        raise ImportFileError(
            _("Tiêu đề cột không đúng mẫu: %(cols)s. Hãy dùng tệp mẫu của sổ này.")
            % {"cols": ", ".join(f"“{u}”" for u in unknown)}
        )
    missing = [c.header for c in spec.columns if c.required and c.key not in positions]
    if missing:
        raise ImportFileError(
            _("Thiếu cột bắt buộc: %(cols)s.") % {"cols": ", ".join(f"“{m}”" for m in missing)}
        )
    return positions


def _messages(error):
    """(field or None, message) pairs of a ValidationError."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for item in errors:
                for message in item.messages:
                    yield (None if name == NON_FIELD_ERRORS else name), message
    else:
        for message in error.messages:
            yield None, message


def run(spec, data, filename, *, context=None, commit=False):
    """Read, validate and (when `commit` and every row is good) save the rows of a file."""
    context = context if context is not None else {}
    result = ImportResult()
    try:
        table = read_table(data, filename, spec.max_rows, spec.max_bytes)
        table = [(n, row) for n, row in table if any(_text(v) for v in row)]
        if not table:
            raise ImportFileError(_("Tệp không có dữ liệu."))
        positions = _map_headers(spec, table[0][1])
        body = table[1:]
        if not body:
            raise ImportFileError(_("Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào."))
        if len(body) > spec.max_rows:
            raise _too_many(spec.max_rows)
    except ImportFileError as exc:
        result.file_error = str(exc)
        return result
    result.total_rows = len(body)

    with transactions.batch():  # every row or none; a preview rolls back
        for number, cells in body:
            values, errors = {}, []
            for column in spec.columns:
                if column.key not in positions:
                    values[column.key] = False if column.kind == "bool" else column.default
                    if column.kind == "text" and column.default is None:
                        values[column.key] = ""
                    continue
                index = positions[column.key]
                raw = cells[index] if index < len(cells) else None
                try:
                    values[column.key] = column.parse(raw, context)
                except ValidationError as exc:
                    errors.extend(RowError(number, column.header, m) for _f, m in _messages(exc))
            if errors:
                result.errors.extend(errors)
                continue
            try:
                with transaction.atomic():
                    record = spec.build(values, context)
                    record = spec.save(record, values, context) or record
            except ValidationError as exc:
                result.errors.extend(
                    RowError(number, spec.header_for(name) if name else "—", message)
                    for name, message in _messages(exc)
                )
                continue
            except IntegrityError:
                result.errors.append(
                    RowError(
                        number, "—", _("Dòng này trùng với dữ liệu đã có hoặc vi phạm ràng buộc dữ liệu.")
                    )
                )
                continue
            result.rows.append(RowOutcome(number, spec.describe(record)))
        if commit and not result.errors:
            result.committed = True
        else:
            transaction.set_rollback(True)
    return result


def template_xlsx(spec):
    """A blank file with the register's headers, and a sheet explaining each column."""
    from .xlsx import workbook_bytes

    headers = [c.header + (" *" if c.required else "") for c in spec.columns]
    guide = [
        (str(c.header), _("có") if c.required else _("không"), str(c.describe()), str(c.help), str(c.example))
        for c in spec.columns
    ]
    return workbook_bytes(
        [
            (_("Dữ liệu"), headers, []),
            (
                _("Hướng dẫn"),
                [_("Cột"), _("Bắt buộc"), _("Kiểu, giá trị cho phép"), _("Ghi chú"), _("Ví dụ")],
                guide,
            ),
        ]
    )
