import datetime

import pytest

from danchu.oversight import demo as oversight_demo
from danchu.oversight import stats
from danchu.oversight.models import Inspection, Outcome

Y2020 = (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))


@pytest.fixture
def figures(demo):
    return stats.stats_for(demo.orgs["TV.STTTT"], *Y2020)


def test_ten_inspections_four_led_six_joint(figures):
    assert figures["inspections_total"] == 10
    assert figures["inspections_led"] == 4
    assert figures["inspections_joint"] == 6


def test_thirty_four_subjects_three_seven_one_fifteen(figures):
    assert figures["inspection_subjects"] == 34
    assert figures["inspections_led_subjects"] == [3, 7, 1, 15]


def test_joint_inspections_by_partner(figures):
    partners = [{k: v for k, v in p.items() if k != "fields"} for p in figures["joint_by_partner"]]
    assert partners == [
        {"partner": "Công an tỉnh Trà Vinh", "inspections": 5, "subjects": 5},
        # The seed writes the partner "Trung tâm tần số vô tuyến điện khu vực IV".
        {"partner": "Trung tâm Tần số vô tuyến điện khu vực IV", "inspections": 1, "subjects": 3},
    ]
    assert figures["joint_by_partner"][1]["fields"] == ["Tần số vô tuyến điện"]


def test_led_inspections_keep_their_subject_matter(figures):
    led = figures["inspections_led_list"]
    assert [i["subjects"] for i in led] == [3, 7, 1, 15]
    assert "thuê bao di động" in led[0]["subject_line"] and "hoạt động in" in led[1]["subject_line"]


def test_administrative_inspection_names_its_target(figures):
    assert figures["administrative_list"] == [
        {
            "subject_line": figures["administrative_list"][0]["subject_line"],
            "field": "Tài chính, tài sản",
            "targets": ["Trung tâm Công nghệ Thông tin và Truyền thông"],
        }
    ]


def test_one_administrative_inspection_and_thirty_five_subjects_checked(figures):
    assert figures["administrative_inspections"] == 1
    assert figures["subjects_checked"] == 35


def test_violations_referrals_sanctions_and_fines(figures):
    assert figures["subjects_in_violation"] == 9
    assert figures["referrals"] == 3
    assert figures["referred_to"] == [{"body": "Thanh tra Bộ Thông tin và Truyền thông", "count": 3}]
    assert figures["sanction_decisions"] == 6
    assert figures["fines_vnd"] == 41_250_000
    # the seed's relation: every subject in violation was referred or sanctioned
    assert figures["referrals"] + figures["sanction_decisions"] == figures["subjects_in_violation"]


def test_party_oversight(figures):
    assert figures["party_inspections"] == 8
    assert figures["party_supervisions"] == 3
    assert figures["party_violations_found"] == 0
    assert figures["party_discipline_cases"] == 0
    assert figures["complaints_about_party_members"] == 0


def test_the_party_committee_alone_has_the_party_figures(demo):
    figures = stats.stats_for(demo.orgs["TV.STTTT.DU"], *Y2020)
    assert (figures["party_inspections"], figures["party_supervisions"]) == (8, 3)
    assert figures["inspections_total"] == 0


def test_other_years_and_other_agencies_are_not_counted(demo):
    assert (
        stats.stats_for(demo.orgs["TV.STTTT"], datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))[
            "inspections_total"
        ]
        == 0
    )
    other = stats.stats_for(demo.orgs["TV.SKHCN"], *Y2020)
    assert other["inspections_total"] == 2 and other["fines_vnd"] == 2_500_000


def test_the_province_consolidates_its_departments(demo):
    province = stats.stats_for(demo.orgs["TV"], *Y2020)
    assert province["inspections_total"] == 10 + 2 + 1
    assert province["administrative_inspections"] == 2


def test_records_behind_the_figures(demo):
    org = demo.orgs["TV.STTTT"]
    assert stats.records_for(org, *Y2020, "inspections_joint").count() == 6
    assert sum(o.fine_vnd for o in stats.records_for(org, *Y2020, "fines_vnd")) == 41_250_000
    assert stats.records_for(org, *Y2020, "subjects_in_violation").count() == 9
    with pytest.raises(ValueError):
        stats.records_for(org, *Y2020, "nonsense")


def test_stats_take_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        stats.stats_for(demo.orgs["TV"], *Y2020)


def test_demo_is_idempotent_and_uses_the_actions(demo):
    from danchu.audit.models import AuditEvent

    counts = (Inspection.objects.count(), Outcome.objects.count(), AuditEvent.objects.count())
    oversight_demo.load(demo)
    assert (Inspection.objects.count(), Outcome.objects.count(), AuditEvent.objects.count()) == counts
    assert AuditEvent.objects.filter(object_repr__startswith="KT-04/2020").exists()


def test_the_successor_body_has_its_2026_inspections_and_party_oversight(db):
    import time_machine

    from danchu.core.management.commands.demo import DemoContext
    from danchu.orgs import demo as orgs_demo

    with time_machine.travel("2026-11-27 09:00 +0700"):
        ctx = DemoContext()
        orgs_demo.load(ctx)
        oversight_demo.load(ctx)
        oversight_demo.load(ctx)
    f = stats.stats_for(ctx.orgs["VL.SKHCN"], datetime.date(2025, 12, 15), datetime.date(2026, 12, 14))
    assert (f["administrative_inspections"], f["inspections_led"], f["inspections_joint"]) == (1, 3, 3)
    assert (f["inspection_subjects"], f["subjects_in_violation"], f["referrals"]) == (28, 8, 2)
    assert (f["sanction_decisions"], f["fines_vnd"]) == (6, 57_500_000)
    assert (f["party_inspections"], f["party_supervisions"]) == (3, 2)
    assert (f["complaints_about_party_members"], f["party_discipline_cases"]) == (1, 0)
