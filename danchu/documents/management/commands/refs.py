"""`danchu refs [--json] [--check] FILE`: list the document references cited in a text.

FILE is a text or Markdown file in UTF-8, or `-` for standard input. With --check each reference
is looked up in the registry: `ok`, `date_mismatch` (with the registry's date) or `unknown`.
"""

import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from danchu.core.vnformat import short_date
from danchu.documents.checks import check_refs
from danchu.documents.refs import find_refs


def _vn(iso):
    """'2016-04-15' -> '15/04/2016' for the table."""
    return short_date(datetime.date.fromisoformat(iso)) if iso else ""


class Command(BaseCommand):
    help = (
        "List the document references (số, ký hiệu) cited in a text; --check compares them with the registry."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a UTF-8 text or Markdown file, or - for standard input")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.add_argument("--check", action="store_true", help="look each reference up in the registry")

    def read(self, path):
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as handle:
                    data = handle.read()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.strerror or exc}") from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(f"Tệp {path} không phải văn bản UTF-8.") from None

    def handle(self, *args, **options):
        text = self.read(options["file"])
        refs = find_refs(text)
        if options["check"]:
            rows = check_refs(refs)
        else:
            rows = [{**r.as_dict(), "date": r.date} for r in refs]
        for row in rows:
            row.pop("document", None)
            row["date"] = row["date"].isoformat() if row["date"] else None
            if "expected_date" in row:
                row["expected_date"] = row["expected_date"].isoformat() if row["expected_date"] else None
        if options["json"]:
            for row in rows:
                self.stdout.write(json.dumps(row, ensure_ascii=False))
            return
        self.write_table(rows, options["check"])

    def write_table(self, rows, check):
        headers = ["#", "Số, ký hiệu", "Loại", "Ngày", "Cơ quan ban hành", "Vị trí"]
        if check:
            headers += ["Kiểm tra", "Ngày trong sổ"]
        status_label = {"ok": "khớp", "date_mismatch": "SAI NGÀY", "unknown": "chưa có trong sổ"}
        table = []
        for i, row in enumerate(rows, start=1):
            date = _vn(row["date"]) or (f"{row['date_text']} (sai)" if row["date_invalid"] else "")
            line = [
                str(i),
                row["ref"],
                row["kind"],
                date,
                row["issuer"] or "",
                f"{row['span'][0]}-{row['span'][1]}",
            ]
            if check:
                line += [status_label[row["status"]], _vn(row["expected_date"])]
            table.append(line)
        widths = [
            max(len(h), *(len(r[k]) for r in table)) if table else len(h) for k, h in enumerate(headers)
        ]
        widths = [min(w, 48) for w in widths]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(fmt.format(*headers))
        self.stdout.write("  ".join("-" * w for w in widths))
        for line in table:
            self.stdout.write(fmt.format(*(v if len(v) <= 48 else v[:47] + "…" for v in line)))
        summary = f"{len(rows)} tham chiếu"
        if check:
            counts = {s: sum(1 for r in rows if r["status"] == s) for s in status_label}
            summary += f": {counts['ok']} khớp, {counts['date_mismatch']} sai ngày, {counts['unknown']} chưa có trong sổ"
        self.stdout.write(summary + ".")
