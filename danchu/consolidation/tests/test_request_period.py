"""A province request can create its period when it does not exist yet."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from danchu.audit.models import AuditEvent
from danchu.consolidation import actions
from danchu.consolidation.models import ReportRequest, TargetMode
from danchu.orgs.models import PeriodKind, ReportingPeriod

pytestmark = pytest.mark.django_db
D = dt.date


def _request(world, snv, actor, **kw):
    return actions.create_request(
        actor=actor,
        requesting_org=snv,
        reference=kw.pop("reference", "2150/SNV-XDCQ"),
        issued_on=D(2026, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026",
        period=None,
        deadline=D(2026, 12, 10),
        target_mode=TargetMode.LIST,
        chosen=[world.a],
        **kw,
    )


def test_the_request_creates_the_year_with_the_default_cutoff(world, snv):
    req = _request(world, snv, world.officer, new_period={"kind": PeriodKind.ANNUAL, "year": 2026})
    period = ReportingPeriod.objects.get(code="2026")
    assert req.period == period
    assert (req.data_start, req.data_end) == (D(2025, 12, 15), D(2026, 12, 14))
    assert AuditEvent.objects.filter(verb="thêm kỳ báo cáo", object_id=str(period.pk)).exists()


def test_an_existing_period_is_reused(world, snv):
    req = _request(world, snv, world.officer, new_period={"kind": PeriodKind.ANNUAL, "year": 2020})
    assert req.period == world.period_2020
    assert ReportingPeriod.objects.filter(year=2020).count() == 1


def test_a_half_year_request_creates_its_period(world, snv):
    req = _request(
        world, snv, world.officer, new_period={"kind": PeriodKind.HALF_YEAR, "year": 2026, "part": 1}
    )
    assert (req.period.code, req.period.cutoff_end) == ("2026-H1", D(2026, 6, 14))


def test_a_clerk_cannot_make_a_request_nor_its_period(world, snv):
    with pytest.raises(PermissionDenied):
        _request(world, snv, world.clerk_a, new_period={"kind": PeriodKind.ANNUAL, "year": 2026})
    assert not ReportingPeriod.objects.filter(code="2026").exists()


def test_the_request_form_creates_the_period(world, snv, client_for):
    response = client_for(world.officer).post(
        "/tong-hop/yeu-cau/moi/",
        {
            "requesting_org": snv.pk,
            "reference": "2150/SNV-XDCQ",
            "issued_on": "2026-11-05",
            "title": "Báo cáo năm 2026",
            "period": "",
            "period_kind": "annual",
            "period_year": "2026",
            "deadline": "2026-12-10",
            "target_mode": "list",
            "chosen": [world.a.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ReportRequest.objects.get(reference="2150/SNV-XDCQ").period.code == "2026"


def test_the_form_asks_for_a_period_or_a_year(world, snv, client_for):
    response = client_for(world.officer).post(
        "/tong-hop/yeu-cau/moi/",
        {
            "requesting_org": snv.pk,
            "reference": "X/SNV",
            "issued_on": "2026-11-05",
            "title": "T",
            "deadline": "2026-12-10",
            "target_mode": "list",
            "chosen": [world.a.pk],
        },
    )
    assert response.status_code in (200, 400)
    assert "Chọn kỳ báo cáo, hoặc ghi năm để tạo kỳ mới." in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_an_overflowing_organisation_id_is_a_form_error_not_a_500(world, snv, client_for):
    response = client_for(world.officer).post(
        "/tong-hop/yeu-cau/moi/",
        {
            "requesting_org": snv.pk,
            "reference": "2151/SNV-XDCQ",
            "issued_on": "2026-11-05",
            "title": "Báo cáo năm 2026",
            "period_kind": "annual",
            "period_year": "2026",
            "deadline": "2026-12-10",
            "target_mode": "list",
            "chosen": ["99999999999999999999"],
        },
    )
    assert response.status_code in (200, 400)
    assert "2151/SNV-XDCQ" in response.content.decode()  # what the user typed is kept
    assert not ReportRequest.objects.exists()
