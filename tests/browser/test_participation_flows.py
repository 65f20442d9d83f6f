"""The participation flows in Chromium: publish → acknowledge → who has not read; consult →
comment → published summary; conference check-in → quorum → vote → minutes DOCX."""

import datetime
import io

import docx
import pytest
from django.utils import timezone

from danchu.legal.frameworks import framework_for
from danchu.legal.models import Requirement
from danchu.participation import actions

# serialized_rollback keeps the legal catalogs of the data migrations between tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def switch_user(page, login, username):
    page.context.clear_cookies()
    return login(username)


def test_publish_acknowledge_and_see_who_has_not_read(page, world, login):
    today = timezone.localdate()
    requirement = Requirement.objects.get(framework=framework_for(today), area="disclosure", code="1")
    login("clerk_a")
    page.goto(page.base + "/dan-chu/cong-khai/moi/")
    page.fill("#id_title", "Kế hoạch công tác quý IV")
    page.select_option("#id_requirement", str(requirement.pk))
    page.fill("#id_decided_on", today.isoformat())
    page.check("input[name=channels][value=intranet]")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    with page.expect_navigation():
        page.click("#publish")
    assert len(asked) == 1 and asked[0].startswith("Công khai nội dung này?")  # one question, once
    assert "Đã công khai" in page.text_content(".messages")
    url = page.url

    switch_user(page, login, "staff_a")
    assert "Kế hoạch công tác quý IV" in page.text_content("main")  # the home panel: unread
    page.goto(url)
    with page.expect_navigation():
        page.click("#acknowledge")
    assert "đã xác nhận đọc" in page.text_content("main")

    switch_user(page, login, "clerk_a")
    page.goto(url)
    unread = page.text_content("#unread")
    assert "staff_a" not in unread and "handler_a" in unread
    with page.expect_navigation():
        page.click("#remind")
    assert "Đã nhắc 04 người" in page.text_content(".messages") or "Đã nhắc 4 người" in page.text_content(
        ".messages"
    )


def test_consult_comment_and_publish_the_summary(page, world, login):
    # Real dates, no time travel: the browser keeps its own clock for cookies.
    today = timezone.localdate()
    consultation = actions.create_consultation(
        organization=world.a,
        actor=world.clerk_a,
        title="Dự thảo Quy chế chi tiêu nội bộ",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=3),
        sections=[("Chương I. Quy định chung", ""), ("Chương II. Mức chi", "")],
    )
    url = f"{page.base}/dan-chu/lay-y-kien/{consultation.uuid}/"
    login("staff_a")
    page.goto(url)
    page.select_option("#id_section", label="Chương II. Mức chi")
    page.fill("#id_body", "Đề nghị tăng mức khoán công tác phí.")
    with page.expect_navigation():
        page.click("#comment-form button[type=submit]")
    assert "Đề nghị tăng mức khoán công tác phí." in page.text_content("#comments")

    # The consultation period ends.
    type(consultation).objects.filter(pk=consultation.pk).update(
        opens_on=today - datetime.timedelta(days=6), closes_on=today - datetime.timedelta(days=1)
    )
    switch_user(page, login, "clerk_a")
    page.goto(url)
    assert page.locator("#comment-form").count() == 0  # closed
    page.fill("#id_s-summary", "01 ý kiến về mức chi.")
    page.fill("#id_s-uptake", "Tiếp thu, điều chỉnh mức khoán.")
    with page.expect_navigation():
        page.click("#summary-form button[type=submit]")
    summary = page.text_content("#summary")
    assert "Kết quả lấy ý kiến" in summary and "Tiếp thu, điều chỉnh mức khoán." in summary


def test_conference_check_in_quorum_vote_and_minutes_docx(page, world, login):
    conference = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2025, held_on=datetime.date(2026, 1, 15)
    )
    login("clerk_a")
    page.goto(f"{page.base}/dan-chu/hoi-nghi/{conference.uuid}/")
    assert "Chưa đủ 2/3" in page.text_content("#quorum-status")
    boxes = page.locator("#checkin input[name=present]")
    for i in range(4):
        boxes.nth(i).check()
    with page.expect_navigation():
        page.click("#checkin button[type=submit]")
    assert page.text_content("#present-count") == "4"
    assert "Đủ 2/3" in page.text_content("#quorum-status")
    page.fill("#resolution-form #id_text", "Thông qua Quy chế chi tiêu nội bộ năm 2026")
    page.fill("#resolution-form #id_votes_for", "3")
    page.fill("#resolution-form #id_votes_against", "1")
    with page.expect_navigation():
        page.click("#resolution-form button[type=submit]")
    assert "Thông qua" in page.text_content("#resolutions")
    with page.expect_download() as download:
        page.click("#minutes-docx")
    document = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for t in document.tables for row in t.rows for cell in row.cells
    )
    assert "BIÊN BẢN" in text and "có mặt: 04" in text
    assert "Thông qua Quy chế chi tiêu nội bộ năm 2026" in text
