"""Reports stored on a conference are downloadable by its organisation's staff only."""

import datetime
import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danchu.participation import actions
from danchu.participation.models import ConferenceDocument, ConferenceDocumentKind

D = datetime.date
pytestmark = pytest.mark.django_db


NAMES = {
    ConferenceDocumentKind.HEAD_REPORT: "bao-cao-thu-truong.pdf",
    ConferenceDocumentKind.UNION_REPORT: "bao-cao-cong-doan.docx",
    ConferenceDocumentKind.BOARD_REPORT: "bao-cao-ban-ttnd.pdf",
}


@functools.cache
def sample(name, text):
    """Real file content for the extension (uploads are checked by content, not by name); the
    same bytes for the same name and text, so downloads can be compared with what was stored."""
    if name.endswith(".docx"):
        import io

        import docx

        buffer = io.BytesIO()
        document = docx.Document()
        document.add_paragraph(text)
        document.save(buffer)
        return buffer.getvalue()
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def conference_with_reports(world):
    c = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=D(2020, 1, 15)
    )
    for kind, name in NAMES.items():
        actions.add_conference_document(
            c,
            actor=world.clerk_a,
            kind=kind,
            title=str(kind.label),
            upload=SimpleUploadedFile(name, sample(name, f"noi dung {kind}")),
        )
    return c


@pytest.mark.parametrize(
    "role,status", [("clerk_a", 200), ("staff_a", 200), ("head_a", 200), ("officer", 200), ("clerk_b", 404)]
)
def test_reports_download_for_staff_and_404_for_outsiders(world, client_for, role, status):
    c = conference_with_reports(world)
    client = client_for(getattr(world, role))
    for d in c.documents.all():
        response = client.get(f"/dan-chu/hoi-nghi/{c.uuid}/tai-lieu/{d.pk}/")
        assert response.status_code == status
        if status == 200:
            assert d.original_name in response["Content-Disposition"]
            assert b"".join(response.streaming_content) == sample(NAMES[d.kind], f"noi dung {d.kind}")


def test_detail_page_links_each_report(world, client_for):
    c = conference_with_reports(world)
    page = client_for(world.staff_a).get(f"/dan-chu/hoi-nghi/{c.uuid}/").content.decode()
    for d in c.documents.all():
        assert f"/dan-chu/hoi-nghi/{c.uuid}/tai-lieu/{d.pk}/" in page


def test_a_document_of_another_conference_or_without_file_is_404(world, client_for):
    c = conference_with_reports(world)
    other = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2018, held_on=D(2019, 1, 10)
    )
    bare = actions.add_conference_document(other, actor=world.clerk_a, kind="other", title="Chỉ có tên")
    client = client_for(world.clerk_a)
    doc = ConferenceDocument.objects.filter(conference=c).first()
    assert client.get(f"/dan-chu/hoi-nghi/{other.uuid}/tai-lieu/{doc.pk}/").status_code == 404
    assert client.get(f"/dan-chu/hoi-nghi/{other.uuid}/tai-lieu/{bare.pk}/").status_code == 404


def test_adding_a_report_with_a_too_large_file_keeps_the_form(world, client_for, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    c = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=D(2020, 1, 15)
    )
    response = client_for(world.clerk_a).post(
        f"/dan-chu/hoi-nghi/{c.uuid}/",
        {
            "action": "document",
            "doc-kind": "head_report",
            "doc-title": "Báo cáo kiểm điểm",
            "doc-upload": SimpleUploadedFile("x.pdf", b"x" * 100),
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tệp quá lớn" in body and "Báo cáo kiểm điểm" in body
    assert not c.documents.exists()
