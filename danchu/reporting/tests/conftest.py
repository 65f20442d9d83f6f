import datetime

import pytest

from danchu.orgs.models import Membership
from danchu.reporting import actions
from danchu.reporting.indicators import INDICATORS, SOURCES
from danchu.reporting.indicators.compute import available_sources


@pytest.fixture
def demo(demo_data):
    """The whole demo data set (every app's demo loader), as `danchu demo` builds it (loaded once
    per session, restored into each test: the root conftest's `demo_data`)."""
    return demo_data("full")


@pytest.fixture
def demo_report(demo):
    return demo.reports["TV.STTTT/2020"]


NARRATIVE = {
    "overview": "Tình hình chung của cơ quan trong năm.",
    "leadership": "Lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở.",
    "evaluation": "Đánh giá chung kết quả thực hiện.",
    "tasks": "1- Nhiệm vụ năm sau.",
}


def fill_missing_registers(report, actor):
    """Registers not installed yet: their figures entered by hand with a reason (the designed path)."""
    missing = set(SOURCES) - set(available_sources())
    for indicator in INDICATORS:
        if indicator.source in missing and not indicator.is_derived:
            actions.set_override(
                report.organization,
                report.period,
                indicator.code,
                1,
                "Chưa có sổ, lấy theo báo cáo giấy",
                actor=actor,
            )


def make_draft(world, period, report_date):
    """A complete draft report of agency A for `period`, dated `report_date`, ready for review."""
    signer = Membership.objects.get(person__user=world.head_a, organization=world.a)
    report = actions.create_report(
        world.a,
        period,
        actor=world.clerk_a,
        drafting_unit=world.a_unit,
        report_date=report_date,
        signer=signer,
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)\nLưu: VT",
    )
    for key, text in NARRATIVE.items():
        actions.save_section(report, key, text, actor=world.clerk_a)
    fill_missing_registers(report, world.clerk_a)
    return report


@pytest.fixture
def draft(world):
    """A complete draft of agency A for 2020, ready for review."""
    return make_draft(world, world.period_2020, datetime.date(2020, 11, 9))
