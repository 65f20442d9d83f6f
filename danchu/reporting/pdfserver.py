"""DOCX → PDF through a running converter: unoserver (pinned in pyproject.toml), whose LibreOffice
stays up between conversions, so a report does not pay LibreOffice's start-up on every file
(docs/benchmarks.md has the two figures). `PDF_CONVERTER` (host:port) names it; the server runs
under a Python that imports LibreOffice's `uno` (`scripts/unoserver`, docs/deployment.md).

This speaks unoserver's XML-RPC API (version `unoserver.client.API_VERSION`: `info()`, then
`convert(inpath, indata, outpath, convert_to, ...)` with the DOCX as base64 and the PDF returned)
rather than through `unoserver.client.UnoClient`, which has no timeout and retries a refused
connection for 40 s: a server that is down must let `rendering.render_pdf` fall back at once."""

import os
import signal
import socket
import subprocess
import time
import xmlrpc.client
from pathlib import Path

from unoserver.client import API_VERSION

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "unoserver"


class ConverterError(Exception):
    """The running converter did not give a PDF (down, wrong version, failed); the caller falls back."""


class _Transport(xmlrpc.client.Transport):
    def __init__(self, timeout):
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


def parse_address(address):
    """(host, port) of "host:port"; ValueError with the reason otherwise."""
    host, sep, port = address.strip().rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"PDF_CONVERTER must be host:port, not {address!r}")
    return host.strip("[]"), int(port)


def convert(address, docx_bytes, timeout=180):
    """The PDF of `docx_bytes` from the unoserver at `address`; ConverterError when it gives none."""
    try:
        host, port = parse_address(address)
    except ValueError as exc:
        raise ConverterError(str(exc)) from exc
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    proxy = xmlrpc.client.ServerProxy(url, allow_none=True, transport=_Transport(timeout))
    try:
        with proxy:
            info = proxy.info()
            if info.get("api") != API_VERSION:
                raise ConverterError(
                    f"unoserver {info.get('unoserver')} speaks API {info.get('api')}, not {API_VERSION}"
                )
            result = proxy.convert(None, docx_bytes, None, "pdf", None, [], True, None, None)
    except (OSError, xmlrpc.client.Error) as exc:
        raise ConverterError(f"unoserver at {address}: {exc}") from exc
    data = getattr(result, "data", None)
    if not data or not data.startswith(b"%PDF"):
        raise ConverterError(f"unoserver at {address} returned no PDF")
    return data


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_local(home):
    """A unoserver on free loopback ports, started by scripts/unoserver with its profile and log in
    `home` (tests and bench; production runs it under systemd): (process, "127.0.0.1:port").
    It answers once LibreOffice is up, some 10 s later."""
    port, uno_port = free_port(), free_port()
    with open(Path(home) / "unoserver.log", "wb") as log:  # the child keeps its own copy
        process = subprocess.Popen(
            [
                str(SCRIPT),
                *("--interface", "127.0.0.1", "--port", str(port), "--uno-port", str(uno_port)),
                *("--user-installation", str(Path(home) / "profile")),
            ],
            env={**os.environ, "HOME": str(home)},
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
    return process, f"127.0.0.1:{port}"


def wait_ready(process, address, probe, seconds=120):
    """Convert `probe` (a DOCX) until the unoserver of start_local gives its PDF: LibreOffice is up.
    ConverterError if it exits or `seconds` pass first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return convert(address, probe, timeout=seconds)
        except ConverterError as exc:
            if process.poll() is not None:
                raise ConverterError(f"unoserver exited ({process.returncode}): {exc}") from exc
            if time.monotonic() > deadline:
                raise ConverterError(f"unoserver gave no PDF within {seconds} s: {exc}") from exc
            time.sleep(0.5)


def stop_local(process):
    """Stop a unoserver of start_local (SIGTERM: it stops its LibreOffice and exits within a
    second), then anything of its process group still there."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
