"""The participation lists read their GET parameters through the validated filter layer
(danchu.core.params.Filters): an invalid value is named on the page in Vietnamese, never a 500
and never silently ignored, and the valid filters still apply."""

import datetime
import re

import pytest
import time_machine

from danchu.legal.models import Requirement
from danchu.orgs.models import Membership, Organization, OrganizationKind, Person
from danchu.participation import actions
from danchu.participation.models import Channel

D = datetime.date
pytestmark = pytest.mark.django_db
NOW = "2024-03-20 09:00 +0700"

CASES = [
    ("clerk_a", "/dan-chu/cong-khai/?page=%C2%B2", "Số trang “²” không hợp lệ"),
    ("officer", "/dan-chu/tuan-thu/?year=abc", "Năm “abc” không hợp lệ"),
    ("officer", "/dan-chu/tuan-thu/?year=%C2%B2", "Năm “²” không hợp lệ"),
    ("officer", "/dan-chu/tuan-thu/?year=99999999999999999999", "Năm “99999999999999999999” không hợp lệ"),
    ("officer", "/dan-chu/tuan-thu/?year=1999", "Năm “1999” nằm ngoài khoảng 2000–2025"),
    ("officer", "/dan-chu/tuan-thu/?year=2020&framework=xyz", "Bộ lọc “Khung pháp lý”: giá trị “xyz”"),
    (
        "officer",
        "/dan-chu/tuan-thu/?year=2020&framework=law_2022",
        "Bộ lọc “Khung pháp lý”: giá trị “law_2022”",
    ),
    ("officer", "/dan-chu/thong-ke/?year=20x6", "Năm “20x6” không hợp lệ"),
    ("officer", "/dan-chu/thong-ke/?year=2999", "Năm “2999” không hợp lệ"),
    ("clerk_a", "/dan-chu/lay-y-kien/?page=%C2%B2", "Số trang “²” không hợp lệ"),
    ("clerk_a", "/dan-chu/lay-y-kien/?page=abc", "Số trang “abc” không hợp lệ"),
    ("clerk_a", "/dan-chu/bieu-quyet/?page=-1", "Số trang “-1” không hợp lệ"),
    ("clerk_a", "/dan-chu/hoi-nghi/?page=0", "Số trang “0” không hợp lệ"),
    ("clerk_a", "/dan-chu/kien-nghi/?page=99999999999999999999", "Số trang “99999999999999999999”"),
    ("clerk_a", "/dan-chu/kien-nghi/tra-cuu/?code=AB%24%25", "Mã tra cứu “AB$%” không hợp lệ"),
    ("clerk_a", "/dan-chu/kien-nghi/tra-cuu/?code=%C2%B2%C2%B3", "Mã tra cứu “²³” không hợp lệ"),
    ("clerk_a", "/dan-chu/kien-nghi/tra-cuu/?code=" + "A" * 17, "Mã tra cứu “" + "A" * 17 + "” không hợp lệ"),
]


@pytest.mark.parametrize("who, url, message", CASES)
def test_an_invalid_filter_is_named_on_the_page(world, client_for, who, url, message):
    with time_machine.travel(NOW):
        response = client_for(getattr(world, who)).get(url)
    assert response.status_code == 200
    assert message in response.content.decode()


def disclose(world, req, framework, code, decided_on, published_on, title):
    d = actions.create_disclosure(
        organization=world.a,
        actor=world.clerk_a,
        title=title,
        requirement=req(framework, code),
        decided_on=decided_on,
        channels=[Channel.INTRANET],
    )
    return actions.publish_disclosure(d, actor=world.clerk_a, published_on=published_on)


def test_the_compliance_year_still_applies_and_a_bad_one_shows_this_year(world, req, client_for):
    with time_machine.travel(NOW):
        d = disclose(world, req, "nd04_2015", "4", D(2020, 3, 9), D(2020, 3, 10), "Nâng bậc lương")
        client = client_for(world.officer)
        in_2020 = client.get("/dan-chu/tuan-thu/?year=2020").content.decode()
        in_2021 = client.get("/dan-chu/tuan-thu/?year=2021").content.decode()
        bad = client.get("/dan-chu/tuan-thu/?year=abc").content.decode()
    assert f"/dan-chu/cong-khai/{d.uuid}/" in in_2020 and "không hợp lệ" not in in_2020
    assert f"/dan-chu/cong-khai/{d.uuid}/" not in in_2021
    assert "năm 2024" in bad and f"/dan-chu/cong-khai/{d.uuid}/" not in bad


def test_the_year_the_law_came_into_force_offers_both_frameworks(world, req, client_for):
    old = {r.title for r in Requirement.objects.of("nd04_2015", "disclosure")}
    new = {r.title for r in Requirement.objects.of("law_2022", "disclosure")}
    only_old, only_new = sorted(old - new)[0], sorted(new - old)[0]
    with time_machine.travel(NOW):
        client = client_for(world.officer)
        default = client.get("/dan-chu/tuan-thu/?year=2023").content.decode()
        chosen = client.get("/dan-chu/tuan-thu/?year=2023&framework=nd04_2015").content.decode()
        bad = client.get("/dan-chu/tuan-thu/?year=2023&framework=nope").content.decode()
    assert only_new in default and only_old not in default and 'name="framework"' in default
    assert only_old in chosen and only_new not in chosen
    assert "Bộ lọc “Khung pháp lý”: giá trị “nope”" in bad and only_new in bad


def test_the_statistics_year_still_applies(world, req, client_for):
    with time_machine.travel(NOW):
        client = client_for(world.officer)
        page = client.get("/dan-chu/thong-ke/?year=2020").content.decode()
        bad = client.get("/dan-chu/thong-ke/?year=2020x").content.decode()
    assert "không hợp lệ" not in page and "2020" in page
    assert "Năm “2020x” không hợp lệ" in bad


