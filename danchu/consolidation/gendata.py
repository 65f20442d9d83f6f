"""Synthetic the province's request and the agencies' frozen answers for `danchu gen-data` (danchu.core.gendata calls `generate`)."""

import datetime


def submissions(gen, root, agencies, period, actor):
    from danchu.consolidation.figures import fill_ratios
    from danchu.consolidation.models import (
        ReportRequest,
        RequestTarget,
        Submission,
        SubmissionKind,
        SubmissionStatus,
        TargetMode,
    )
    from danchu.reporting.indicators import INDICATORS, Unit

    r = gen.rng
    request = ReportRequest.objects.create(
        uuid=gen.uuid(),
        requesting_org=root,
        reference=f"{r.randint(100, 2000)}/SNV-XDCQ",
        issued_on=datetime.date(gen.year, 11, 5),
        title=f"Báo cáo kết quả thực hiện dân chủ ở cơ sở năm {gen.year}",
        period=period,
        data_start=gen.start,
        data_end=gen.end,
        deadline=datetime.date(gen.year, 12, 20),
        target_mode=TargetMode.SUBTREE,
        target_root=root,
        created_by=actor,
    )
    gen._bulk(RequestTarget, [RequestTarget(request=request, organization=org) for org in agencies])
    subs = []
    for org in agencies:
        values = {}
        for ind in INDICATORS:
            if ind.ratio_of or ind.sum_of:
                continue
            values[ind.code] = r.randint(0, 200) * 500_000 if ind.unit == Unit.MONEY else r.randint(0, 120)
        values["petitions_resolved"] = min(values["petitions_resolved"], values["petitions_due"])
        values["staff_conferences_held"] = min(
            values["staff_conferences_held"], values["staff_conferences_required"]
        )
        values["staff_reached"] = min(values["staff_reached"], values["staff_total"])
        values["staff_reduction_base"] = (
            values["staff_quota_civil_servants"]
            + values["staff_quota_public_employees"]
            + values["staff_reduced_total"]
        )
        late = r.random() < 0.1
        subs.append(
            Submission(
                uuid=gen.uuid(),
                request=request,
                organization=org,
                kind=SubmissionKind.UPLOAD,
                values=fill_ratios(values),
                status=SubmissionStatus.ACCEPTED if r.random() < 0.7 else SubmissionStatus.SUBMITTED,
                submitted_at=gen.moment(
                    gen.plus(request.deadline, 1, 10)
                    if late
                    else gen.day(request.issued_on, request.deadline)
                ),
                submitted_by=actor,
                is_late=late,
            )
        )
    gen._bulk(Submission, subs)
    return request


def generate(gen, world):
    """This register's rows of the synthetic province (called by danchu.core.gendata)."""
    world.request = submissions(gen, world.root, world.agencies, world.period, world.head)
