"""Playwright driving Debian's Chromium (/usr/bin/chromium); `playwright install` is never needed."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop; Django must allow ORM calls from the test body.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if os.environ.get("DANCHU_SKIP_BROWSER") == "1":
        pytest.skip("DANCHU_SKIP_BROWSER=1")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (make test does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10000)
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def login(page):
    def do(username, password="pw"):
        page.goto(page.base + "/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        assert page.url == page.base + "/", f"login as {username} failed"
        return page

    return do


@pytest.fixture
def sign_in(page):
    """sign_in(username): the browser gets a session of `username` made on the server, as the test
    client's force_login makes one, without the login page: for the tests of a page, not of signing
    in (`login` goes through the form; test_login.py and the end-to-end flows use it)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    def do(username):
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base}])
        return page

    return do