def test_an_invalid_page_shows_the_first_page_and_a_valid_one_applies(world, client_for):
    with time_machine.travel(NOW):
        for year in range(1995, 2022):  # 27 conferences: two pages of 25
            actions.create_conference(
                organization=world.a, actor=world.clerk_a, year=year, held_on=D(year + 1, 1, 15)
            )
        client = client_for(world.clerk_a)
        first = client.get("/dan-chu/hoi-nghi/?page=%C2%B2").content.decode()
        second = client.get("/dan-chu/hoi-nghi/?page=2").content.decode()
    assert "Số trang “²” không hợp lệ" in first and "không hợp lệ" not in second
    links = re.compile(r"/dan-chu/hoi-nghi/([0-9a-f-]{36})/")
    assert len(set(links.findall(first))) == 25 and len(set(links.findall(second))) == 2


def big_conference(world):
    """Sở A's 5 personas, 60 people in its office and 40 in a new division: 105 staff."""
    division = Organization.objects.create(
        code="TV.A.KT", name="Phòng Kỹ thuật", short_name="KT", kind=OrganizationKind.OFFICE, parent=world.a
    )
    people = Person.objects.bulk_create(
        [Person(full_name=f"Văn phòng {i:03d}") for i in range(60)]
        + [Person(full_name=f"Kỹ thuật {i:03d}") for i in range(40)]
    )
    Membership.objects.bulk_create(
        [
            Membership(person=p, organization=world.a_unit if p.full_name.startswith("Văn") else division)
            for p in people
        ]
    )
    c = actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=D(2020, 1, 15)
    )
    return c, division


def test_the_delegates_filters_are_validated_and_still_apply(
    world, client_for, django_assert_max_num_queries
):
    c, division = big_conference(world)
    client = client_for(world.clerk_a)
    url = f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/"
    in_unit = client.get(url, {"unit": division.pk}).content.decode()
    assert "Kỹ thuật 000" in in_unit and "Văn phòng 000" not in in_unit and "không hợp lệ" not in in_unit
    second = client.get(url, {"page": "2"}).content.decode()
    assert "Văn phòng 010" in second and "Kỹ thuật 000" not in second
    found = client.get(url, {"q": "Kỹ thuật 012"}).content.decode()
    assert "Kỹ thuật 012" in found and "Kỹ thuật 013" not in found
    with django_assert_max_num_queries(16):
        response = client.get(url, {"unit": "999999", "only": "maybe", "page": "²", "q": "Văn\x00"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bộ lọc “Đơn vị”: giá trị “999999”" in body
    assert "Bộ lọc “Lọc”: giá trị “maybe”" in body
    assert "Số trang “²” không hợp lệ" in body
    assert "Văn phòng 000" in body  # the name search without its NUL byte still applies
    assert client.get(url, {"unit": "abc"}).status_code == 200
    actions.set_delegates(c, actor=world.clerk_a, person_ids=sorted(p.pk for p in Person.objects.filter(
        full_name__startswith="Kỹ thuật")))  # fmt: skip
    chosen = client.get(url, {"only": "chosen"}).content.decode()
    assert "Kỹ thuật 000" in chosen and "Văn phòng 000" not in chosen


def test_a_save_with_a_bad_filter_names_it_once(world, client_for):
    c, division = big_conference(world)
    client = client_for(world.clerk_a)
    url = f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/?only=maybe"
    response = client.post(url, {"shown": [], "action": "save"}, follow=True)
    assert response.content.decode().count("Bộ lọc “Lọc”: giá trị “maybe”") == 1


def test_the_code_look_up_still_finds_what_was_typed_loosely(world, client_for):
    rec = actions.send_recommendation(
        organization=world.a,
        actor=world.staff_a,
        addressee="head",
        subject="Công khai chi hội nghị",
        body="Đề nghị.",
    )
    client = client_for(world.staff_a)
    typed = " " + "-".join([rec.tracking_code[:5].lower(), rec.tracking_code[5:]]) + " "
    page = client.get("/dan-chu/kien-nghi/tra-cuu/", {"code": typed}).content.decode()
    assert "Công khai chi hội nghị" in page and "không hợp lệ" not in page
    missing = client.get("/dan-chu/kien-nghi/tra-cuu/", {"code": "ABCDEF0123"}).content.decode()
    assert "Không tìm thấy kiến nghị" in missing
    nul = client.get("/dan-chu/kien-nghi/tra-cuu/", {"code": "AB\x00CD"})
    assert nul.status_code == 200


@pytest.mark.parametrize(
    "who, url",
    [
        ("officer", "/dan-chu/tuan-thu/?year=abc&framework=x"),
        ("officer", "/dan-chu/thong-ke/?year=%C2%B2"),
        ("clerk_a", "/dan-chu/cong-khai/?page=%C2%B2&year=x&kind=y"),
        ("clerk_a", "/dan-chu/lay-y-kien/?page=x"),
        ("clerk_a", "/dan-chu/bieu-quyet/?page=x"),
        ("clerk_a", "/dan-chu/hoi-nghi/?page=x"),
        ("clerk_a", "/dan-chu/kien-nghi/?page=x"),
        ("clerk_a", "/dan-chu/kien-nghi/tra-cuu/?code=%24"),
    ],
)
def test_invalid_filters_keep_the_fixed_query_count(
    world, client_for, django_assert_max_num_queries, who, url
):
    client = client_for(getattr(world, who))
    with time_machine.travel(NOW):
        client.get(url.split("?")[0])  # the session and the caches, as on any later visit
        with django_assert_max_num_queries(20):
            response = client.get(url)
    assert response.status_code == 200 and "không hợp lệ" in response.content.decode()
