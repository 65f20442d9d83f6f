"""A citizen submits on the public form and gets a code; the clerk sees the letter in the
worklist, classifies and assigns it; the handler accepts it."""

import re

import pytest

from danchu.petitions.models import Petition, Status

pytestmark = pytest.mark.django_db(transaction=True)


def test_citizen_submits_clerk_sees_it_handler_accepts(page, world, login, browser):
    # The citizen, on a phone-sized screen, without logging in.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/don-thu/gui/")
    page.select_option("#id_organization", label="Sở A — tỉnh Trà Vinh")
    page.select_option("#id_kind", "complaint")
    page.fill("#id_full_name", "Lê Thị Công Dân")
    page.fill("#id_address", "Ấp 3, xã Long Đức")
    page.fill("#id_subject", "Khiếu nại việc chậm cấp giấy phép")
    page.fill("#id_content", "Tôi nộp hồ sơ đã hai tháng mà chưa được giải quyết.")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    code = page.text_content("#tracking-code").strip()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    petition = Petition.objects.get()
    assert petition.tracking_code == code.replace("-", "")

    # The clerk sees it in the worklist, classifies it and assigns the handler.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()
    login("clerk_a")
    page.goto(page.base + "/don-thu/")
    assert "Khiếu nại việc chậm cấp giấy phép" in page.text_content("#worklist")
    page.click(f"text={petition.reference}")
    page.select_option("#id_classify-outcome", "accept")
    with page.expect_navigation():
        page.click("#action-classify button[type=submit]")
    page.select_option("#id_assign-handler", str(world.handler_a.pk))
    with page.expect_navigation():
        page.click("#action-assign button[type=submit]")

    # The handler accepts it (the confirmation dialog is accepted).
    page.context.clear_cookies()
    login("handler_a")
    page.goto(page.base + "/don-thu/")
    page.click(f"text={petition.reference}")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("#action-accept button[type=submit]")
    assert "Đang giải quyết" in page.text_content("#status")
    petition.refresh_from_db()
    assert petition.status == Status.ACCEPTED and petition.handler == world.handler_a
