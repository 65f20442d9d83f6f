"""`danchu consolidate --org TV --period 2020 --out DIR [--request REF] [--format docx,xlsx,pdf]`
writes the provincial report files, prints completeness (submitted / on time / late / missing)
and the key totals. Bad input: a clear message and exit status 2."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danchu.orgs.models import Organization, ReportingPeriod

FORMATS = ("docx", "xlsx", "pdf")


def usage_error(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Consolidate the agencies' submitted reports of a period into the provincial report."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="the province or requesting body, e.g. TV or TV.SNV")
        parser.add_argument("--period", required=True, help="period code, e.g. 2020")
        parser.add_argument("--out", required=True, help="folder to write the files into")
        parser.add_argument("--request", default="", help="the request's number and symbol, if several")
        parser.add_argument("--format", default="docx,xlsx", help="comma-separated: docx,xlsx,pdf")

    def handle(self, *args, **options):
        from danchu.consolidation import provincial
        from danchu.consolidation.models import ReportRequest
        from danchu.reporting.indicators import BY_CODE

        org = Organization.objects.filter(code=options["org"]).first()
        if org is None:
            raise usage_error(f"Không có cơ quan, đơn vị mã “{options['org']}”.")
        period = ReportingPeriod.objects.filter(code=options["period"]).first()
        if period is None:
            raise usage_error(f"Không có kỳ báo cáo mã “{options['period']}”.")
        formats = [f.strip().lower() for f in options["format"].split(",") if f.strip()]
        if not formats or any(f not in FORMATS for f in formats):
            raise usage_error(f"Định dạng không hợp lệ: “{options['format']}”. Chọn trong: docx, xlsx, pdf.")
        requests = ReportRequest.objects.filter(
            period=period, requesting_org__path__startswith=org.path
        ).select_related("requesting_org", "period")
        if options["request"]:
            requests = requests.filter(reference=options["request"])
        req = requests.order_by("-issued_on", "-pk").first()
        if req is None:
            raise usage_error(f"{org.name} chưa có yêu cầu báo cáo nào cho kỳ {period.name}.")
        out = Path(options["out"])
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise usage_error(f"Không tạo được thư mục “{out}”: {exc}") from None
        result = provincial.completeness(req)
        consolidation = provincial.consolidate(req)
        basename = provincial.file_basename(req)
        written, failed = [], False
        docx = None
        if "docx" in formats or "pdf" in formats:
            docx = provincial.provincial_docx(req, result, consolidation)
        if "docx" in formats:
            written.append(self._write(out / f"{basename}.docx", docx))
        if "xlsx" in formats:
            written.append(
                self._write(out / f"{basename}.xlsx", provincial.provincial_xlsx(req, result, consolidation))
            )
        if "pdf" in formats:
            from danchu.reporting.rendering import PdfUnavailable, render_pdf

            try:
                written.append(self._write(out / f"{basename}.pdf", render_pdf(docx, basename)))
            except PdfUnavailable as exc:
                self.stderr.write(str(exc))
                failed = True
        if docx is not None:
            problem = provincial.signer_problem(
                req.requesting_org, provincial.provincial_signature(req.requesting_org)
            )
            if problem:
                self.stderr.write(f"Cảnh báo: {problem}")
        self.stdout.write(f"Yêu cầu {req.reference} ({req.period.name}), hạn {req.deadline:%d/%m/%Y}")
        self.stdout.write(
            f"Đã gửi: {result.submitted}/{result.total}  Đúng hạn: {result.on_time}  Muộn: {result.late}  "
            f"Trả lại chờ gửi lại: {result.returned}  Chưa gửi: {result.missing}"
        )
        for other in result.not_reported():
            self.stdout.write(f"  chưa báo cáo: {other.code} {other.name}")
        for code in provincial.KEY_CODES:
            self.stdout.write(f"  {BY_CODE[code].label}: {consolidation.formatted(code)}")
        for path in written:
            self.stdout.write(str(path.resolve()))
        if failed:
            raise CommandError("Không tạo được tệp PDF.", returncode=1)

    @staticmethod
    def _write(path, content):
        path.write_bytes(content)
        return path
