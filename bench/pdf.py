"""`report_pdf_time` (bench.run, section pdf): DOCX → PDF of the 2020 report (the demo's report of
Sở TT-TT Trà Vinh, built from the seed), through `reporting.rendering.render_pdf` as the app does
it: one `soffice --headless --convert-to pdf` per file, LibreOffice started and stopped each time.

When a running converter is available (unoserver, optional: `BENCH_UNOSERVER_BIN`, the bin/ of a
virtualenv of a Python that imports `uno`, with unoserver installed, see docs/benchmarks.md), the same file is also converted
through it, which leaves out LibreOffice's start-up. Runs in its own throwaway PostgreSQL cluster
(the demo data must not mix with the generated data). Prints one JSON line.
"""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("BENCH_PDF_REPEAT", "3"))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_unoserver(bindir, docx, repeat):
    """Seconds per conversion through a running unoserver (median of `repeat`), and its start-up."""
    port, uno_port = _free_port(), _free_port()
    home = tempfile.mkdtemp(prefix="danchu-unoserver-")
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [
            f"{bindir}/unoserver",
            *("--interface", "127.0.0.1", "--port", str(port), "--uno-port", str(uno_port)),
            *("--user-installation", f"file://{home}/profile"),
        ],
        env={"HOME": home, "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            source, target = Path(tmp) / "bao-cao.docx", Path(tmp) / "bao-cao.pdf"
            source.write_bytes(docx)
            command = [
                f"{bindir}/unoconvert",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                str(source),
                str(target),
            ]
            deadline = time.time() + 60
            while True:  # the first conversion waits for LibreOffice to be up
                if subprocess.run(command, capture_output=True).returncode == 0:
                    break
                if time.time() > deadline:
                    raise RuntimeError("unoserver did not convert within 60 s")
                time.sleep(0.5)
            startup = time.perf_counter() - t0
            times = []
            for _ in range(repeat):
                target.unlink(missing_ok=True)
                t = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                times.append(time.perf_counter() - t)
            return statistics.median(times), startup, target.stat().st_size
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
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
    from danchu.reporting import rendering
    from danchu.reporting.indicators import compute

    call_command("migrate", verbosity=0)
    ctx = load_demo()
    report = ctx["reports"]["TV.STTTT/2020"]
    docx = rendering.render_docx(report, compute(report.organization, report.period))
    rendering.render_pdf(docx)  # warm the file cache (LibreOffice's own files)
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        pdf = rendering.render_pdf(docx)
        times.append(time.perf_counter() - t)
    result = {
        "docx_bytes": len(docx),
        "pdf_bytes": len(pdf),
        "soffice_s": statistics.median(times),
        "soffice_runs": times,
    }
    bindir = os.environ.get("BENCH_UNOSERVER_BIN", "")
    if bindir:
        try:
            per_file, startup, size = with_unoserver(bindir, docx, REPEAT)
            result.update(unoserver_s=per_file, unoserver_startup_s=startup, unoserver_pdf_bytes=size)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            result["unoserver_error"] = str(exc)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
