"""One-time voting codes in Chromium: print the sheet, vote at the kiosk, see "phiếu bằng mã"."""

import datetime

import pytest
from django.utils import timezone

from danchu.participation import actions
from danchu.participation.models import VoteKind

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_print_codes_vote_at_the_kiosk_and_count_code_ballots(page, world, login):
    today = timezone.localdate()
    vote = actions.create_vote(
        organization=world.a,
        actor=world.clerk_a,
        title="Chọn đồng phục",
        kind=VoteKind.OPTIONS,
        secret=True,
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
        options=["Áo xanh", "Áo trắng"],
    )
    login("clerk_a")
    page.goto(page.base + f"/dan-chu/bieu-quyet/{vote.uuid}/")
    with page.expect_navigation():
        page.click("#codes-link")
    page.fill("#id_count", "2")
    with page.expect_navigation():
        page.click("#code-form button[type=submit]")
    codes = [c.strip() for c in page.locator(".code-slip .code").all_text_contents()]
    assert len(codes) == 2
    page.emulate_media(media="print")
    assert not page.locator(".topbar").is_visible() and page.locator("#code-sheet").is_visible()
    page.emulate_media(media="screen")

    page.goto(page.base + f"/dan-chu/bieu-quyet/{vote.uuid}/kiosk/")
    assert page.locator(".mainnav").count() == 0  # no menu on the kiosk
    page.fill("#id_code", codes[0].lower())
    page.check("input[name=option] >> nth=1")
    with page.expect_navigation():
        page.click("#kiosk-form button[type=submit]")
    assert "Đã ghi nhận phiếu" in page.text_content(".messages")
    page.fill("#id_code", codes[0])
    page.check("input[name=option] >> nth=0")
    with page.expect_navigation():
        page.click("#kiosk-form button[type=submit]")
    assert "đã được sử dụng" in page.text_content("main")

    page.goto(page.base + f"/dan-chu/bieu-quyet/{vote.uuid}/")
    assert "Trong đó 1 phiếu bằng mã" in page.text_content("#turnout")
