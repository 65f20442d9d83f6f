import datetime

import pytest

from danchu.consolidation import actions
from danchu.consolidation.models import TargetMode
from danchu.orgs.models import Organization, OrganizationKind

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _docx():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from danchu.core.officialdoc import OfficialDocument

    doc = OfficialDocument()
    doc.paragraph("Báo cáo")
    return SimpleUploadedFile("bao-cao.docx", doc.to_bytes())


def test_officer_returns_a_submission_and_the_clerk_sees_why(page, world, login):
    snv = Organization.objects.create(
        code="TV.SNV", name="Sở Nội vụ", short_name="SNV", kind=OrganizationKind.DEPARTMENT, parent=world.tv
    )
    req = actions.create_request(
        actor=world.officer,
        requesting_org=snv,
        reference="1457/SNV-XDCQCTTN",
        issued_on=datetime.date(2020, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2020",
        period=world.period_2020,
        deadline=datetime.date(2020, 11, 13),
        target_mode=TargetMode.LIST,
        chosen=[world.a, world.b],
    )
    actions.submit_upload(
        req,
        world.a,
        actor=world.clerk_a,
        uploaded_file=_docx(),
        values={
            "letters_received": 6,
            "complaints_received": 5,
            "denunciations_received": 0,
            "feedback_received": 0,
        },
    )

    login("officer")
    page.click("#home-completeness >> text=1457/SNV-XDCQCTTN")
    assert "1/2" in page.text_content("#completeness")
    assert "Chưa gửi" in page.text_content("#targets tr[data-org='TV.B']")
    page.click("#targets tr[data-org='TV.A'] >> text=v1")
    assert "Tổng số đơn tiếp nhận" in page.text_content("#problems")
    page.fill("#return-form textarea[name=reason]", "Tổng số đơn không khớp các loại đơn; đề nghị sửa.")
    with page.expect_navigation():
        page.click("#return-form button[type=submit]")
    assert "Bị trả lại" in page.text_content("#targets tr[data-org='TV.A']")

    page.context.clear_cookies()
    login("clerk_a")
    page.click("#home-requests >> text=1457/SNV-XDCQCTTN")
    assert "Tổng số đơn không khớp các loại đơn" in page.text_content("#versions")
    assert page.locator("#entry-form").is_visible()
