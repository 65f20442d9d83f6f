import pytest

# The deadline rules are loaded by a data migration: a transactional test restores them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_clerk_computes_deadlines_and_fixes_a_bad_date(page, world, login):
    login("clerk_a")
    page.click("nav.mainnav >> text='Thời hạn'")
    page.select_option("#id_kind", "complaint")
    page.fill("#id_received", "2026-07-06")
    page.fill("#id_accepted", "2026-07-01")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "Ngày thụ lý không được trước ngày nhận đơn" in page.text_content("main")
    assert page.input_value("#id_received") == "2026-07-06"
    page.fill("#id_accepted", "2026-07-10")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    accept = page.locator("tr[data-step=accept]")
    assert "15/07/2026" in accept.text_content()
    assert "07 ngày làm việc" in accept.text_content()
    assert "10/08/2026" in page.locator("tr[data-step=resolve]").text_content()


def test_admin_adds_then_removes_a_day_off_with_confirmation(page, world, login):
    login("admin")
    page.goto(page.base + "/phap-ly/lich/2026/")
    page.fill("#id_date", "2026-07-10")
    page.select_option("#id_kind", "day_off")
    page.fill("#id_name", "Nghỉ bổ sung thử")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Nghỉ bổ sung thử" in page.text_content("#calendar-days")
    page.click('#calendar-days tr:has-text("Nghỉ bổ sung thử") >> text=Xóa')
    assert "Xóa điều chỉnh ngày 10/07/2026" in page.text_content("main")
    with page.expect_navigation():
        page.click("button.danger")
    assert "Nghỉ bổ sung thử" not in page.text_content("#calendar-days")
