"""A small closed-loop HTTP load client on loopback: N threads, each sending one request after
the other for a fixed time (bounded by a request cap), with the standard library only."""

import http.client
import threading
import time
from urllib.parse import urlencode


def percentile(values, pct):
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def _figures(latencies, elapsed, statuses):
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * percentile(latencies, 50),
        "p95_ms": 1000 * percentile(latencies, 95),
        "statuses": statuses,
    }


def run(host, port, make_request, *, clients, seconds, max_requests=200_000, keep=False):
    """make_request(conn, worker_index, seq) -> status code. Returns the figures of the run."""
    latencies, statuses = [], {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    sent = [0]

    def worker(index):
        conn = http.client.HTTPConnection(host, port, timeout=30)
        seq = 0
        mine, codes = [], {}
        while time.perf_counter() < stop:
            with lock:
                if sent[0] >= max_requests:
                    break
                sent[0] += 1
            t0 = time.perf_counter()
            try:
                status = make_request(conn, index, seq)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
                status = "error"
            mine.append(time.perf_counter() - t0)
            codes[status] = codes.get(status, 0) + 1
            seq += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            for k, v in codes.items():
                statuses[k] = statuses.get(k, 0) + v

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    figures = _figures(latencies, time.perf_counter() - started, statuses)
    if keep:
        figures["latencies"] = latencies
    return figures


def interleaved(host, port, pages, *, clients, seconds, rounds=5, warmup=2):
    """Each page of `pages` ({name: make_request}) loaded for `seconds` in all, in `rounds` turns
    taken one page after the other (A B C A B C …) after a warm-up of each: a page and the
    reference it is judged against then see the same machine, even when its speed drifts during
    the run (another process, the CPU's clock). Returns {name: figures}, each over all its turns."""
    for make in pages.values():
        run(host, port, make, clients=clients, seconds=warmup)
    turns = {name: [] for name in pages}
    for _ in range(rounds):
        for name, make in pages.items():
            turns[name].append(run(host, port, make, clients=clients, seconds=seconds / rounds, keep=True))
    results = {}
    for name, parts in turns.items():
        latencies = [x for part in parts for x in part.pop("latencies")]
        elapsed = sum(part["seconds"] for part in parts)
        statuses = {}
        for part in parts:
            for k, v in part["statuses"].items():
                statuses[k] = statuses.get(k, 0) + v
        results[name] = {
            **_figures(latencies, elapsed, statuses),
            "rounds_rps": [round(part["rps"], 1) for part in parts],
        }
    return results


def get(path, cookie):
    def make(conn, _index, _seq):
        conn.request("GET", path, headers={"Cookie": cookie, "Connection": "keep-alive"})
        response = conn.getresponse()
        response.read()
        if response.getheader("Connection", "").lower() == "close":
            conn.close()
        return response.status

    return make


def post_form(conn, path, fields, cookie, token):
    body = urlencode(fields)
    conn.request(
        "POST",
        path,
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "X-CSRFToken": token,
            "Referer": f"http://{conn.host}:{conn.port}{path}",
        },
    )
    response = conn.getresponse()
    response.read()
    if response.getheader("Connection", "").lower() == "close":
        conn.close()
    return response.status
