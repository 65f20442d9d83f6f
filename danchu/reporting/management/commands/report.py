"""`danchu report build --org TV.STTTT --period 2020 --out DIR [--format docx,pdf,xlsx] [--strict]`
writes the report files and prints their paths on stdout, and the problems the checks before
sign-off find on stderr ("Lỗi …" and "Cảnh báo: …" lists, in Vietnamese). It exits 0 when the files
are written, problems or not (a draft is built to be read and finished); with --strict it exits 3
when the checks find an error. `danchu report templates` regenerates the default DOCX templates
from the outlines; `danchu report pdf --org TV.STTTT --period 2020 [--version 2]` adds the PDF of
a report submitted without one, from its frozen DOCX."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from danchu.orgs.models import Organization, ReportingPeriod


def UsageError(message):  # noqa: N802 - reads like the exception it builds
    """Bad organisation, period or format: a clear message and exit status 2."""
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Build the annual report of an organisation for a period (DOCX, PDF, XLSX)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser("build", help="write the report files and print their paths")
        build.add_argument("--org", required=True, help="organisation code, e.g. TV.STTTT")
        build.add_argument("--period", required=True, help="period code, e.g. 2020")
        build.add_argument("--out", required=True, help="folder to write the files into")
        build.add_argument("--format", default="docx,xlsx", help="comma-separated: docx,pdf,xlsx")
        build.add_argument(
            "--strict", action="store_true", help="exit 3 when the checks before sign-off find an error"
        )
        sub.add_parser("templates", help="regenerate the default DOCX templates")
        pdf = sub.add_parser("pdf", help="add the PDF of a submitted report from its frozen DOCX")
        pdf.add_argument("--org", required=True, help="organisation code, e.g. TV.STTTT")
        pdf.add_argument("--period", required=True, help="period code, e.g. 2020")
        pdf.add_argument("--version", type=int, help="report version (default: the latest submitted)")

    def handle(self, *args, **options):
        if options["action"] == "templates":
            from danchu.reporting.templating import write_default_templates

            for path in write_default_templates():
                self.stdout.write(str(path))
            return
        if options["action"] == "pdf":
            return self.add_pdf(options)
        self.build(options)

    def add_pdf(self, options):
        from danchu.orgs import access
        from danchu.reporting import actions
        from danchu.reporting.models import Report, ReportStatus

        org = Organization.objects.filter(code=options["org"]).first()
        if org is None:
            raise UsageError(f"Không có cơ quan, đơn vị mã “{options['org']}”.")
        period = ReportingPeriod.objects.filter(code=options["period"]).first()
        if period is None:
            raise UsageError(f"Không có kỳ báo cáo mã “{options['period']}”.")
        reports = Report.objects.filter(organization=org, period=period, status=ReportStatus.SUBMITTED)
        if options.get("version"):
            reports = reports.filter(version=options["version"])
        report = reports.order_by("-version").first()
        if report is None:
            raise UsageError(f"Cơ quan {org.code} chưa có báo cáo đã gửi của kỳ {period.code}.")
        try:
            item = actions.add_pdf(report, actor=access.SYSTEM)
        except ValidationError as exc:
            self.stderr.write(" ".join(exc.messages))
            sys.exit(1)
        self.stdout.write(f"{item.file.name} sha256={item.sha256}")

    def build(self, options):
        from danchu.reporting import actions, rendering
        from danchu.reporting.models import Report

        org = Organization.objects.filter(code=options["org"]).first()
        if org is None:
            raise UsageError(f"Không có cơ quan, đơn vị mã “{options['org']}”.")
        period = ReportingPeriod.objects.filter(code=options["period"]).first()
        if period is None:
            raise UsageError(f"Không có kỳ báo cáo mã “{options['period']}”.")
        try:
            formats = actions.parse_formats(options["format"])
        except ValidationError as exc:
            raise UsageError(exc.messages[0]) from None
        out = Path(options["out"])
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"Không tạo được thư mục “{out}”: {exc}") from None
        report = (
            Report.objects.current()
            .filter(organization=org, period=period)
            .select_related("organization", "period", "signer__person", "template")
            .order_by("-version")
            .first()
        )
        if report is None:
            # No report started: render the default draft straight from the records.
            report = actions.new_report(org, period)
        failed = False
        try:
            files = actions.render_files(report, formats)
        except rendering.PdfUnavailable as exc:
            self.stderr.write(str(exc))
            failed = True
            formats = [f for f in formats if f != "pdf"]
            files = actions.render_files(report, formats) if formats else {}
        except rendering.RenderError as exc:
            raise CommandError(str(exc)) from None
        written = []
        for _fmt, (name, content) in files.items():
            path = out / name
            path.write_bytes(content)
            written.append(path)
        for path in written:
            self.stdout.write(str(path.resolve()))
        errors = self.print_problems(report)
        if failed:
            sys.exit(1)
        if errors and options.get("strict"):
            sys.exit(3)

    def print_problems(self, report):
        """The checks before sign-off on stderr; returns the number of errors. A submitted report
        is frozen: nothing to check."""
        from danchu.reporting import actions
        from danchu.reporting.checks import run_checks
        from danchu.reporting.models import ReportStatus

        if report.pk and report.status == ReportStatus.SUBMITTED:
            return 0
        problems = run_checks(report, actions.report_data(report))
        errors = [p for p in problems if p.is_error]
        warnings = [p for p in problems if not p.is_error]

        def line(problem):
            return f"  - {problem.message}" + (f" [{problem.link}]" if problem.link else "")

        if errors:
            self.stderr.write(f"Lỗi phải sửa trước khi ký ({len(errors)}):")
            for problem in errors:
                self.stderr.write(line(problem))
        if warnings:
            self.stderr.write(f"Cảnh báo ({len(warnings)}):")
            for problem in warnings:
                self.stderr.write(line(problem))
        return len(errors)
