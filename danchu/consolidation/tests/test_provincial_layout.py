"""The provincial report a director can sign: the signer's name from the body's settings
(orgs.signing), a clear warning when there is none, table headers that repeat, a block that
cannot split across pages."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from danchu.consolidation import provincial
from danchu.orgs.models import Membership, Person


def member(org, name, position, **flags):
    person = Person.objects.create(full_name=name)
    return Membership.objects.create(
        person=person, organization=org, position=position, start=datetime.date(2019, 1, 1), **flags
    )


def signature_cells(docx):
    doc = Document(io.BytesIO(docx))
    table = next(t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    return doc, table


@pytest.fixture
def agency_answers(world, req, upload):
    upload(req, world.a, world.clerk_a, {"letters_received": 7})
    upload(req, world.b, world.clerk_b, {"letters_received": 3})
    return req


def test_the_head_signs_with_the_body_title_and_name(world, snv, agency_answers):
    snv.head_title = "Giám đốc"
    snv.save()
    member(snv, "Trần Văn Giám", "Giám đốc", is_head=True)
    _doc, table = signature_cells(provincial.provincial_docx(agency_answers))
    right = [p.text for p in table.rows[0].cells[1].paragraphs if p.text]
    assert right == ["GIÁM ĐỐC", "Trần Văn Giám"]
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_a_deputy_who_usually_signs_signs_on_behalf_of_the_head(world, snv, agency_answers):
    snv.head_title = "Giám đốc"
    member(snv, "Trần Văn Giám", "Giám đốc", is_head=True)
    deputy = member(snv, "Lê Thị Phó", "Phó Giám đốc", is_deputy=True)
    snv.default_signer = deputy
    snv.save()
    _doc, table = signature_cells(provincial.provincial_docx(agency_answers, day=datetime.date(2020, 11, 20)))
    right = [p.text for p in table.rows[0].cells[1].paragraphs if p.text]
    assert right == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Phó"]


def test_a_head_whose_dates_have_lapsed_still_signs(world, snv, agency_answers):
    """The fallback of before the signing settings: whoever is recorded as head."""
    head = member(snv, "Trần Văn Giám", "Giám đốc", is_head=True)
    head.start, head.end = datetime.date(2010, 1, 1), datetime.date(2015, 1, 1)
    head.save()
    sign = provincial.provincial_signature(snv, datetime.date(2020, 11, 20))
    assert sign is not None and sign.name == "Trần Văn Giám" and sign.lines == ["GIÁM ĐỐC"]
    assert provincial.signer_problem(snv, sign) == ""


def test_no_signer_is_said_by_the_command_and_the_page(
    world, snv, agency_answers, tmp_path, capsys, client_for
):
    call_command("consolidate", "--org", "TV", "--period", "2020", "--out", str(tmp_path))
    err = capsys.readouterr().err
    assert "chưa có người ký" in err and "Sở Nội vụ" in err
    docx = next(tmp_path.glob("*.docx")).read_bytes()
    _doc, table = signature_cells(docx)
    # No invented title or name: the block is left for the body to fill, and the warning says why.
    assert [p.text for p in table.rows[0].cells[1].paragraphs if p.text] == []
    page = client_for(world.officer).get(reverse("consolidation:consolidation", args=[agency_answers.uuid]))
    assert page.status_code == 200
    assert "chưa có người ký" in page.content.decode()


def test_the_page_names_the_signer_when_there_is_one(world, snv, agency_answers, client_for):
    snv.head_title = "Giám đốc"
    snv.save()
    member(snv, "Trần Văn Giám", "Giám đốc", is_head=True)
    page = client_for(world.officer).get(reverse("consolidation:consolidation", args=[agency_answers.uuid]))
    html = page.content.decode()
    assert "Trần Văn Giám" in html and "chưa có người ký" not in html


def test_provincial_tables_repeat_their_header_row(world, snv, agency_answers):
    doc = Document(io.BytesIO(provincial.provincial_docx(agency_answers)))
    bordered = [t for t in doc.tables[1:] if "Nơi nhận:" not in t.rows[0].cells[0].text]
    assert len(bordered) == 2  # the key figures and the figures of each agency
    for table in bordered:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    closing = next(p for p in doc.paragraphs if p.text.startswith("Trên đây là báo cáo tổng hợp"))
    assert closing._p.pPr.find(qn("w:keepNext")) is not None
