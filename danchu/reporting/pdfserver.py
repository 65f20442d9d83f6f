"""DOCX → PDF through a running converter: unoserver (pinned in pyproject.toml), whose LibreOffice
stays up between conversions, so a report does not pay LibreOffice's start-up on every file
(docs/benchmarks.md has the two figures). `PDF_CONVERTER` (host:port) names it; the server runs
under a Python that imports LibreOffice's `uno` (`scripts/unoserver`, docs/deployment.md).

This speaks unoserver's XML-RPC API (version `unoserver.client.API_VERSION`: `info()`, then
`convert(inpath, indata, outpath, convert_to, ...)` with the DOCX as base64 and the PDF returned)
rather than through `unoserver.client.UnoClient`, which has no timeout and retries a refused
connection for 40 s: a server that is down must let `rendering.render_pdf` fall back at once."""

import xmlrpc.client

from unoserver.client import API_VERSION


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
