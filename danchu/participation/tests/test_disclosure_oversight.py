"""Province officers read the individual disclosures of their subtree, as they read its statistics
and compliance: published items only, never drafts, and without any workflow action."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from danchu.participation import actions
from danchu.participation.models import Channel, DisclosureStatus

D = datetime.date
pytestmark = pytest.mark.django_db
NOW = "2020-03-20 09:00 +0700"


def make(world, req, org=None, title="Nâng bậc lương", publish=True):
    d = actions.create_disclosure(
        organization=org or world.a,
        actor=world.clerk_a,
        title=title,
        requirement=req("nd04_2015", "4"),
        decided_on=D(2020, 3, 9),
        channels=[Channel.INTRANET],
        files=[SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4\n quyet dinh\n%%EOF\n")],
    )
    return actions.publish_disclosure(d, actor=world.clerk_a, published_on=D(2020, 3, 10)) if publish else d


def test_officer_reads_a_published_disclosure_and_its_attachment(world, req, client_for):
    with time_machine.travel(NOW):
        d = make(world, req)
        actions.acknowledge(d, actor=world.staff_a)
        client = client_for(world.officer)
        page = client.get(f"/dan-chu/cong-khai/{d.uuid}/")
        attachment = client.get(f"/dan-chu/cong-khai/{d.uuid}/tep/{d.attachments.get().pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Nâng bậc lương" in body and 'id="read-count"' in body and "01/05" in body
    # Read-only: no publish, remind or end-posting form, no names of who has not read.
    assert 'id="remind"' not in body and 'id="publish"' not in body and "head_a" not in body
    assert attachment.status_code == 200


def test_officer_cannot_open_drafts_nor_act(world, req, client_for):
    with time_machine.travel(NOW):
        draft = make(world, req, publish=False)
        published = make(world, req)
        client = client_for(world.officer)
        assert client.get(f"/dan-chu/cong-khai/{draft.uuid}/").status_code == 404
        assert client.post(f"/dan-chu/cong-khai/{draft.uuid}/cong-bo/", {}).status_code == 404
        assert client.post(f"/dan-chu/cong-khai/{published.uuid}/nhac/").status_code == 404
        assert (
            client.post(
                f"/dan-chu/cong-khai/{published.uuid}/go-niem-yet/", {"posted_to": "2020-03-19"}
            ).status_code
            == 404
        )
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == DisclosureStatus.DRAFT and published.posted_to is None


def test_officer_lists_the_published_items_of_the_subtree(world, req, client_for):
    with time_machine.travel(NOW):
        make(world, req, title="Của Sở A")
        make(world, req, org=world.b, title="Của Sở B")
        make(world, req, title="Dự thảo của Sở A", publish=False)
        client = client_for(world.officer)
        body = client.get("/dan-chu/cong-khai/").content.decode()
        export = client.get("/dan-chu/cong-khai/?format=xlsx")
    assert "Của Sở A" in body and "Của Sở B" in body and "Dự thảo của Sở A" not in body
    assert "/dan-chu/cong-khai/moi/" not in body
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxml")


def test_compliance_evidence_links_open_for_the_officer(world, req, client_for):
    with time_machine.travel(NOW):
        d = make(world, req)
        client = client_for(world.officer)
        compliance = client.get("/dan-chu/tuan-thu/?year=2020").content.decode()
        assert f"/dan-chu/cong-khai/{d.uuid}/" in compliance
        assert client.get(f"/dan-chu/cong-khai/{d.uuid}/").status_code == 200


@pytest.mark.parametrize("role", ["clerk_b", "staff_a"])
def test_outsiders_and_plain_staff_do_not_get_province_reading(world, req, client_for, role):
    with time_machine.travel(NOW):
        d = make(world, req, org=world.b if role == "staff_a" else world.a)
        assert client_for(getattr(world, role)).get(f"/dan-chu/cong-khai/{d.uuid}/").status_code == 404
