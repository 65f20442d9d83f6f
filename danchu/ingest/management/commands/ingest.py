"""`danchu ingest [--json] FILE`: figures, citations and inconsistencies out of a report that
danchu did not write. FILE is a .docx, a .pdf with a text layer, a .md/.txt, or - for text on
standard input. See docs/ingest.md."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from danchu.core.vnformat import money, number, percent
from danchu.ingest.extract import IngestError, read_bounded
from danchu.ingest.reader import read_file


class Command(BaseCommand):
    help = "Read a report (DOCX, PDF, Markdown, text or - for stdin): citations, figures as indicators, warnings."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .docx, .pdf, .md or .txt file, or - for standard input")
        parser.add_argument("--json", action="store_true", help="one JSON object {refs, figures, warnings}")
        parser.add_argument(
            "--no-check", action="store_true", help="do not look the references up in the registry"
        )
        parser.add_argument("--text", action="store_true", help="with --json, include the extracted text")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            if path == "-":
                data = read_bounded(sys.stdin.buffer, "-")
            else:
                with open(path, "rb") as handle:
                    data = read_bounded(handle, path)
            result = read_file(data, path, check=not options["no_check"])
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.strerror or exc}") from None
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        except DatabaseError:
            raise CommandError(
                "Không tra được sổ văn bản: cơ sở dữ liệu chưa sẵn sàng (chạy `danchu migrate`), "
                "hoặc dùng --no-check để bỏ qua bước đối chiếu trích dẫn."
            ) from None
        text = result.pop("text")
        if options["json"]:
            if options["text"]:
                result["text"] = text
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self.write_table(result)

    def write_table(self, result):
        from danchu.reporting.indicators import BY_CODE, Unit

        self.stdout.write("SỐ LIỆU ĐỌC ĐƯỢC")
        for figure in result["figures"]:
            indicator = BY_CODE.get(figure["indicator"])
            label = str(indicator.label) if indicator else figure["indicator"]
            unit = indicator.unit if indicator else None
            value = (
                money(figure["value"])
                if unit == Unit.MONEY
                else percent(figure["value"])
                if unit == Unit.PERCENT
                else number(figure["value"])
            )
            part = " (một phần)" if figure["partial"] else ""
            snippet = figure["text"] if len(figure["text"]) <= 70 else figure["text"][:69] + "…"
            self.stdout.write(
                f"  {label[:48]:<48}  {value + part:>22}  [{figure['span'][0]}-{figure['span'][1]}] {snippet}"
            )
        self.stdout.write(f"{len(result['figures'])} số liệu.")
        self.stdout.write("")
        self.stdout.write("TRÍCH DẪN VĂN BẢN")
        labels = {"ok": "khớp", "date_mismatch": "SAI NGÀY", "unknown": "chưa có trong sổ"}
        for row in result["refs"]:
            status = labels.get(row.get("status"), "")
            if row.get("status") == "date_mismatch" and row.get("expected_date"):
                status += f" (trong sổ: {row['expected_date']})"
            self.stdout.write(f"  {row['ref']:<28} {row['date'] or '':<10}  {status}")
        self.stdout.write(f"{len(result['refs'])} tham chiếu.")
        self.stdout.write("")
        self.stdout.write("CẢNH BÁO")
        for warning in result["warnings"]:
            self.stdout.write(
                f"  [{warning['kind']}] {warning['message']} [{warning['span'][0]}-{warning['span'][1]}]"
            )
        if not result["warnings"]:
            self.stdout.write("  Không có.")
