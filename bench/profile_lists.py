"""Where an uncached list page spends its time: the two lists and /healthz called through the
WSGI handler in a loop (no HTTP, no load client), the list cache off, on a throwaway PostgreSQL
cluster with one generated agency. Prints ms per request (wall; CPU of this process and of its
PostgreSQL backend, which plans and runs the queries), the queries of one request and, with
BENCH_PROFILE=1, the top of a cProfile of the list pages.

    .venv/bin/python -m bench.profile_lists            # 100x agency: 100,000 letters
    BENCH_SCALE=10 BENCH_PROFILE=1 .venv/bin/python -m bench.profile_lists
    BENCH_PAGES=disclosures DATABASE_URL=postgres://… .venv/bin/python -m bench.profile_lists
    BENCH_CALLGRIND=1 .venv/bin/python -m bench.profile_lists   # + instructions per request

With DATABASE_URL naming a PostgreSQL database that already holds the generated agency (prefix
P), the data is reused instead of generated again; BENCH_PAGES picks pages by name.
BENCH_PROFILE_OUT=/tmp/prof writes each page's cProfile to /tmp/prof.<page> (pstats) as well.

With BENCH_STATEMENTS=1 each statement one request of the page ran is run again 400 times on the
same connection: the backend's CPU per run (from /proc) and, from pg_prepared_statements, how many
of its runs PostgreSQL planned afresh (custom plans) or took from its one generic plan.

With BENCH_CALLGRIND=1 each page is also run under valgrind's callgrind, instrumented only around
10 requests after a warm-up (`callgrind_control -i on/off`): the instructions the Django process
runs per request, which, unlike seconds, do not move with the machine's load (docs/benchmarks.md).
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALE = float(os.environ.get("BENCH_SCALE", "100"))
LOOPS = int(os.environ.get("BENCH_LOOPS", "60"))


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danchu.settings")
    os.environ.setdefault("DANCHU_VAR_DIR", "/tmp/danchu-bench-var")
    os.environ["LIST_CACHE_SECONDS"] = "0"
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _client():
    """A test client signed in as the generated agency's head, sending back its CSRF cookie."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bench.run import session_cookie

    cookie = session_cookie(get_user_model().objects.get(username="p.head"))
    csrf = Client(HTTP_COOKIE=cookie, HTTP_HOST="127.0.0.1").get("/don-thu/").cookies["csrftoken"].value
    # as a browser: the CSRF cookie it was given is sent back (else each page makes a new secret)
    return Client(HTTP_COOKIE=f"{cookie}; csrftoken={csrf}", HTTP_HOST="127.0.0.1")


CALLGRIND_REQUESTS = 10


def instructions_child(path):
    """Under callgrind, instrumentation off at the start: warm up, then count CALLGRIND_REQUESTS
    requests of `path` only."""
    import subprocess

    _setup()
    client = _client()
    for _ in range(15):
        client.get(path)
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, check=True)
    for _ in range(CALLGRIND_REQUESTS):
        client.get(path)
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], capture_output=True, check=True)


def instructions(path):
    """Millions of instructions the Django process runs per request of `path` (callgrind)."""
    import re
    import subprocess

    done = subprocess.run(
        [
            *("valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null"),
            *(sys.executable, "-m", "bench.profile_lists", "--instructions", path),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1)) / CALLGRIND_REQUESTS / 1e6


STATEMENT_RUNS = 400


def _numbered(sql):
    """`sql` as psycopg sends it to the server: %s as $1, $2, …, %% as %."""
    import itertools
    import re

    numbers = itertools.count(1)
    return re.sub(r"%[s%]", lambda m: "%" if m.group() == "%%" else f"${next(numbers)}", sql)


