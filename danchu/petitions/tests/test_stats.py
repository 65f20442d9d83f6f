"""Statistics reproduce the seed's 2020 figures from the demo records, in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse

from danchu.core.management.commands.demo import DemoContext
from danchu.orgs import demo as orgs_demo
from danchu.petitions import actions
from danchu.petitions import demo as petitions_demo
from danchu.petitions.models import Petition
from danchu.petitions.stats import petition_stats, records_for

D = datetime.date
Y2020 = (D(2020, 1, 1), D(2020, 12, 31))


@pytest.fixture
def demo(demo_data):
    return demo_data("petitions")


def test_demo_reproduces_the_seed_2020_figures(demo):
    s = petition_stats(demo.orgs["TV.STTTT"], *Y2020)
    assert s["letters_received"] == 15
    assert (s["complaints_received"], s["complaints_answered"], s["complaints_in_progress"]) == (3, 2, 1)
    assert (s["denunciations_received"], s["denunciations_not_eligible"], s["denunciations_in_progress"]) == (
        2,
        1,
        1,
    )
    assert (s["feedback_received"], s["feedback_answered"], s["feedback_not_eligible"]) == (10, 4, 6)
    assert s["resolution_rate_pct"] == 100 and s["in_progress"] == 2
    assert s["reception_sessions"] > 0 and s["reception_people"] >= s["reception_visits"] > 0
    assert sum(s["by_channel"].values()) == 15


def test_duplicates_are_not_double_counted(demo):
    org = demo.orgs["TV.STTTT"]
    assert Petition.objects.filter(organization=org, received_on__year=2020).count() == 16
    assert records_for(org, *Y2020, "letters_received").count() == 15


def test_demo_is_idempotent(demo):
    before = Petition.objects.count()
    petitions_demo.load(demo)
    assert Petition.objects.count() == before


def test_records_for_backs_each_figure(demo):
    org = demo.orgs["TV.STTTT"]
    s = petition_stats(org, *Y2020)
    for key in (
        "complaints_answered",
        "feedback_not_eligible",
        "in_progress",
        "resolution_base",
        "reception_visits",
    ):
        qs = records_for(org, *Y2020, key)
        if key == "reception_visits":
            assert sum(r.visits for r in qs) == s[key]
        else:
            assert qs.count() == s[key], key


def test_carried_over_and_in_progress_across_years(demo):
    org = demo.orgs["TV.STTTT"]
    s2021 = petition_stats(org, D(2021, 1, 1), D(2021, 12, 31))
    assert s2021["carried_over"] == 2 and s2021["answered"] == 2 and s2021["in_progress"] == 0


def test_stats_over_the_subtree_in_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    org = demo.orgs["TV"]
    with django_assert_max_num_queries(2):
        petition_stats(org, *Y2020)


def test_live_2026_cases_have_due_soon_and_overdue(demo):
    today = datetime.date.today()
    cases = Petition.objects.filter(organization=demo.orgs["VL.SKHCN"], handler=demo.users["stttt.xuly"])
    assert cases.overdue(today).count() == 1
    from danchu.legal.calendar import add_working_days

    assert cases.open().filter(next_due__gte=today, next_due__lte=add_working_days(today, 3)).count() >= 2


def _at_sttt(demo, client):
    """The director also holds a role in the successor (VL.SKHCN), where he lands by default:
    work on the 2020 records at the ceased Sở TT-TT, as the switcher would."""
    from danchu.orgs.middleware import SESSION_KEY

    client.force_login(demo.users["stttt.giamdoc"])
    session = client.session
    session[SESSION_KEY] = demo.orgs["TV.STTTT"].pk
    session.save()


def test_statistics_page_shows_the_rate_and_its_definition(demo, client):
    _at_sttt(demo, client)
    body = client.get(reverse("petitions:stats") + "?year=2020").content.decode()
    assert "100%" in body and "hạn giải quyết rơi vào kỳ" in body


def test_statistics_drill_down_lists_the_records(demo, client):
    _at_sttt(demo, client)
    url = reverse("petitions:stats_records", args=["feedback_answered"]) + "?start=2020-01-01&end=2020-12-31"
    assert client.get(url).content.decode().count("ĐT-2020-") == 4


def test_a_new_letter_moves_the_figures(demo):
    org = demo.orgs["TV.STTTT"]
    actions.register(
        org,
        actor=demo.users["stttt.vanthu"],
        kind="feedback",
        channel="phone",
        received_on=D(2020, 12, 20),
        subject="Thêm",
        content="Thêm",
        identity={"full_name": "B"},
    )
    s = petition_stats(org, *Y2020)
    assert s["letters_received"] == 16 and s["feedback_in_progress"] == 1


Y2026 = (D(2025, 12, 15), D(2026, 12, 14))


def test_demo_gives_the_successor_body_a_2026_year_beside_its_live_cases(db):
    import time_machine

    with time_machine.travel("2026-11-27 09:00 +0700"):
        ctx = DemoContext()
        orgs_demo.load(ctx)
        petitions_demo.load(ctx)
        count = Petition.objects.count()
        petitions_demo.load(ctx)
        assert Petition.objects.count() == count
        s = petition_stats(ctx.orgs["VL.SKHCN"], *Y2026)
    # The year's letters (fixed dates) with their outcomes; the six live cases are still open.
    assert (s["complaints_answered"], s["complaints_not_eligible"]) == (3, 1)
    assert (s["denunciations_answered"], s["denunciations_not_eligible"]) == (2, 1)
    assert (s["feedback_answered"], s["feedback_not_eligible"]) == (6, 3)
    assert s["letters_received"] == 16 + 6 and s["in_progress"] == 6
    assert s["resolved_on_time"] == s["answered"] == 11
    assert s["overdue"] >= 1
    assert s["reception_sessions"] == 9 and s["reception_answered_on_the_spot"] > 0
