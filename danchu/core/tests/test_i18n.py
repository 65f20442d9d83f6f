"""The English catalog: the language cookie switches the UI, Vietnamese stays the default."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

ENGLISH_PAGES = [
    ("home", ["Log out", "Home", "Disclosed content you have not read"]),
    ("documents:list", ["Export to Excel", "Filter"]),
    ("petitions:list", ["Petitions", "Nearest deadline"]),
    ("participation:disclosures", ["Disclose new content", "Statistics"]),
    ("reporting:list", ["Grassroots democracy report", "Prepare a new report"]),
]


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_login_page_renders_in_english_with_the_cookie(client):
    response = english(client).get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    for word in ("Log in", "Username", "Password"):
        assert word in html
    assert "Đăng nhập" not in html


def test_login_page_is_vietnamese_without_the_cookie(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html and "Mật khẩu" in html
    assert "Password" not in html


@pytest.mark.parametrize(("url_name", "words"), ENGLISH_PAGES)
def test_app_pages_render_in_english_with_the_cookie(world, client_for, url_name, words):
    response = english(client_for(world.head_a)).get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    for word in words:
        assert word in html, word
    assert "Đăng xuất" not in html
    # The switch offers Vietnamese back under its own name.
    assert 'value="vi"' in html and "Tiếng Việt" in html


@pytest.mark.parametrize("url_name", [name for name, _ in ENGLISH_PAGES])
def test_app_pages_stay_vietnamese_by_default(world, client_for, url_name):
    response = client_for(world.head_a).get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    assert "Đăng xuất" in html and "Log out" not in html


def test_browser_language_is_ignored(world, client_for):
    html = client_for(world.head_a).get("/", headers={"accept-language": "en"}).content.decode()
    assert "Đăng xuất" in html


def test_language_switch_sets_the_cookie_and_switches_back(world, client_for):
    client = client_for(world.head_a)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Log out" in client.get("/").content.decode()

    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Đăng xuất" in client.get("/").content.decode()


def test_catalog_has_no_untranslated_or_fuzzy_entries():
    path = settings.LOCALE_PATHS[0] / "en" / "LC_MESSAGES" / "django.po"
    entries = path.read_text(encoding="utf-8").split("\n\n")[1:]  # the first block is the header
    assert len(entries) > 1000
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    empty = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""\n(?!")', e + "\n", re.MULTILINE)]
    assert fuzzy == []
    assert empty == []