def statements(queries, backend_cpu):
    """Each captured statement run STATEMENT_RUNS times: the backend's CPU per run, and how
    PostgreSQL planned the prepared statement (generic plans are planned once per connection)."""
    from django.db import connection

    with connection.cursor() as cursor:
        for _ms, sql, params in queries:
            for _ in range(10):
                cursor.execute(sql, params)
                cursor.fetchall()
            before = backend_cpu()
            for _ in range(STATEMENT_RUNS):
                cursor.execute(sql, params)
                cursor.fetchall()
            cpu = (backend_cpu() - before) / STATEMENT_RUNS
            cursor.execute(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = %s",
                [_numbered(sql)],
            )
            plans = cursor.fetchall()
            print(f"    backend {1000 * cpu:5.3f} ms per run, plans {plans or '?'}  {sql[:100]}", flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--instructions":
        return instructions_child(sys.argv[2])
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        script = str(ROOT / "scripts" / "with-postgres")
        os.environ.setdefault("WITH_POSTGRES_TCP", "1")  # over TCP, as a database server elsewhere
        os.execv(script, [script, sys.executable, "-m", "bench.profile_lists"])
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from danchu.core.gendata import PRESETS, Shape, analyze, generate
    from danchu.orgs.models import Organization

    call_command("migrate", verbosity=0)
    if not Organization.objects.filter(code="P").exists():
        base = PRESETS["province"]
        t0 = time.perf_counter()
        shape = Shape(1, base.letters, base.documents, base.disclosures, base.inspections).scaled(SCALE)
        generate(shape, seed=8, prefix="P")
        analyze()
        print(f"generated {shape} in {time.perf_counter() - t0:.1f} s", flush=True)
    client = _client()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]

    def backend_cpu():
        """CPU seconds of this connection's PostgreSQL backend so far (user + system, from /proc:
        the server runs on this machine), so a page's cost counts the database's planning too."""
        try:
            with open(f"/proc/{backend}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")  # a server elsewhere
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    pages = [("healthz", "/healthz"), ("worklist", "/don-thu/"), ("disclosures", "/dan-chu/cong-khai/")]
    if os.environ.get("BENCH_PAGES"):
        pages = [p for p in pages if p[0] in os.environ["BENCH_PAGES"].split(",")]
    for name, path in pages:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        queries = []

        def log(execute, sql, params, many, context, queries=queries):
            t = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append((1000 * (time.perf_counter() - t), sql, params))

        with connection.execute_wrapper(log):
            client.get(path)
        times, cpu = [], []
        server = backend_cpu()
        for _ in range(LOOPS):
            t, c = time.perf_counter(), time.process_time()
            client.get(path)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        server = (backend_cpu() - server) / LOOPS
        print(
            f"{name:12s} wall median {1000 * statistics.median(times):6.2f} ms, min {1000 * min(times):6.2f}; "
            f"CPU of this process median {1000 * statistics.median(cpu):6.2f} ms, "
            f"of its PostgreSQL backend mean {1000 * server:5.2f} ms; "
            f"{len(queries)} queries ({sum(q[0] for q in queries):.1f} ms), {len(response.content)} bytes",
            flush=True,
        )
        if os.environ.get("BENCH_QUERIES"):
            for ms, sql, _params in queries:
                print(f"    {ms:6.2f} ms  {sql[:220]}")
        if os.environ.get("BENCH_STATEMENTS"):
            statements(queries, backend_cpu)
        if os.environ.get("BENCH_CALLGRIND"):
            print(f"{name:12s} {instructions(path):.2f} M instructions per request (callgrind)", flush=True)
        if os.environ.get("BENCH_PROFILE") and (name != "healthz" or os.environ.get("BENCH_PROFILE_OUT")):
            prof = cProfile.Profile(time.process_time)
            prof.enable()
            for _ in range(20):
                client.get(path)
            prof.disable()
            out = io.StringIO()
            if os.environ.get("BENCH_PROFILE_OUT"):
                prof.dump_stats(f"{os.environ['BENCH_PROFILE_OUT']}.{name}")
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(45)
            print(out.getvalue())
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(30)
            print(out.getvalue())


if __name__ == "__main__":
    main()
