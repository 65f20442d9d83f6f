"""The current-law outline and the report's text: the Law and the Decree cited by number, the
article numbers confirmed against the consolidated code, a straddling window says which law each
part follows, and sanction decisions are not listed as documents on grassroots democracy."""

import datetime
import io
import re

from docx import Document as Docx

from danchu.documents import actions as document_actions
from danchu.documents.models import Direction
from danchu.legal.frameworks import Framework
from danchu.orgs.models import ReportingPeriod
from danchu.oversight import actions as oversight_actions
from danchu.oversight.models import (
    Inspection,
    InspectionField,
    InspectionKind,
    InspectionMode,
    InspectionSubject,
    Outcome,
    OutcomeKind,
    SubjectType,
)
from danchu.reporting import actions
from danchu.reporting.content import build_context, framework_note
from danchu.reporting.indicators.compute import issued_documents
from danchu.reporting.outline import LAW_2022, spec

D = datetime.date

# Confirmed in the pháp điển headings (docs/legal.md): Chapter III of Luật 10/2022/QH15 is
# Art. 46–63; Nghị định 59/2023/NĐ-CP Art. 20–23 are the people's inspection board in agencies.
LAW_ARTICLES = set(range(46, 64))
DECREE_ARTICLES = set(range(20, 24))


def test_every_article_cited_in_a_heading_is_a_confirmed_one():
    cited = 0
    for section in LAW_2022:
        law_part, _sep, decree_part = section.heading.partition("; Điều")
        law = {int(n) for n in re.findall(r"Điều (\d+)", law_part)}
        decree = {int(n) for n in re.findall(r"(\d+)", ("Điều" + decree_part).split("Nghị định")[0])}
        assert law <= LAW_ARTICLES and decree <= DECREE_ARTICLES, section.heading
        cited += len(law) + len(decree)
    assert cited == 3 + 2 + 1 + 3 + 4 + 4 + 4


def test_disclosure_cites_content_forms_and_responsibility():
    heading = spec(Framework.LAW_2022, "disclosure").heading
    assert "Điều 46, Điều 47 và Điều 48" in heading
    assert spec(Framework.LAW_2022, "inspection_board").heading.count("Điều 6") == 4
    assert "Điều 51" in spec(Framework.LAW_2022, "conference").heading
    # The article of the six-monthly review is not confirmed: no number printed.
    assert "Điều" not in spec(Framework.LAW_2022, "resolution_review").heading


def test_sections_follow_the_order_of_chapter_three():
    keys = [s.key for s in LAW_2022]
    order = ["disclosure", "decisions", "conference", "consultation", "supervision", "inspection_board"]
    assert [k for k in keys if k in order] == order


def period(code, year, start, end):
    return ReportingPeriod.objects.create(
        code=code,
        name=f"Năm {year}",
        year=year,
        start=D(year, 1, 1),
        end=D(year, 12, 31),
        cutoff_start=start,
        cutoff_end=end,
    )


def docx_text(report):
    files = actions.render_files(report, ["docx"])
    doc = Docx(io.BytesIO(files["docx"][1]))
    return "\n".join(p.text for p in doc.paragraphs)


def test_current_law_report_cites_the_law_and_the_decree_by_number(world):
    report = actions.new_report(world.a, period("2026", 2026, D(2025, 12, 15), D(2026, 12, 14)))
    assert report.framework == Framework.LAW_2022
    text = docx_text(report)
    assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022" in text
    assert "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023" in text
    assert "Kết quả từ ngày" not in text  # the window does not straddle 01/07/2023


def test_a_window_that_straddles_the_law_says_which_law_each_part_follows(world):
    report = actions.new_report(world.a, period("2023", 2023, D(2022, 12, 15), D(2023, 12, 14)))
    note = framework_note(report)
    assert note.startswith(
        "Kết quả từ ngày 15/12/2022 đến ngày 30/06/2023 được thực hiện theo Nghị định số 04/2015/NĐ-CP"
    )
    assert (
        "từ ngày 01/07/2023 đến ngày 14/12/2023 theo Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in note
    )
    assert note in docx_text(report)


def test_no_note_for_a_window_under_one_law(draft):
    assert framework_note(draft) == ""
    assert "Kết quả từ ngày" not in docx_text(draft)


def test_sanction_decisions_are_not_documents_on_grassroots_democracy(world):
    plan = document_actions.create_document(
        actor=world.clerk_a,
        organization=world.a,
        direction=Direction.ISSUED,
        kind="KH",
        number="18",
        symbol="KH-A",
        issued_on=D(2020, 3, 25),
        issuer_org=world.a,
        issuer_name=world.a.name,
        subject="Kế hoạch thực hiện dân chủ ở cơ sở năm 2020",
    )
    sanction = document_actions.create_document(
        actor=world.clerk_a,
        organization=world.a,
        direction=Direction.ISSUED,
        kind="QĐ",
        number="12",
        symbol="QĐ-XPVPHC",
        issued_on=D(2020, 6, 26),
        issuer_org=world.a,
        issuer_name=world.a.name,
        subject="Quyết định xử phạt vi phạm hành chính đối với Cơ sở in X",
    )
    inspection = oversight_actions.save_inspection(
        Inspection(
            organization=world.a,
            ref="KT-01",
            kind=InspectionKind.SPECIALISED,
            mode=InspectionMode.LED,
            field=InspectionField.PRINTING,
            subject_line="Kiểm tra hoạt động in",
            start=D(2020, 6, 8),
        ),
        actor=world.inspector_a,
    )
    subject = oversight_actions.save_subject(
        InspectionSubject(
            inspection=inspection,
            name="Cơ sở in X",
            subject_type=SubjectType.ORGANISATION,
            in_violation=True,
            violation="Không đăng ký hoạt động.",
        ),
        actor=world.inspector_a,
    )
    oversight_actions.save_outcome(
        Outcome(
            subject=subject,
            kind=OutcomeKind.SANCTION_DECISION,
            decision=sanction,
            fine_vnd=10_000_000,
            date=D(2020, 6, 26),
        ),
        actor=world.inspector_a,
    )
    listed = [d["ref"] for d in issued_documents(world.a, D(2019, 12, 15), D(2020, 12, 14))["government"]]
    assert plan.ref in listed and sanction.ref not in listed


def test_online_service_labels_of_the_figure_table_follow_the_period(draft, world):
    old = {r["code"]: r["label"] for r in build_context(draft, actions.report_data(draft))["figures"]}
    assert "mức độ 3, 4" in old["online_services_l34"]
    report = actions.new_report(world.a, period("2026", 2026, D(2025, 12, 15), D(2026, 12, 14)))
    new = {r["code"]: r["label"] for r in build_context(report, actions.report_data(report))["figures"]}
    assert new["online_services_l34"] == "Dịch vụ công trực tuyến (toàn trình và một phần)"
