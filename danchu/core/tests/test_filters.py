"""The validated filter layer (danchu.core.params.Filters): a bad filter value is ignored with
a Vietnamese message on the page, never a 500 and never a silently empty list."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse

from danchu.core.params import Filters
from danchu.petitions import actions as petitions


def _filters(query):
    return Filters(RequestFactory().get("/", query))


@pytest.mark.parametrize("bad", ["0", "99999", "²", "-1", "20x0"])
def test_a_bad_year_is_ignored_with_a_message(bad):
    f = _filters({"year": bad})
    assert f.year("year") is None
    assert "Năm" in f.errors["year"] and "1900" in f.errors["year"]


def test_good_values_pass_and_leave_no_message():
    f = _filters({"year": "2020", "handler": "12", "kind": "a", "page": "3"})
    assert (f.year("year"), f.integer("handler"), f.choice("kind", ["a", "b"]), f.page()) == (
        2020,
        12,
        "a",
        "3",
    )
    assert f.errors == {}


def test_bad_integer_choice_and_page_are_reported():
    f = _filters({"handler": "abc", "kind": "zzz", "page": "99999999999999999999"})
    assert f.integer("handler", label="Người xử lý") is None
    assert f.choice("kind", ["a"], label="Loại") == ""
    assert f.page() == 1
    assert set(f.errors) == {"handler", "kind", "page"}
    assert "Người xử lý" in f.errors["handler"] and "abc" in f.errors["handler"]


def _letter(w):
    return petitions.register(
        w.a,
        actor=w.clerk_a,
        kind="feedback",
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        subject="Phản ánh đèn đường",
        content="Nội dung",
        identity={"full_name": "Người gửi", "address": "Trà Vinh"},
    )


@pytest.mark.parametrize(
    "query, words",
    [
        ({"year": "0"}, "Năm “0” không hợp lệ"),
        ({"year": "²"}, "Năm “²” không hợp lệ"),
        ({"handler": "abc"}, "Người xử lý"),
        ({"page": "99999999999999999999"}, "Số trang"),
        ({"kind": "nonsense"}, "Loại đơn"),
    ],
)
def test_worklist_says_which_filter_it_ignored(world, client_for, query, words):
    _letter(world)
    response = client_for(world.clerk_a).get(reverse("petitions:list"), query)
    body = response.content.decode()
    assert response.status_code == 200
    assert words in body
    assert "Phản ánh đèn đường" in body  # the bad filter is ignored, not an empty list


def test_registry_and_disclosures_report_a_bad_year(world, client_for):
    client = client_for(world.clerk_a)
    for url in (reverse("documents:list"), reverse("participation:disclosures")):
        response = client.get(url, {"year": "99999"})
        assert response.status_code == 200
        assert "Năm “99999” không hợp lệ" in response.content.decode(), url
