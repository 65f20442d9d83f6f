import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_wrong_password_says_so_in_vietnamese_and_keeps_the_username(page, world):
    page.goto(page.base + "/dang-nhap/")
    page.fill("#id_username", "clerk_a")
    page.fill("#id_password", "wrong")
    with page.expect_navigation():
        page.click("button.btn")
    assert "không đúng" in page.text_content("p.errorlist")
    assert page.input_value("#id_username") == "clerk_a"


def test_login_shows_the_home_page_of_the_users_organisation(page, world, login):
    login("clerk_a")
    assert "Sở A" in page.text_content("h1")
