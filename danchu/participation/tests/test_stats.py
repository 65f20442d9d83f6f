"""The seed's figures come out of the demo records (the orgs loader, then ours)."""

import datetime

import pytest
import time_machine

from danchu.orgs import demo as orgs_demo
from danchu.participation import demo
from danchu.participation.models import Consultation, Disclosure, StaffConference, Vote
from danchu.participation.stats import records_for, stats_for

pytestmark = pytest.mark.django_db
START, END = datetime.date(2019, 12, 15), datetime.date(2020, 12, 14)
TODAY = "2026-11-27 09:00 +0700"


@pytest.fixture
def ctx(demo_data):
    """The orgs demo then ours, loaded at TODAY (once per session, restored into each test)."""
    return demo_data("participation", at=TODAY)


def test_stats_reproduce_the_seed(ctx, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        s = stats_for(ctx.orgs["TV.STTTT"], START, END)
    assert s["items_posted"] == 82 + 19
    assert sorted(p["item_count"] for p in s["items_posted_list"]) == [19, 82]
    assert (s["conferences_held_by_required"], s["conferences_required"], s["conference_rate_pct"]) == (
        2,
        2,
        100.0,
    )
    assert s["dissemination_coverage_pct"] == 100.0 and s["dissemination_audience"] == 2 * 56
    assert s["disclosures_on_time_pct"] == 100.0
    assert s["consultations_held"] == 1 and s["comments_received"] == 12
    assert s["board_recommendations_answered_on_time"] == s["board_recommendations"] == 1
    assert {c["code"] for c in s["disclosures_by_category"]} >= {"4", "5", "7", "9"}
    assert set(s["disclosures_by_channel"]) >= {"intranet", "notice_board", "conference", "website"}
    assert records_for(ctx.orgs["TV.STTTT"], START, END, "conferences_required").count() == 2
    assert records_for(ctx.orgs["TV.STTTT"], START, END, "items_posted").count() == 2


def test_demo_is_idempotent_and_has_a_live_consultation_and_vote(ctx):
    counts = (Disclosure.objects.count(), Consultation.objects.count(), Vote.objects.count())
    with time_machine.travel(TODAY):
        orgs_demo.load(ctx)
        demo.load(ctx)
        assert (Disclosure.objects.count(), Consultation.objects.count(), Vote.objects.count()) == counts
        vl = ctx.orgs["VL.SKHCN"]
        assert Vote.objects.get(organization=vl).phase() == "open"
        live = Consultation.objects.get(
            organization=vl, title__startswith="Dự thảo Quy chế thực hiện dân chủ"
        )
        assert live.phase() == "open"


def test_demo_gives_the_successor_body_a_2026_year_under_the_current_law(ctx):
    vl = ctx.orgs["VL.SKHCN"]
    s = stats_for(vl, datetime.date(2025, 12, 15), datetime.date(2026, 12, 14))
    assert s["disclosures_total"] >= 15
    assert {c["framework"] for c in s["disclosures_by_category"]} == {"law_2022"}
    assert "intranet" in s["disclosures_by_channel"]
    assert 0 < s["disseminated_to"] < s["dissemination_audience"]
    assert s["consultations_held"] == 2 and s["comments_received"] >= 14
    assert s["conferences_held_by_required"] == s["conferences_required"] == 1
    assert s["resolutions_passed"] == 4
    assert s["board_recommendations_answered_on_time"] == 1
    conference = StaffConference.objects.get(organization=vl, year=2025)
    assert conference.held_on.month <= 3
    assert 3 * conference.present_at_close >= 2 * conference.summoned_count
    assert conference.board.count() == 3
    review = conference.follow_ups.order_by("due_on").first()
    assert review.done_on is not None and review.result


def test_stats_and_compliance_pages_run_fixed_queries(ctx, client_for, django_assert_max_num_queries):
    from danchu.orgs.middleware import SESSION_KEY

    client = client_for(ctx.users["stttt.vanthu"])
    session = client.session
    session[SESSION_KEY] = ctx.orgs["TV.STTTT"].pk  # she lands on the successor by default
    session.save()
    with time_machine.travel(TODAY):
        with django_assert_max_num_queries(20):
            assert client.get("/dan-chu/thong-ke/?year=2020").status_code == 200
        with django_assert_max_num_queries(20):
            page = client.get("/dan-chu/tuan-thu/?year=2020").content.decode()
    assert "Chưa công khai" in page and "Đã công khai" in page
