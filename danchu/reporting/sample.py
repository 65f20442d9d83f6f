"""A sample report context, with no database, to try an uploaded template before storing it."""

import datetime

from danchu.orgs.models import Organization, ReportingPeriod

from .content import build_context
from .indicators import INDICATORS, IndicatorValue, ReportData
from .models import Report
from .outline import outline_for


def sample_context(framework):
    org = Organization(name="Sở Mẫu", short_name="SM", place_name="Trà Vinh")
    period = ReportingPeriod(
        code="mau",
        name="Năm 2020",
        year=2020,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2020, 12, 31),
        cutoff_start=datetime.date(2019, 12, 15),
        cutoff_end=datetime.date(2020, 12, 14),
    )
    report = Report(
        organization=org,
        period=period,
        framework=framework,
        title="Kết quả thực hiện dân chủ ở cơ sở năm 2020",
        symbol="BC-SM",
        report_date=datetime.date(2020, 11, 9),
        place="Trà Vinh",
        data_start=period.cutoff_start,
        data_end=period.cutoff_end,
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        recipients="Nơi nhận mẫu (b/c)\nLưu: VT",
    )
    report.draft_texts = {s.key: ["Đoạn văn mẫu."] for s in outline_for(framework) if s.narrative}
    data = ReportData(values={i.code: IndicatorValue(i.code, 1) for i in INDICATORS})
    return build_context(report, data)
