"""No link to a page the role cannot open, and labels rather than raw codes (issue 15)."""

import datetime
import io

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from danchu.consolidation.models import ScoringScheme
from danchu.consolidation.provincial import bar_chart
from danchu.core.xlsx import workbook_bytes


def test_org_page_names_an_ancestor_it_cannot_open_without_linking_it(world, client_for):
    body = client_for(world.clerk_a).get(reverse("orgs:detail", args=[world.a.code])).content.decode()
    assert "UBND tỉnh Trà Vinh" in body
    assert reverse("orgs:detail", args=[world.tv.code]) not in body
    assert client_for(world.clerk_a).get(reverse("orgs:detail", args=[world.tv.code])).status_code == 404
    admin = client_for(world.admin).get(reverse("orgs:detail", args=[world.a.code])).content.decode()
    assert reverse("orgs:detail", args=[world.tv.code]) in admin


def test_scoring_list_links_the_ranking_only_for_the_assessor(world, client_for):
    scheme = ScoringScheme.objects.create(province=world.tv, year=2020, name="Bộ tiêu chí 2020")
    ranking = reverse("consolidation:scheme", args=[scheme.uuid])
    clerk = client_for(world.clerk_a)
    body = clerk.get(reverse("consolidation:schemes")).content.decode()
    assert "Bộ tiêu chí 2020" in body and "Tự chấm" in body
    assert f'href="{ranking}"' not in body  # the self-assessment link starts with the same path
    assert clerk.get(ranking).status_code == 404
    assert (
        f'href="{ranking}"'
        in client_for(world.officer).get(reverse("consolidation:schemes")).content.decode()
    )


def test_recommendation_list_offers_sending_only_to_who_may_send(world, client_for):
    new = reverse("participation:recommendation_create")
    officer = client_for(world.officer)
    assert new not in officer.get(reverse("participation:recommendations")).content.decode()
    assert officer.get(new).status_code == 404
    assert new in client_for(world.staff_a).get(reverse("participation:recommendations")).content.decode()


def test_xlsx_dates_are_date_cells_in_dd_mm_yyyy_and_local_time():
    stamp = datetime.datetime(2026, 12, 1, 18, 6, tzinfo=datetime.UTC)
    data = workbook_bytes([("Sổ", ["Ngày", "Lúc", "Chữ"], [(datetime.date(2020, 4, 15), stamp, "=1+1")])])
    sheet = load_workbook(io.BytesIO(data)).active
    day, when, text = sheet[2]
    assert (
        day.is_date and day.value.date() == datetime.date(2020, 4, 15) and day.number_format == "DD/MM/YYYY"
    )
    local = timezone.localtime(stamp).replace(tzinfo=None)
    assert when.is_date and when.value == local and when.number_format == "DD/MM/YYYY HH:MM"
    assert text.value == "'=1+1"


def test_charts_name_agencies_in_full():
    name = "Sở Khoa học và Công nghệ tỉnh Trà Vinh và một tên rất dài"
    svg = bar_chart([(name, 3, None)], title="Đơn")
    assert f"<title>{name}: 3</title>" in svg and f'<th scope="row">{name}</th>' in svg
    assert "…" in svg


def test_the_trail_names_indicator_codes_of_recorded_figures():
    from danchu.audit.templatetags.audit import _plain_value

    text = _plain_value({"letters_received": 15, "staff_conference_rate": 93.5})
    assert "letters_received" not in text and "Tổng số đơn tiếp nhận: 15" in text
    assert "93,5" in text


def test_opening_the_address_a_form_posts_to_says_what_it_is(world, client_for, settings):
    """A GET to a POST-only view: Django answers 405 with an empty body; the person who typed or
    bookmarked the address reads, in Vietnamese, that it only takes a form's data and that nothing
    was stored. The status and its Allow header stay; the API keeps its own answers."""
    from danchu.reporting.models import Report

    client = client_for(world.clerk_a)
    response = client.get(reverse("reporting:create"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    body = response.content.decode()
    assert "Địa chỉ này chỉ nhận dữ liệu gửi từ biểu mẫu" in body
    assert "chưa có gì được lưu" in body and reverse("home") in body
    assert not Report.objects.exists()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("reporting:create"))
    assert english.status_code == 405 and "only takes the data a form sends" in english.content.decode()


def test_the_api_keeps_its_own_405(rf):
    """No route of the API answers a GET with 405 today (each POST path has a GET too), so the
    middleware is tried on its own: an API 405 passes through untouched, a page's is replaced."""
    from django.http import HttpResponseNotAllowed

    from danchu.core.middleware import MethodNotAllowedPageMiddleware

    middleware = MethodNotAllowedPageMiddleware(lambda request: HttpResponseNotAllowed(["POST"]))
    api = middleware(rf.get("/api/v1/petitions"))
    assert (api.status_code, api.content, api["Allow"]) == (405, b"", "POST")
    request = rf.get("/bao-cao/lap-moi/")
    request.user = AnonymousUser()
    page = middleware(request)
    assert page.status_code == 405 and page["Allow"] == "POST"
    assert "Địa chỉ này chỉ nhận dữ liệu gửi từ biểu mẫu" in page.content.decode()
