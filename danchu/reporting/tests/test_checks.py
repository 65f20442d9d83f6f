"""Checks before sign-off, sentences, aggregation, templates and query counts."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danchu.reporting import actions, rendering, sentences
from danchu.reporting.checks import run_checks, validation_problems
from danchu.reporting.indicators import BY_CODE, INDICATORS, IndicatorValue, ReportData, aggregate


def data_with(**values):
    base = {i.code: IndicatorValue(i.code, 0) for i in INDICATORS}
    for code, value in values.items():
        base[code] = IndicatorValue(code, value)
    return ReportData(values=base)


def codes(problems):
    return {p.code for p in problems}


def test_validation_rules(draft):
    data = data_with(
        complaints_received=2,
        complaints_answered=3,
        online_services_l34=10,
        online_services_l4=12,
        subjects_checked=5,
        subjects_in_violation=6,
        inspection_subjects=4,
        administrative_subjects=1,
        referrals=1,
        sanction_decisions=1,
    )
    found = codes(validation_problems(draft, data))
    assert {"rule:complaints_answered", "rule:online_services_l4", "rule:subjects_in_violation"} <= found
    assert "rule:subjects_checked" not in found  # 5 = 4 + 1


def test_consistent_figures_pass(draft):
    data = data_with(
        letters_received=3,
        complaints_received=3,
        complaints_answered=2,
        subjects_checked=2,
        inspection_subjects=2,
    )
    assert validation_problems(draft, data) == []


def test_problems_link_to_where_they_are_fixed(draft):
    problems = validation_problems(draft, data_with(online_services_l4=2))
    assert problems[0].link.endswith(f"/bao-cao/{draft.uuid}/#ind-online_services_l4")


def test_wrong_citation_date_is_flagged(draft, world):
    from danchu.documents.models import Direction, Document

    Document.objects.create(
        direction=Direction.EXTERNAL,
        kind="PL",
        number="34",
        symbol="2007/PL-UBTVQH11",
        issued_on=datetime.date(2007, 4, 20),
        issuer_name="Ủy ban Thường vụ Quốc hội",
        subject="Thực hiện dân chủ ở xã, phường, thị trấn",
    )
    actions.save_section(
        draft,
        "overview",
        "Quán triệt Pháp lệnh số 34/2007/PL-UBTVQH11, ngày 05/4/2007 của Ủy ban Thường vụ Quốc hội.",
        actor=world.clerk_a,
    )
    problems = [p for p in run_checks(draft, actions.report_data(draft)) if p.code.startswith("ref:")]
    assert len(problems) == 1 and problems[0].is_error
    assert "05/04/2007" in problems[0].message and "20/04/2007" in problems[0].message
    assert problems[0].link.endswith("#section-overview")


def test_the_seed_date_is_flagged_and_the_demo_report_was_signed_after_fixing_it(demo_report, demo):
    # The demo clerk corrected the seed's date of Pháp lệnh 34/2007 before signing.
    demo_report.refresh_from_db()
    assert demo_report.status == "submitted"
    assert not any(
        p.code.startswith("ref:") for p in run_checks(demo_report, actions.report_data(demo_report))
    )
    # Written again as the seed writes it, the citation is flagged.
    head = demo.users["stttt.pgd"]
    draft = actions.start_correction(demo_report, actor=head, reason="Bổ sung số liệu")
    section = draft.sections.exclude(text="").first()
    actions.save_section(
        draft, section.key, section.text + " Pháp lệnh số 34/2007/PL-UBTVQH11, ngày 05/4/2007.", actor=head
    )
    problems = run_checks(draft, actions.report_data(draft))
    assert any(p.code == "ref:34/2007/PL-UBTVQH11" for p in problems)


def test_mandatory_sections(draft, world):
    actions.save_section(draft, "tasks", "", actor=world.clerk_a)
    assert "section:tasks" in codes(run_checks(draft, actions.report_data(draft)))


def test_zero_reads_naturally():
    text = sentences.petitions(data_with(letters_received=0))[0]
    assert "không tiếp nhận" in text
    text = sentences.party_oversight(data_with(party_inspections=8, party_supervisions=0))[0]
    assert "08 cuộc kiểm tra; không tổ chức cuộc giám sát chuyên đề nào" in text
    assert "không có trường hợp phải thi hành kỷ luật Đảng" in text


def test_petition_sentence():
    data = data_with(
        letters_received=15,
        complaints_received=3,
        complaints_answered=2,
        complaints_in_progress=1,
        denunciations_received=0,
        feedback_received=12,
        feedback_not_eligible=12,
    )
    text = sentences.petitions(data)[0]
    assert text.startswith("Tiếp nhận 15 đơn")
    assert (
        "03 đơn khiếu nại (ban hành 02 văn bản trả lời công dân, 01 đơn đang trong quá trình giải quyết)"
        in text
    )
    assert "không có đơn tố cáo" in text


def test_aggregation_is_ratio_of_sums():
    rows = [
        {"staff_conferences_held": 1, "staff_conferences_required": 1, "letters_received": 3},
        {"staff_conferences_held": 0, "staff_conferences_required": 3, "letters_received": 4},
    ]
    totals = aggregate(rows)
    assert totals["letters_received"] == 7
    assert totals["staff_conference_rate"] == 25  # 1/4, not the mean of 100% and 0%
    assert BY_CODE["fines_vnd"].format(41250000) == "41.250.000 đồng"


def test_broken_template_names_the_faulty_tag(draft):
    from docx import Document

    from danchu.reporting.sample import sample_context
    from danchu.reporting.templating import template_bytes

    doc = Document(io.BytesIO(template_bytes("annual_democracy", "nd04_2015")))
    doc.add_paragraph("{%p for x in s.overview  %}")  # a loop never closed
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    with pytest.raises(rendering.RenderError) as err:
        rendering.render_template(buffer, sample_context("nd04_2015"))
    assert "Mẫu báo cáo bị lỗi" in str(err.value)


def test_unknown_variable_is_named(draft):
    from docx import Document

    from danchu.reporting.sample import sample_context
    from danchu.reporting.templating import template_bytes

    doc = Document(io.BytesIO(template_bytes("annual_democracy", "law_2022")))
    doc.add_paragraph("{{ so_lieu_khong_co }}")
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    with pytest.raises(rendering.RenderError, match="so_lieu_khong_co"):
        rendering.render_template(buffer, sample_context("law_2022"))


def test_default_templates_render_both_frameworks(draft):
    from danchu.reporting.sample import sample_context

    for framework in ("nd04_2015", "law_2022"):
        path = rendering.default_template_path("annual_democracy", framework)
        with open(path, "rb") as fh:
            assert rendering.render_template(fh, sample_context(framework))[:2] == b"PK"


def _build_queries(report):
    with CaptureQueriesContext(connection) as ctx:
        actions.render_files(report, ["docx", "xlsx"])
    return len(ctx.captured_queries)


def test_build_queries_do_not_grow_with_the_data(draft, world):
    from danchu.documents.models import Direction, Document
    from danchu.oversight.models import PartyOversight, PartyOversightKind

    body = PartyOversight._meta.get_field("body").choices[0][0]

    def add(n, start):
        for i in range(start, start + n):
            PartyOversight.objects.create(
                organization=world.a,
                kind=PartyOversightKind.INSPECTION,
                body=body,
                subject=f"KT {i}",
                date="2020-05-01",
            )
            Document.objects.create(
                organization=world.a,
                issuer_org=world.a,
                direction=Direction.ISSUED,
                kind="KH",
                number=str(100 + i),
                symbol="KH-SA",
                issued_on=datetime.date(2020, 5, 2),
                issuer_name="Sở A",
                subject=f"Kế hoạch {i}",
            )

    add(1, 0)
    _build_queries(draft)  # warm the per-process caches (content types, calendars)
    before = _build_queries(draft)
    add(20, 1)
    assert _build_queries(draft) == before
    assert before < 40
