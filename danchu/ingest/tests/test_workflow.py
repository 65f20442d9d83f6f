"""The province's data entry from an uploaded report: read, see the text beside the pre-filled
form, confirm or correct, submit; both what was read and what was typed are kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danchu.audit.models import AuditEvent
from danchu.consolidation.models import Submission
from danchu.consolidation.tests.conftest import req, snv  # noqa: F401 (fixtures)
from danchu.ingest.models import Reading, Source

from . import samples

pytestmark = pytest.mark.django_db


def district_docx():
    from docx import Document

    document = Document()
    for line in samples.DISTRICT_2021.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("bao-cao-huyen.docx", buffer.getvalue())


def test_upload_prefill_correct_and_submit_keeps_provenance(world, req, client_for):  # noqa: F811
    client = client_for(world.clerk_a)
    start = reverse("ingest:start", args=[req.uuid, world.a.uuid])
    assert (
        client.get(reverse("consolidation:agency", args=[req.uuid, world.a.uuid]))
        .content.decode()
        .count(start)
        == 1
    )
    response = client.post(start, {"file": district_docx()})
    reading = Reading.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "ingest:reading", args=[reading.uuid]
    )
    assert reading.read_values["letters_received"] == 126 and reading.read_values["fines_vnd"] == 87500000
    assert AuditEvent.objects.filter(verb="đọc báo cáo tải lên").count() == 1

    page = client.get(response["Location"]).content.decode()
    # The text beside the form, each value a link to its field and each field back to its sentence.
    assert 'id="document"' in page and 'id="entry-form"' in page
    index = next(i for i, f in enumerate(reading.figures) if f["indicator"] == "letters_received")
    assert f'id="f-{index}" href="#id_v_letters_received"' in page
    assert f'href="#f-{index}"' in page
    assert 'value="126"' in page and 'value="87.500.000"' in page
    assert "75,3%" in page  # the arithmetic warning

    # The officer corrects one figure, clears one, types one that was not read.
    data = {f"v_{code}": str(value).replace(".", ",") for code, value in reading.read_values.items()}
    data["v_fines_vnd"] = "87.000.000"
    data["v_complaint_resolution_rate"] = ""
    data["v_sanction_decisions"] = "12"
    response = client.post(reverse("ingest:reading", args=[reading.uuid]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    sub = Submission.objects.get()
    reading.refresh_from_db()
    assert reading.submission == sub and sub.file and sub.original_name == "bao-cao-huyen.docx"
    assert sub.values["fines_vnd"] == 87000000 and sub.values["letters_received"] == 126
    assert reading.read_values["fines_vnd"] == 87500000  # what was read is kept
    assert reading.sources["fines_vnd"] == Source.CORRECTED
    assert reading.sources["letters_received"] == Source.NARRATIVE
    assert reading.sources["sanction_decisions"] == Source.TYPED

    # Consolidation shows which figures came from the narrative.
    officer_page = (
        client_for(world.officer).get(reverse("consolidation:submission", args=[sub.uuid])).content.decode()
    )
    assert 'id="narrative"' in officer_page and 'data-source="corrected"' in officer_page
    assert reverse("ingest:reading", args=[reading.uuid]) in officer_page
    # The province's officer sees the text and, per figure, what became of it.
    review = client_for(world.officer).get(reverse("ingest:reading", args=[reading.uuid]))
    assert review.status_code == 200
    review = review.content.decode()
    assert 'id="figures"' in review and "đã sửa khi nhập" in review and 'id="entry-form"' not in review
    drill = client_for(world.officer).get(
        reverse("consolidation:indicator", args=[req.uuid, "letters_received"])
    )
    assert 'data-source="narrative"' in drill.content.decode()
    drill = client_for(world.officer).get(
        reverse("consolidation:indicator", args=[req.uuid, "sanction_decisions"])
    )
    assert "data-source=" not in drill.content.decode()  # typed by hand: no narrative badge
    # A reading is used once.
    again = client.post(reverse("ingest:reading", args=[reading.uuid]), data)
    assert again.status_code == 404


def test_an_outsider_can_neither_read_for_nor_see_an_agency(world, req, client_for):  # noqa: F811
    client = client_for(world.clerk_a)
    client.post(reverse("ingest:start", args=[req.uuid, world.a.uuid]), {"file": district_docx()})
    reading = Reading.objects.get()
    outsider = client_for(world.clerk_b)
    assert outsider.get(reverse("ingest:reading", args=[reading.uuid])).status_code == 404
    assert (
        outsider.post(
            reverse("ingest:start", args=[req.uuid, world.a.uuid]), {"file": district_docx()}
        ).status_code
        == 404
    )


def test_a_scanned_pdf_is_refused_with_a_message_and_nothing_stored(world, req, client_for):  # noqa: F811
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    client = client_for(world.clerk_a)
    response = client.post(
        reverse("ingest:start", args=[req.uuid, world.a.uuid]),
        {"file": SimpleUploadedFile("scan.pdf", buffer.getvalue())},
    )
    assert response.status_code == 400 and "bản quét" in response.content.decode()
    assert not Reading.objects.exists()
