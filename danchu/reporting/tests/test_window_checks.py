"""Checks before sign-off that name the records counted after the report's date or outside the
request's data window, and the mandatory sections of the current-law report."""

import datetime

from danchu.consolidation import actions as consolidation_actions
from danchu.consolidation.models import TargetMode
from danchu.orgs.models import ReportingPeriod
from danchu.oversight import actions as oversight_actions
from danchu.oversight.models import Inspection, InspectionField, InspectionKind, InspectionMode
from danchu.reporting import actions
from danchu.reporting.checks import WARNING, WINDOW_MAX_QUERIES, run_checks, window_problems

D = datetime.date


def inspect(world, ref, start):
    return oversight_actions.save_inspection(
        Inspection(
            organization=world.a,
            ref=ref,
            kind=InspectionKind.SPECIALISED,
            mode=InspectionMode.LED,
            field=InspectionField.PRINTING,
            subject_line=f"Kiểm tra hoạt động in {ref}",
            start=start,
            end=start,
        ),
        actor=world.inspector_a,
    )


def by_code(problems):
    return {p.code: p for p in problems}


def test_records_after_the_report_date_are_named(draft, world):
    # The draft is dated 09/11/2020 and counts to 14/12/2020, like the seed.
    inspect(world, "KT-01", D(2020, 6, 1))  # before the report's date: not named
    for i, day in enumerate([D(2020, 11, 24), D(2020, 12, 1), D(2020, 12, 5), D(2020, 12, 10)], start=2):
        inspect(world, f"KT-{i:02d}", day)
    problem = by_code(window_problems(draft))["window:after-report-date"]
    assert problem.severity == WARNING and not problem.is_error
    assert "14/12/2020" in problem.message and "09/11/2020" in problem.message
    assert "Sổ thanh tra, kiểm tra: 4 cuộc thanh tra, kiểm tra chuyên ngành" in problem.message
    # The first few, in the register's order, then an ellipsis for the rest.
    assert problem.message.count("Kiểm tra hoạt động in KT-") == 3 and "…" in problem.message
    assert "KT-01 " not in problem.message
    assert problem.link.endswith("#settings")


def test_no_warning_when_the_window_ends_on_the_report_date(draft, world):
    inspect(world, "KT-01", D(2020, 11, 24))
    actions.update_settings(draft, actor=world.clerk_a, data_end=D(2020, 11, 9))
    draft.refresh_from_db()
    assert "window:after-report-date" not in by_code(window_problems(draft))


def test_records_outside_the_requests_window_are_named(draft, world):
    consolidation_actions.create_request(
        actor=world.officer,
        requesting_org=world.tv,
        reference="1457/SNV-XDCQCTTN",
        issued_on=D(2020, 11, 5),
        title="Báo cáo năm 2020",
        period=world.period_2020,
        deadline=D(2020, 11, 13),
        target_mode=TargetMode.LIST,
        chosen=[world.a],
        data_start=D(2019, 12, 15),
        data_end=D(2020, 11, 5),
    )
    inspect(world, "KT-01", D(2020, 11, 7))  # after the request's window, before the report's date
    problems = by_code(window_problems(draft))
    problem = problems["window:request"]
    assert problem.severity == WARNING
    assert "1457/SNV-XDCQCTTN" in problem.message and "05/11/2020" in problem.message
    assert "06/11/2020" in problem.message and "Kiểm tra hoạt động in KT-01" in problem.message
    assert "window:after-report-date" not in problems


def test_warnings_do_not_block_sign_off(draft, world):
    inspect(world, "KT-01", D(2020, 12, 1))
    problems = run_checks(draft, actions.report_data(draft))
    window = [p for p in problems if p.code.startswith("window:")]
    assert window and not any(p.is_error for p in window)


def test_window_checks_run_a_fixed_number_of_queries(draft, world, django_assert_max_num_queries):
    from danchu.activities import actions as activity_actions
    from danchu.activities.models import Contribution, Fund

    fund = activity_actions.save_fund(
        Fund(organization=world.a, name="Quỹ An sinh xã hội"), actor=world.clerk_a
    )
    for i in range(12):
        day = D(2020, 11, 10) + datetime.timedelta(days=i)
        inspect(world, f"KT-{i:02d}", day)
        activity_actions.save_contribution(
            Contribution(fund=fund, date=day, amount_vnd=100_000, contributor="Công đoàn"),
            actor=world.clerk_a,
        )
    with django_assert_max_num_queries(WINDOW_MAX_QUERIES):
        problems = window_problems(draft)
    message = problems[0].message
    assert "12 khoản đóng góp quỹ (Quỹ An sinh xã hội: 100.000 đ" in message


def test_current_law_report_needs_its_mandatory_sections(world):
    period = ReportingPeriod.objects.create(
        code="2026",
        name="Năm 2026",
        year=2026,
        start=D(2026, 1, 1),
        end=D(2026, 12, 31),
        cutoff_start=D(2025, 12, 15),
        cutoff_end=D(2026, 12, 14),
    )
    report = actions.new_report(world.a, period)
    report.report_date = D(2026, 12, 15)
    problems = by_code(run_checks(report, actions.report_data(report), {}))
    for key in ("overview", "leadership", "evaluation", "tasks"):
        assert problems[f"section:{key}"].is_error


def test_letters_are_named_by_reference_only(draft, world):
    from danchu.petitions.models import Petition
    from danchu.reporting.checks import records_between

    petition_fields = {f.name for f in Petition._meta.get_fields()}
    assert "reference" in petition_fields
    found = records_between(world.a, D(2020, 11, 10), D(2020, 12, 14))
    assert all(source != "petitions" or all(" — " not in t for t in shown) for source, _n, _c, shown in found)
