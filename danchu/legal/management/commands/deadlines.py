"""`danchu deadlines`: the deadlines of a petition, as a table or as JSON.

danchu deadlines --kind complaint --received 2026-07-06 [--accepted 2026-07-10] [--decided 2026-08-05]
                 [--complex | --especially-complex] [--remote] [--second] [--several-places] [--json]
"""

import argparse
import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from danchu.legal.deadlines import compute
from danchu.legal.models import DayKind, PetitionKind

KIND_LABELS = {
    "complaint": "khiếu nại",
    "denunciation": "tố cáo",
    "letter": "đơn thư",
    "feedback": "phản ánh, kiến nghị",
}


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày không hợp lệ: {value!r} (nhập theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-07-06)"
        ) from None


def petition_kind(value):
    if value not in PetitionKind.values:
        raise argparse.ArgumentTypeError(
            f"loại đơn không hợp lệ: {value!r} (chọn một trong: {', '.join(PetitionKind.values)})"
        )
    return value


class Command(BaseCommand):
    # Its output is parsed as JSON (2>&1 in scripts): system-check warnings such as a provisional
    # calendar year must not be mixed into it. The steps themselves say when a year is provisional.
    requires_system_checks = []
    help = "Tính thời hạn xử lý, giải quyết đơn (khiếu nại, tố cáo, đơn thư, phản ánh, kiến nghị)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, type=petition_kind, help=", ".join(PetitionKind.values))
        parser.add_argument("--received", required=True, type=iso_date, help="ngày nhận đơn, YYYY-MM-DD")
        parser.add_argument("--accepted", type=iso_date, help="ngày thụ lý, YYYY-MM-DD")
        parser.add_argument(
            "--decided",
            type=iso_date,
            help="ngày ban hành quyết định giải quyết khiếu nại, YYYY-MM-DD (tính hạn gửi quyết định)",
        )
        complexity = parser.add_mutually_exclusive_group()
        complexity.add_argument("--complex", action="store_true", help="vụ việc phức tạp")
        complexity.add_argument(
            "--especially-complex", action="store_true", help="vụ việc đặc biệt phức tạp (tố cáo)"
        )
        parser.add_argument("--remote", action="store_true", help="vùng sâu, vùng xa (khiếu nại)")
        parser.add_argument("--second", action="store_true", help="giải quyết lần hai (khiếu nại)")
        parser.add_argument(
            "--several-places", action="store_true", help="xác minh ở nhiều địa điểm (tố cáo)"
        )
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, **options):
        flags = {
            "complex": options["complex"],
            "especially_complex": options["especially_complex"],
            "remote": options["remote"],
            "second": options["second"],
            "several_places": options["several_places"],
        }
        try:
            steps = compute(
                options["kind"],
                options["received"],
                accepted=options["accepted"],
                decided=options["decided"],
                **flags,
            )
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if options["json"]:
            payload = {
                "kind": options["kind"],
                "received": options["received"].isoformat(),
                "accepted": options["accepted"].isoformat() if options["accepted"] else None,
                "decided": options["decided"].isoformat() if options["decided"] else None,
                **flags,
                "steps": [step.as_dict() for step in steps],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.write_table(options, steps)

    def write_table(self, options, steps):
        received = options["received"]
        head = f"Đơn {KIND_LABELS[options['kind']]} nhận ngày {received:%d/%m/%Y}"
        if options["accepted"]:
            head += f", thụ lý ngày {options['accepted']:%d/%m/%Y}"
        if options["decided"]:
            head += f", ban hành quyết định ngày {options['decided']:%d/%m/%Y}"
        self.stdout.write(head)
        if not steps:
            self.stdout.write("Không có thời hạn luật định áp dụng cho đơn nhận vào ngày này.")
            return
        rows = [("Bước", "Hạn", "Thời hạn", "Tính từ", "Căn cứ")]
        for s in steps:
            kind = "ngày làm việc" if s.day_kind == DayKind.WORKING else "ngày"
            basis = s.basis + (f" — {s.note}" if s.note else "")
            if s.provisional:
                basis += f" — lịch nghỉ năm {s.due.year} chưa công bố, hạn có thể thay đổi"
            rows.append(
                (s.label, f"{s.due:%d/%m/%Y}", f"{s.days:02d} {kind}", f"{s.counted_from:%d/%m/%Y}", basis)
            )
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        for n, row in enumerate(rows):
            line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4]
            self.stdout.write(line.rstrip())
            if n == 0:
                self.stdout.write("-" * (sum(widths) + 8 + len(row[4])))
        if not options["accepted"] and options["kind"] in ("complaint", "denunciation"):
            self.stdout.write("Chưa có ngày thụ lý (--accepted): chưa tính hạn giải quyết.")
