import datetime
from decimal import Decimal

import pytest

from danchu.activities import demo as activities_demo
from danchu.activities import stats
from danchu.activities.models import AdministrativeProcedure, Contribution

Y2020 = (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))


@pytest.fixture
def figures(demo):
    return stats.stats_for(demo.orgs["TV.STTTT"], *Y2020)


def test_campaigns_on_the_party_congress_and_covid(figures):
    by_topic = {c["topic"]: c for c in figures["campaigns"]}
    congress = next(c for t, c in by_topic.items() if t.startswith("Đại hội"))
    covid = next(c for t, c in by_topic.items() if "Covid-19" in t)
    assert (congress["articles"], congress["documents"], congress["banners"]) == (72, 19, 2)
    assert (covid["articles"], covid["documents"], covid["banners"]) == (136, 16, 0)
    assert figures["campaign_articles"] == 72 + 136
    assert figures["campaign_documents"] == 19 + 16
    assert figures["campaign_banners"] == 2


def test_funds(figures):
    amounts = {f["fund"]: f["amount_vnd"] for f in figures["funds"]}
    assert amounts == {
        "Quỹ An sinh xã hội tỉnh": 14_193_000,
        "Quỹ Mái ấm Công đoàn": 5_450_000,
        "Ủng hộ phòng, chống dịch Covid-19 và hạn hán, xâm nhập mặn": 4_611_500,
    }
    assert figures["fund_contributions_vnd"] == 14_193_000 + 5_450_000 + 4_611_500


def test_procedures_and_online_services(figures):
    assert figures["procedures_posted"] == 37
    assert figures["procedures_posted_by_channel"] == {
        "portal": 37,
        "website": 37,
        "notice_board": 37,
        "service_centre": 37,
    }
    assert figures["online_services_l34"] == 37
    assert figures["online_services_l4"] == 29


def test_officials_at_the_public_service_centre(figures):
    assert figures["service_centre_officials"] == 2


def test_staffing_quotas_and_reduction(figures):
    assert figures["staff_quota_civil_servants"] == 28
    assert figures["staff_quota_public_employees"] == 28
    assert figures["staff_reduction_civil_servants"] == 4
    assert figures["staff_reduction_public_employees"] == 4
    assert figures["staff_reduction_count"] == 8
    assert figures["staff_reduction_pct"] == Decimal("12.5")


def test_activity_log_has_the_security_team_and_incident_plan(figures):
    titles = [a["title"] for a in figures["activities"]]
    assert any("Đội ứng cứu sự cố" in t for t in titles)
    assert any("Phương án ứng phó sự cố" in t for t in titles)
    assert figures["activity_log_entries"] == 3


def test_other_agencies_have_their_own_figures(demo):
    other = stats.stats_for(demo.orgs["TV.SKHCN"], *Y2020)
    assert other["fund_contributions_vnd"] == 6_800_000
    assert other["procedures_posted"] == 0
    assert other["staff_quota_civil_servants"] == 30


def test_an_empty_period_gives_zeros(demo):
    empty = stats.stats_for(demo.orgs["TV.STTTT"], datetime.date(2015, 1, 1), datetime.date(2015, 12, 31))
    assert empty["campaigns"] == [] and empty["fund_contributions_vnd"] == 0
    assert empty["staff_reduction_pct"] is None and empty["procedures_posted"] == 0


def test_a_procedure_that_ended_before_the_period_is_not_counted(demo):
    AdministrativeProcedure.objects.filter(code="STTTT-01").update(valid_to=datetime.date(2019, 12, 31))
    assert stats.stats_for(demo.orgs["TV.STTTT"], *Y2020)["procedures_posted"] == 36


def test_records_behind_the_figures(demo):
    org = demo.orgs["TV.STTTT"]
    assert stats.records_for(org, *Y2020, "online_services_l4").count() == 29
    assert sum(c.amount_vnd for c in stats.records_for(org, *Y2020, "funds")) == 24_254_500
    with pytest.raises(ValueError):
        stats.records_for(org, *Y2020, "nonsense")


def test_stats_take_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        stats.stats_for(demo.orgs["TV"], *Y2020)


def test_demo_is_idempotent(demo):
    from danchu.audit.models import AuditEvent

    before = (
        Contribution.objects.count(),
        AdministrativeProcedure.objects.count(),
        AuditEvent.objects.count(),
    )
    activities_demo.load(demo)
    assert (
        Contribution.objects.count(),
        AdministrativeProcedure.objects.count(),
        AuditEvent.objects.count(),
    ) == before


def test_the_successor_body_has_its_2026_activities(db):
    import time_machine

    from danchu.core.management.commands.demo import DemoContext
    from danchu.orgs import demo as orgs_demo

    with time_machine.travel("2026-11-27 09:00 +0700"):
        ctx = DemoContext()
        orgs_demo.load(ctx)
        activities_demo.load(ctx)
        activities_demo.load(ctx)
    s = stats.stats_for(ctx.orgs["VL.SKHCN"], datetime.date(2025, 12, 15), datetime.date(2026, 12, 14))
    assert (s["procedures_posted"], s["online_services_l34"], s["online_services_l4"]) == (26, 24, 12)
    assert (s["staff_quota_civil_servants"], s["staff_quota_public_employees"]) == (23, 12)
    assert s["staff_reduction_count"] == 3
    assert (s["campaign_articles"], s["campaign_documents"]) == (147, 27)
    assert s["fund_contributions_vnd"] == 16_350_000
    assert s["service_centre_officials"] == 2
