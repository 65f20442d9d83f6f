"""`report_pdf_time` and `report_pdf_time_warm` (bench.run, section pdf): DOCX → PDF of the 2020
report (the demo's report of Sở TT-TT Trà Vinh, built from the seed), through
`reporting.rendering.render_pdf` as the app does it.

Cold: without PDF_CONVERTER, one `soffice --headless --convert-to pdf` per file, LibreOffice started
(with a new profile in a fresh HOME) and stopped each time; beside it, the same start and stop with
no file (`--terminate_after_init`) and the cold conversion of a one-paragraph DOCX (what every file
pays whatever its content: start-up, Writer and its filters loaded, quit). Warm: with
PDF_CONVERTER naming a unoserver started once by scripts/unoserver (the Python that imports
LibreOffice's uno: Debian python3-uno), so LibreOffice stays up between files. Runs in its own
throwaway PostgreSQL cluster (the demo data must not mix with the generated data). Prints one JSON
line; a part that cannot run (LibreOffice or uno missing) gives its reason instead of its figure.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("BENCH_PDF_REPEAT", "3"))


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times, result


def soffice_startup(binary):
    """LibreOffice started and stopped with no file, in a fresh HOME (a new profile), as render_pdf runs it."""
    with tempfile.TemporaryDirectory() as home:
        subprocess.run(
            [binary, "--headless", "--terminate_after_init"],
            check=True,
            capture_output=True,
            timeout=180,
            env={"HOME": home, "PATH": "/usr/bin:/bin"},
        )


def one_paragraph_docx():
    import io

    from docx import Document

    doc = Document()
    doc.add_paragraph("Báo cáo")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def warm(docx, repeat):
    """{unoserver_s, unoserver_runs, unoserver_startup_s, unoserver_pdf_bytes}: render_pdf with
    PDF_CONVERTER set, after the first conversion (which waits for LibreOffice to be up)."""
    from django.conf import settings

    from danchu.reporting import pdfserver, rendering

    t0 = time.perf_counter()
    home = tempfile.mkdtemp(prefix="danchu-unoserver-")
    server, address = pdfserver.start_local(home)
    try:
        pdfserver.wait_ready(server, address, docx)
        startup = time.perf_counter() - t0
        settings.PDF_CONVERTER = address
        # No soffice to fall back on: the figure is the running converter's or nothing.
        settings.SOFFICE_BINARY, binary = "/nonexistent/soffice", settings.SOFFICE_BINARY
        try:
            per_file, runs, pdf = median_time(lambda: rendering.render_pdf(docx), repeat)
        finally:
            settings.PDF_CONVERTER, settings.SOFFICE_BINARY = "", binary
        return {
            "unoserver_s": per_file,
            "unoserver_runs": runs,
            "unoserver_startup_s": startup,
            "unoserver_pdf_bytes": len(pdf),
        }
    finally:
        pdfserver.stop_local(server)
        shutil.rmtree(home, ignore_errors=True)


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        script = str(ROOT / "scripts" / "with-postgres")
        os.execv(script, [script, sys.executable, "-m", "bench.pdf"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danchu.settings")
    os.environ.setdefault("DANCHU_VAR_DIR", "/tmp/danchu-bench-pdf-var")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from danchu.core.management.commands.demo import load_demo
    from danchu.reporting import pdfserver, rendering
    from danchu.reporting.indicators import compute

    call_command("migrate", verbosity=0)
    ctx = load_demo()
    report = ctx["reports"]["TV.STTTT/2020"]
    docx = rendering.render_docx(report, compute(report.organization, report.period))
    result = {"docx_bytes": len(docx)}
    binary = rendering.soffice_binary()
    if not binary:
        result["soffice_error"] = "LibreOffice (soffice) is not installed"
        result["unoserver_error"] = result["soffice_error"]
        print(json.dumps(result))
        return
    rendering.render_pdf(docx)  # warm the file cache (LibreOffice's own files)
    cold, runs, pdf = median_time(lambda: rendering.render_pdf(docx), REPEAT)
    startup, startup_runs, _ = median_time(lambda: soffice_startup(binary), REPEAT)
    small = one_paragraph_docx()
    fixed, fixed_runs, _ = median_time(lambda: rendering.render_pdf(small), REPEAT)
    result.update(
        pdf_bytes=len(pdf),
        soffice_s=cold,
        soffice_runs=runs,
        soffice_startup_s=startup,
        soffice_startup_runs=startup_runs,
        soffice_one_paragraph_s=fixed,
        soffice_one_paragraph_runs=fixed_runs,
    )
    uno_python = os.environ.get("DANCHU_UNO_PYTHON", "/usr/bin/python3")
    if subprocess.run([uno_python, "-c", "import uno"], capture_output=True).returncode != 0:
        result["unoserver_error"] = f"{uno_python} cannot import uno (Debian: python3-uno)"
    else:
        try:
            result.update(warm(docx, REPEAT))
        except (
            OSError,
            subprocess.SubprocessError,
            rendering.PdfUnavailable,
            pdfserver.ConverterError,
        ) as exc:
            result["unoserver_error"] = str(exc)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
