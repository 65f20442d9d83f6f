"""Synthetic inspections, their subjects and outcomes for `danchu gen-data` (danchu.core.gendata calls `generate`)."""

import datetime

from danchu.core.gendata import GIVEN, PLACES

INSPECTION_SUBJECTS = [
    "Kiểm tra việc chấp hành quy định về thuê bao di động trả trước",
    "Thanh tra hoạt động in, xuất bản, phát hành",
    "Kiểm tra điểm cung cấp trò chơi điện tử công cộng",
    "Thanh tra việc quản lý, sử dụng tài chính, tài sản",
    "Kiểm tra hoạt động quảng cáo ngoài trời",
    "Kiểm tra chất lượng dịch vụ viễn thông",
]

BUSINESSES = [
    "Cửa hàng điện thoại {name}",
    "Cơ sở in {name}",
    "Đại lý Internet {name}",
    "Công ty TNHH {name}",
    "Điểm kinh doanh trò chơi {name}",
]

PARTNERS = ["Công an tỉnh", "Sở Công Thương", "Cục Quản lý thị trường", "Sở Văn hóa, Thể thao và Du lịch"]


def inspections(gen, agencies, per_agency):
    from danchu.oversight.models import (
        Inspection,
        InspectionField,
        InspectionKind,
        InspectionMode,
        InspectionStatus,
        InspectionSubject,
        Outcome,
        OutcomeKind,
        SubjectType,
    )

    r = gen.rng
    inspections, subjects, outcomes = [], [], []
    for org in agencies:
        for i in range(per_agency):
            start = gen.day(gen.start, gen.end - datetime.timedelta(days=20))
            kind = InspectionKind.SPECIALISED if r.random() < 0.85 else InspectionKind.ADMINISTRATIVE
            mode = InspectionMode.LED if r.random() < 0.7 else InspectionMode.JOINT
            insp = Inspection(
                uuid=gen.uuid(),
                organization=org,
                ref=f"KT-{gen.year}-{i + 1:03d}",
                kind=kind,
                mode=mode,
                partner=r.choice(PARTNERS) if mode == InspectionMode.JOINT else "",
                field=r.choice(InspectionField.values),
                subject_line=r.choice(INSPECTION_SUBJECTS),
                start=start,
                end=gen.plus(start, 1, 15),
                status=InspectionStatus.CONCLUDED,
            )
            inspections.append(insp)
            for _j in range(r.randint(1, 3)):
                violation = r.random() < 0.3
                subjects.append(
                    (
                        insp,
                        InspectionSubject(
                            uuid=gen.uuid(),
                            name=r.choice(BUSINESSES).format(name=r.choice(GIVEN)),
                            subject_type=SubjectType.ORGANISATION,
                            address=r.choice(PLACES),
                            in_violation=violation,
                            violation="Không lưu giữ thông tin thuê bao theo quy định." if violation else "",
                        ),
                    )
                )
    gen._bulk(Inspection, inspections)
    for insp, subject in subjects:
        subject.inspection = insp
    gen._bulk(InspectionSubject, [s for _i, s in subjects])
    for insp, subject in subjects:
        if subject.in_violation:
            sanction = r.random() < 0.7
            outcomes.append(
                Outcome(
                    uuid=gen.uuid(),
                    subject=subject,
                    kind=OutcomeKind.SANCTION_DECISION if sanction else OutcomeKind.REFERRAL,
                    referred_to="" if sanction else r.choice(PARTNERS),
                    fine_vnd=r.choice([2, 5, 7, 10, 15]) * 1_000_000 if sanction else 0,
                    date=insp.end,
                )
            )
    gen._bulk(Outcome, outcomes)


def generate(gen, world):
    """This register's rows of the synthetic province (called by danchu.core.gendata)."""
    inspections(gen, world.agencies, world.shape.inspections)
