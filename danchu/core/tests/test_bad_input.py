"""Issue 14 item 10: bad parameters answer with the page, never a 500 (the every-URL walk in
tests/test_every_url.py sends each class to every list and form over the demo data)."""

import pytest
from django.urls import reverse

from danchu.core import params
from danchu.core.paginator import CappedPaginator
from danchu.orgs.models import Organization


@pytest.mark.parametrize(
    "raw,expected",
    [("2020", 2020), ("0", None), ("99999", None), ("²", None), ("99999999999999999999", None), ("", None)],
)
def test_years_are_ascii_digits_within_range(raw, expected):
    assert params.year_or_none(raw) == expected


def test_integers_refuse_superscripts_and_overflow():
    assert params.int_or_none("12") == 12
    assert params.int_or_none("²") is None and params.int_or_none("١٢") is None
    assert params.int_or_none("99999999999999999999") is None
    assert params.ints(["1", "²", "abc", "3", "99999999999999999999"]) == {1, 3}


def test_a_page_number_past_any_database_offset_shows_the_last_page(db, world):
    page = CappedPaginator(Organization.objects.order_by("pk"), 2).get_page("99999999999999999999")
    assert page.number == page.paginator.num_pages and len(page.object_list) >= 1


@pytest.mark.parametrize(
    "query",
    [
        "year=0",
        "year=99999",
        "year=%C2%B2",
        "handler=%C2%B2",
        "handler=99999999999999999999",
        "page=99999999999999999999",
        "q=%00",
        "q=ab%00cd",
    ],
)
def test_the_petition_worklist_takes_any_parameter(world, client_for, query):
    response = client_for(world.clerk_a).get(reverse("petitions:list") + "?" + query)
    assert response.status_code == 200


def test_a_nul_in_the_path_is_no_page(world, client_for):
    assert client_for(world.clerk_a).get("/co-quan/%00/").status_code == 404


def test_a_nul_in_a_posted_field_is_dropped_not_a_500(world, client_for):
    response = client_for(world.clerk_a).post(
        reverse("petitions:register"),
        {"kind": "feedback", "subject": "Đường\x00 ngập", "content": "x\x00"},
    )
    assert response.status_code in (200, 302, 400)


def test_an_overflowing_choice_in_a_multiple_choice_field_is_a_message(world, client_for):
    import datetime

    from danchu.petitions import actions

    actions.register(
        world.a,
        actor=world.clerk_a,
        kind="feedback",
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        subject="Đường ngập",
        content="Đề nghị sửa cống.",
        identity={"full_name": "Lê Văn Dân"},
    )
    response = client_for(world.clerk_a).post(
        reverse("petitions:reception_create"),
        {
            "held_on": "2026-03-02",
            "official_name": "Lê Văn Tiếp",
            "visits": "1",
            "people": "1",
            "matters": "1",
            "answered_on_the_spot": "99999999999999999999",
            "letters": ["99999999999999999999"],
        },
    )
    assert response.status_code in (200, 400)
    assert "errorlist" in response.content.decode()
