"""Every list with filters names an invalid filter value in Vietnamese on the page: never a 500,
never silently ignored (danchu.core.params.Filters, or the list's filter form)."""

import datetime

import pytest

from danchu.consolidation import actions as consolidation
from danchu.consolidation.models import TargetMode
from danchu.orgs.models import Organization, OrganizationKind

pytestmark = pytest.mark.django_db

CASES = [
    ("clerk_a", "/don-thu/tiep-cong-dan/?year=20x6", "Năm “20x6” không hợp lệ"),
    ("clerk_a", "/don-thu/tiep-cong-dan/?page=%C2%B2", "Số trang “²” không hợp lệ"),
    ("clerk_a", "/don-thu/thong-ke/?start=2026-13-01&end=2026-12-31", "Bộ lọc “Từ ngày”: ngày “2026-13-01”"),
    ("clerk_a", "/don-thu/thong-ke/?year=99999999999999999999", "Năm “99999999999999999999” không hợp lệ"),
    ("clerk_a", "/don-thu/thong-ke/reception_sessions/?page=x", "Số trang “x” không hợp lệ"),
    ("clerk_a", "/bao-cao/?status=nope", "Bộ lọc “"),
    ("clerk_a", "/bao-cao/?page=-1", "Số trang “-1” không hợp lệ"),
    ("officer", "/tong-hop/?period=khong-co", "Bộ lọc “Kỳ báo cáo”: giá trị “khong-co”"),
    ("officer", "/tong-hop/?page=abc", "Số trang “abc” không hợp lệ"),
    ("clerk_a", "/don-thu/?year=abc", "Năm “abc” không hợp lệ"),
    ("clerk_a", "/van-ban/?year=abc", "Năm “abc” không hợp lệ"),
]


@pytest.mark.parametrize("who, url, message", CASES)
def test_an_invalid_filter_is_named_on_the_page(world, client_for, who, url, message):
    response = client_for(getattr(world, who)).get(url, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_an_invalid_completeness_state_is_named(world, client_for):
    snv = Organization.objects.create(
        code="TV.SNV", name="Sở Nội vụ", short_name="SNV", kind=OrganizationKind.DEPARTMENT, parent=world.tv
    )
    req = consolidation.create_request(
        actor=world.officer,
        requesting_org=snv,
        reference="1/SNV",
        issued_on=datetime.date(2020, 11, 5),
        title="Báo cáo",
        period=world.period_2020,
        deadline=datetime.date(2020, 11, 13),
        target_mode=TargetMode.LIST,
        chosen=[world.a],
    )
    page = client_for(world.officer).get(f"/tong-hop/yeu-cau/{req.uuid}/?state=xyz").content.decode()
    assert "Bộ lọc “Tình trạng”: giá trị “xyz”" in page
