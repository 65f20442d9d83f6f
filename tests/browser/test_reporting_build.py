"""The clerk builds the annual report from the web and downloads a DOCX in the official format."""

import datetime
import io

import docx
import pytest

from danchu.orgs.models import Membership
from danchu.reporting import actions

pytestmark = pytest.mark.django_db(transaction=True)


def test_clerk_builds_the_report_and_downloads_the_docx(page, world, login):
    signer = Membership.objects.get(person__user=world.head_a, organization=world.a)
    report = actions.create_report(
        world.a,
        world.period_2020,
        actor=world.clerk_a,
        report_date=datetime.date(2020, 11, 9),
        signer=signer,
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)\nLưu: VT",
    )
    login("clerk_a")
    page.click("nav.mainnav >> text=Báo cáo")
    with page.expect_navigation():
        page.click(f"a[href='/bao-cao/{report.uuid}/']")
    page.uncheck("input[name=format][value=xlsx]")
    with page.expect_navigation():
        page.click("button:has-text('Tạo tệp báo cáo')")
    page.wait_for_selector("#build-status:has-text('Hoàn thành')", timeout=30000)
    link = page.locator("main a[href*='/tep/']").first
    with page.expect_download() as info:
        link.click()
    content = open(info.value.path(), "rb").read()
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "Trà Vinh, ngày 09 tháng 11 năm 2020" in "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )
