"""Demo: Sở Nội vụ's request of 2020 (Công văn 1457/SNV-XDCQCTTN of 05/11/2020, deadline 13/11/2020)
to four departments, with answers in every state, and a scoring scheme with self-scores and
the officer's scores.

- TV.STTTT answers on time with the report written in danchu from its registers (reporting's demo
  report, taken through review, signature and submission by reporting's own actions).
- TV.SKHCN answers on time, is returned for contradicting figures, and resubmits a corrected version.
- TV.STP answers late.
- TV.SGDDT does not answer.
The figures of the other departments are invented, plausible values.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from danchu.core.officialdoc import OfficialDocument

from . import actions
from .models import Assessment, ReportRequest, ScoringScheme, Submission, TargetMode

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REFERENCE = "1457/SNV-XDCQCTTN"


def at(day, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)


# Figures the agencies entered from their own reports (invented for the demo).
SKHCN_V1 = {
    "letters_received": 6,  # contradicts 2 + 1 + 2 = 5: the reason it is returned
    "complaints_received": 2,
    "complaints_answered": 2,
    "denunciations_received": 1,
    "denunciations_answered": 1,
    "feedback_received": 2,
    "feedback_answered": 2,
    "petitions_due": 3,
    "petitions_resolved": 3,
    "inspections_total": 5,
    "inspections_led": 3,
    "inspections_joint": 2,
    "inspection_subjects": 12,
    "subjects_checked": 12,
    "subjects_in_violation": 2,
    "referrals": 0,
    "sanction_decisions": 2,
    "fines_vnd": 15000000,
    "online_services_l34": 24,
    "online_services_l4": 10,
    "staff_conferences_held": 1,
    "staff_conferences_required": 1,
    "staff_reached": 34,
    "staff_total": 34,
    "campaign_articles": 40,
    "staff_reduced_total": 2,
    "staff_reduction_base": 36,
}
SKHCN_V2 = {**SKHCN_V1, "letters_received": 5}
STP = {
    "letters_received": 9,
    "complaints_received": 4,
    "complaints_answered": 3,
    "complaints_in_progress": 1,
    "denunciations_received": 1,
    "denunciations_answered": 1,
    "feedback_received": 4,
    "feedback_answered": 4,
    "petitions_due": 5,
    "petitions_resolved": 4,
    "complaint_resolution_rate": 90,  # rate that does not match its parts (4/5 = 80%)
    "inspections_total": 4,
    "inspections_led": 4,
    "inspections_joint": 0,
    "inspection_subjects": 9,
    "subjects_checked": 9,
    "subjects_in_violation": 1,
    "referrals": 1,
    "sanction_decisions": 0,
    "fines_vnd": 0,
    "online_services_l34": 31,
    "online_services_l4": 18,
    "staff_conferences_held": 1,
    "staff_conferences_required": 1,
    "staff_reached": 28,
    "staff_total": 30,
    "campaign_articles": 25,
    "staff_reduced_total": 3,
    "staff_reduction_base": 32,
}

CRITERIA = [
    (
        "1",
        "Lãnh đạo, chỉ đạo, ban hành kế hoạch thực hiện dân chủ ở cơ sở",
        15,
        [
            ("1.1", "Ban hành kế hoạch, kiện toàn Ban Chỉ đạo", 10),
            ("1.2", "Kiểm tra, sơ kết việc thực hiện", 5),
        ],
    ),
    ("2", "Xây dựng và thực hiện quy chế dân chủ trong hoạt động của cơ quan", 20, []),
    ("3", "Công khai thông tin cho cán bộ, công chức, viên chức", 20, []),
    ("4", "Tổ chức hội nghị cán bộ, công chức, viên chức", 15, []),
    ("5", "Tiếp nhận, giải quyết đơn thư khiếu nại, tố cáo, phản ánh, kiến nghị", 15, []),
    ("6", "Chế độ thông tin, báo cáo đúng hạn, đầy đủ", 15, []),
]
BANDS = [("Tốt", 80), ("Khá", 65), ("Trung bình", 50), ("Yếu", 0)]
# org code -> (self-scores by criterion number, officer scores or None, bonus)
SCORES = {
    "TV.STTTT": (
        {"1.1": 10, "1.2": 5, "2": 19, "3": 19, "4": 14, "5": 13, "6": 15},
        {"1.1": 10, "1.2": 4.5, "2": 18, "3": 18, "4": 14, "5": 12, "6": 15},
        2,
    ),
    "TV.SKHCN": (
        {"1.1": 9, "1.2": 4, "2": 17, "3": 18, "4": 13, "5": 13, "6": 14},
        {"1.1": 9, "1.2": 4, "2": 16, "3": 17, "4": 13, "5": 12, "6": 11},
        0,
    ),
    "TV.STP": ({"1.1": 8, "1.2": 4, "2": 15, "3": 16, "4": 12, "5": 11, "6": 12}, None, 0),
}


def _docx_bytes(title):
    """A small DOCX standing in for the agency's uploaded report (built, not downloaded)."""
    doc = OfficialDocument()
    doc.paragraph(title)
    return doc.to_bytes()


def _upload(request, org, values, actor, when, note=""):
    upload = SimpleUploadedFile(
        f"bao-cao-qcdc-2020-{org.short_name.lower()}.docx",
        _docx_bytes(f"Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2020 — {org.name}"),
    )
    return actions.submit_upload(
        request, org, actor=actor, uploaded_file=upload, values=values, note=note, submitted_at=when
    )


def _submit_stttt(ctx, request, when):
    """Take reporting's demo report through review, signature and submission with reporting's own
    actions, then answer the request with it. Its checks flag the citation of Pháp lệnh
    34/2007 with the seed's wrong date: the clerk corrects it first, as a clerk would."""
    from danchu.reporting import actions as reporting_actions
    from danchu.reporting.models import ReportStatus

    report = ctx.reports["TV.STTTT/2020"]
    report.refresh_from_db()
    org = ctx.orgs["TV.STTTT"]
    clerk, head = ctx.users["stttt.vanthu"], ctx.users["stttt.pgd"]
    if report.status == ReportStatus.DRAFT:
        for section in report.sections.filter(text__contains="05/4/2007"):
            reporting_actions.save_section(
                report, section.key, section.text.replace("05/4/2007", "20/4/2007"), actor=clerk
            )
        report = reporting_actions.mark_reviewed(report, actor=clerk)
    if report.status == ReportStatus.REVIEWED:
        report = reporting_actions.sign(report, actor=head)
    if report.status == ReportStatus.SIGNED:
        report = reporting_actions.submit(report, actor=head)
    return actions.submit_report(
        request, org, report, actor=clerk, note="Gửi kèm báo cáo đã ký số.", submitted_at=when
    )


def load(ctx):
    orgs, users, period = ctx.orgs, ctx.users, ctx.periods["2020"]
    officer = users["snv.chuyenvien"]
    snv = orgs["TV.SNV"]
    request = ReportRequest.objects.filter(requesting_org=snv, reference=REFERENCE).first()
    if request is None:
        from danchu.documents import actions as document_actions
        from danchu.documents.models import Direction, Document

        document = Document.objects.alive().filter(organization=snv, ref=REFERENCE).first()
        if document is None:
            # Entered as the system: the demo has no clerk of Sở Nội vụ keeping its registry.
            document = document_actions.create_document(
                actor=None,
                organization=snv,
                direction=Direction.ISSUED,
                kind="CV",
                number="1457",
                symbol="SNV-XDCQCTTN",
                issued_on=datetime.date(2020, 11, 5),
                issuer_name="Sở Nội vụ tỉnh Trà Vinh",
                subject="Về việc báo cáo kết quả xây dựng, thực hiện Quy chế dân chủ ở cơ sở năm 2020",
            )
        request = actions.create_request(
            actor=officer,
            requesting_org=snv,
            reference=REFERENCE,
            issued_on=datetime.date(2020, 11, 5),
            title="Báo cáo kết quả xây dựng, thực hiện Quy chế dân chủ ở cơ sở năm 2020",
            period=period,
            data_start=period.cutoff_start,
            data_end=datetime.date(2020, 11, 5),
            deadline=datetime.date(2020, 11, 13),
            target_mode=TargetMode.LIST,
            chosen=[orgs[c] for c in ("TV.STTTT", "TV.SKHCN", "TV.STP", "TV.SGDDT")],
            document=document,
            note="Các cơ quan gửi báo cáo kèm phụ lục số liệu về Sở Nội vụ (Phòng Xây dựng chính quyền và Công tác thanh niên).",
        )
    if not Submission.objects.filter(request=request).exists():
        # On time, with the report written in danchu.
        stttt = _submit_stttt(ctx, request, at(datetime.date(2020, 11, 10)))
        actions.accept_submission(stttt, actor=officer)
        # On time, returned for contradicting figures, corrected after the deadline.
        skhcn = orgs["TV.SKHCN"]
        first = _upload(request, skhcn, SKHCN_V1, users["skhcn.vanthu"], at(datetime.date(2020, 11, 12)))
        actions.return_submission(
            first,
            actor=officer,
            reason="Tổng số đơn tiếp nhận (6) không bằng tổng đơn khiếu nại, tố cáo, phản ánh (5); đề nghị rà soát, gửi lại.",
        )
        second = _upload(
            request,
            skhcn,
            SKHCN_V2,
            users["skhcn.vanthu"],
            at(datetime.date(2020, 11, 16), 14),
            note="Đã sửa tổng số đơn tiếp nhận.",
        )
        actions.accept_submission(second, actor=officer)
        # Late.
        _upload(request, orgs["TV.STP"], STP, users["stp.vanthu"], at(datetime.date(2020, 11, 18), 15))
        # TV.SGDDT never answers: reminded.
        actions.send_reminders(request, actor=officer)
    ctx["consolidation_request"] = request
    _load_scoring(ctx)


def _load_scoring(ctx):
    orgs, users = ctx.orgs, ctx.users
    officer = users["snv.chuyenvien"]
    scheme = ScoringScheme.objects.filter(province=orgs["TV"], year=2020).first()
    if scheme is None:
        scheme = actions.create_scheme(
            actor=officer,
            province=orgs["TV"],
            year=2020,
            name="Bộ tiêu chí đánh giá thực hiện dân chủ ở cơ sở của các sở, ban, ngành",
            basis="Bộ tiêu chí mẫu của danchu (6 tiêu chí, 100 điểm, thưởng tối đa 5 điểm)",
            criteria=CRITERIA,
            bands=BANDS,
            bonus_max=5,
        )
    if Assessment.objects.filter(scheme=scheme).exists():
        return
    by_number = {c.number: c for c in scheme.criteria.all()}
    clerks = {"TV.STTTT": "stttt.vanthu", "TV.SKHCN": "skhcn.vanthu", "TV.STP": "stp.vanthu"}
    for code, (self_scores, officer_scores, bonus) in SCORES.items():
        org = orgs[code]
        actions.self_assess(
            scheme,
            org,
            {by_number[n].pk: Decimal(str(v)) for n, v in self_scores.items()},
            actor=users[clerks[code]],
            submit=True,
        )
        if officer_scores:
            assessment = Assessment.objects.get(scheme=scheme, organization=org)
            actions.score_assessment(
                assessment,
                {by_number[n].pk: Decimal(str(v)) for n, v in officer_scores.items()},
                actor=officer,
                bonus=Decimal(bonus),
                bonus_reason="Có mô hình “Dân vận khéo” được tỉnh công nhận." if bonus else "",
            )
