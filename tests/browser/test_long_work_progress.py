"""Long work says it is working: the button disables and reads "Đang xử lý…" with a spinner and a
live status line while the server works, and a build that runs as a task has a page that
refreshes until it is done.

To look at the page while the server would be working, the test holds the navigation back: a
listener added after danchu.js cancels the first submit (the page then shows what it shows while
waiting), and once checked the form is sent for real."""

import datetime
import io

import pytest
from openpyxl import Workbook

from danchu.orgs.models import Membership
from danchu.reporting import actions

pytestmark = pytest.mark.django_db(transaction=True)


def _report(world):
    signer = Membership.objects.get(person__user=world.head_a, organization=world.a)
    return actions.create_report(
        world.a,
        world.period_2020,
        actor=world.clerk_a,
        report_date=datetime.date(2020, 11, 9),
        signer=signer,
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)\nLưu: VT",
    )


def _hold(page):
    """Cancel the next form submission after danchu.js has seen it; `release()` sends it."""
    page.evaluate(
        """() => window.addEventListener('submit', (e) => { e.preventDefault(); window.heldForm = e.target; },
        {once: true})"""
    )

    def release():
        page.evaluate("() => HTMLFormElement.prototype.submit.call(window.heldForm)")

    return release


def _assert_busy(page, form_selector, text):
    # A navigation is pending (its request is held): read the page that is still shown.
    state = page.evaluate(
        """(selector) => {
        const form = document.querySelector(selector);
        const button = form.querySelector('button[type=submit]');
        const status = form.querySelector('[role=status]');
        return {
            busy: form.getAttribute('aria-busy'),
            disabled: button.disabled,
            label: button.textContent,
            spinners: button.querySelectorAll('.spinner').length,
            status: status ? status.textContent : null,
            bars: status ? status.querySelectorAll('progress').length : 0,
        };
    }""",
        form_selector,
    )
    assert state["busy"] == "true" and state["disabled"], state
    assert text in state["label"] and state["spinners"] == 1, state
    assert state["status"] and text in state["status"] and state["bars"] == 1, state


def test_building_the_report_shows_progress_then_a_refreshing_status_page(page, world, login):
    report = _report(world)
    login("clerk_a")
    page.goto(f"{page.base}/bao-cao/{report.uuid}/")
    release = _hold(page)
    selector = "form[action$='/tao-tep/']"
    if page.locator(selector).count() == 0:
        selector = "form:has(input[name=format])"
    page.uncheck("input[name=format][value=xlsx]")
    page.click(f"{selector} button[type=submit]", no_wait_after=True)
    page.wait_for_timeout(200)
    _assert_busy(page, selector, "Đang xử lý…")
    with page.expect_navigation():
        release()
    # The build runs as a task: its page shows a progress bar and refreshes until it is done.
    assert page.locator("progress#build-progress").count() == 1
    page.wait_for_selector("#build-status:has-text('Hoàn thành')", timeout=30000)
    assert page.locator("meta[http-equiv=refresh]").count() == 0


def test_importing_a_register_file_says_it_is_reading(page, world, login, tmp_path):
    book = Workbook()
    book.active.append(["Số hiệu", "Hình thức", "Cơ quan phối hợp", "Lĩnh vực", "Nội dung", "Ngày bắt đầu"])
    book.active.append(["KT-01/2020", "Chủ trì", "", "Thuê bao", "Kiểm tra", "2020-03-02"])
    path = tmp_path / "thanh-tra.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    login("clerk_a")
    page.goto(page.base + "/thanh-tra/dot-thanh-tra/")
    page.click("text=Nhập từ tệp XLSX/CSV")
    page.set_input_files("#id_file", str(path))
    selector = "form:has(#id_file)"
    release = _hold(page)
    page.click(f"{selector} button[type=submit]", no_wait_after=True)
    page.wait_for_timeout(200)
    _assert_busy(page, selector, "Đang đọc tệp nhập…")
    with page.expect_navigation():
        release()
    assert "Tệp thanh-tra.xlsx" in page.inner_text("main")  # the server read it and answered


def test_a_link_that_consolidates_shows_it_is_working(page, world, login):
    """A GET link that starts long work (data-busy): the spinner and a status line appear."""
    login("clerk_a")
    page.goto(page.base + "/")
    page.evaluate(
        """() => {
        const a = document.createElement('a');
        a.href = '#slow'; a.id = 'slow'; a.className = 'btn';
        a.dataset.busy = 'Đang tổng hợp số liệu…'; a.textContent = 'Tổng hợp';
        document.querySelector('main').appendChild(a);
    }"""
    )
    page.click("#slow")
    link = page.locator("#slow")
    assert link.get_attribute("aria-busy") == "true"
    assert "Đang tổng hợp số liệu…" in link.inner_text() and link.locator(".spinner").count() == 1
    assert page.locator("[role=status]:has-text('Đang tổng hợp số liệu…')").count() == 1
