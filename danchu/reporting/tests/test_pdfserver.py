"""DOCX → PDF through a running converter (PDF_CONVERTER: unoserver, started by scripts/unoserver
under the Python that imports LibreOffice's uno; the session's one, root conftest.py), and the
fallback to one `soffice` per file when it does not answer. The tests that need LibreOffice are
skipped, with the reason, when it or its Python bindings are missing; the message tests always run."""

import io
import logging
import time
from pathlib import Path

import pytest
from docx import Document

from danchu.reporting import pdfserver, rendering

ROOT = Path(__file__).resolve().parents[3]
TEXT = "Báo cáo thử chuyển sang PDF qua bộ chuyển đổi đang chạy"


def small_docx(text=TEXT):
    doc = Document()
    doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def pdf_text(pdf):
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def unoserver_address(session_converter):
    """The session's running converter (root conftest.py: started by pdfserver.start_local and
    waited for by pdfserver.wait_ready, as here before, but once for the whole session)."""
    reason = session_converter.missing()
    if reason:
        pytest.skip(f"running converter not tested: {reason}")
    address = session_converter.get()
    if not address:
        pytest.fail(session_converter.failure)
    return address


def test_the_running_converter_gives_the_pdf(unoserver_address, settings, monkeypatch):
    settings.PDF_CONVERTER = unoserver_address
    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)  # so no soffice could have made it
    pdf = rendering.render_pdf(small_docx())
    assert pdf.startswith(b"%PDF")
    assert TEXT in " ".join(pdf_text(pdf).split())


def test_a_converter_that_is_down_falls_back_to_soffice(settings, caplog):
    if not rendering.soffice_binary():
        pytest.skip("fallback not tested: LibreOffice (soffice) is not installed")
    settings.PDF_CONVERTER = f"127.0.0.1:{pdfserver.free_port()}"  # nobody listens there
    with caplog.at_level(logging.WARNING, logger="danchu.reporting.rendering"):
        started = time.monotonic()
        pdf = rendering.render_pdf(small_docx())
    assert TEXT in " ".join(pdf_text(pdf).split())
    assert "PDF converter unavailable" in caplog.text
    assert time.monotonic() - started < 120  # no retry loop before the fallback


def test_neither_converter_nor_libreoffice_is_a_clear_message(settings, monkeypatch):
    address = f"127.0.0.1:{pdfserver.free_port()}"
    settings.PDF_CONVERTER = address
    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    with pytest.raises(rendering.PdfUnavailable) as raised:
        rendering.render_pdf(small_docx())
    message = str(raised.value)
    assert f"unoserver tại {address}" in message
    assert "chưa cài LibreOffice" in message
    assert "tệp DOCX vẫn dùng được" in message


def test_without_a_converter_the_message_is_the_libreoffice_one(settings, monkeypatch):
    settings.PDF_CONVERTER = ""
    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    with pytest.raises(rendering.PdfUnavailable, match="SOFFICE_BINARY") as raised:
        rendering.render_pdf(small_docx())
    assert "unoserver" not in str(raised.value)


@pytest.mark.parametrize("address", ["", "localhost", "localhost:", ":2003", "host:port", "h:70000"])
def test_a_malformed_address_is_refused(address):
    with pytest.raises(pdfserver.ConverterError, match="host:port"):
        pdfserver.convert(address, small_docx())


def test_addresses():
    assert pdfserver.parse_address("127.0.0.1:2003") == ("127.0.0.1", 2003)
    assert pdfserver.parse_address("[::1]:2003") == ("::1", 2003)
    assert pdfserver.parse_address(" converter.local:2003 ") == ("converter.local", 2003)


@pytest.mark.django_db
def test_a_report_is_submitted_with_its_pdf_by_the_converter_alone(
    unoserver_address, settings, monkeypatch, world
):
    """A server with the running converter and no LibreOffice of its own submits the PDF with
    the DOCX and XLSX (it used to look for soffice only and leave the PDF for later)."""
    import datetime

    from danchu.reporting import actions as reporting
    from danchu.reporting.tests.conftest import make_draft

    settings.PDF_CONVERTER = unoserver_address
    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    report = make_draft(world, world.period_2020, datetime.date(2020, 11, 9))
    report = reporting.sign(reporting.mark_reviewed(report, actor=world.clerk_a), actor=world.head_a)
    report = reporting.submit(report, actor=world.clerk_a)
    assert set(report.files.values_list("format", flat=True)) >= {"docx", "xlsx", "pdf"}
