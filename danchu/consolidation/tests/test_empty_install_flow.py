"""The 2026 year from an empty database, as a user goes through it: a province and an agency set
up by hand (no `world`), a period, letters, the report started in one click, signed, a letter
registered after the signature (submission refuses and lists the difference), the signature
withdrawn and given again, submitted, answered to the province's request, corrected (v2) and
submitted again: the request shows v2 and the consolidation uses v2's figures."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from danchu.consolidation import actions as consolidation
from danchu.consolidation import provincial
from danchu.consolidation.models import Submission, SubmissionStatus, TargetMode
from danchu.orgs import actions as org_actions
from danchu.orgs.models import (
    Membership,
    Organization,
    OrganizationKind,
    PeriodKind,
    Person,
    Role,
    RoleAssignment,
)
from danchu.reporting import actions as reporting
from danchu.reporting.models import ReportStatus
from danchu.reporting.outline import outline_for
from danchu.reporting.tests.conftest import fill_missing_registers

from .conftest import when


def user(username, role, org, full_name, position="Chuyên viên", **membership):
    account = get_user_model().objects.create_user(username=username, password="pw")
    RoleAssignment.objects.create(user=account, organization=org, role=role)
    person = Person.objects.create(full_name=full_name, user=account)
    member = Membership.objects.create(person=person, organization=org, position=position, **membership)
    return account, member


def letters(org, clerk, count, start=0):
    from danchu.petitions import actions as petitions

    for i in range(start, start + count):
        petitions.register(
            org,
            actor=clerk,
            kind="feedback",
            channel="paper",
            received_on=datetime.date(2026, 3, 10),
            subject=f"Phản ánh số {i + 1}",
            content="Nội dung phản ánh",
            identity={"full_name": f"Người gửi {i + 1}"},
        )


@pytest.fixture
def year(db):
    province = Organization.objects.create(
        code="VL",
        name="UBND tỉnh Vĩnh Long",
        short_name="UBND",
        kind=OrganizationKind.PROVINCE,
        place_name="Vĩnh Long",
    )
    snv = Organization.objects.create(
        code="VL.SNV", name="Sở Nội vụ", short_name="SNV", kind=OrganizationKind.DEPARTMENT, parent=province
    )
    agency = Organization.objects.create(
        code="VL.SKHCN",
        name="Sở Khoa học và Công nghệ",
        short_name="SKHCN",
        kind=OrganizationKind.DEPARTMENT,
        parent=province,
        place_name="Vĩnh Long",
        head_title="Giám đốc",
        default_recipients="Sở Nội vụ (b/c);\nLưu: VT.",
    )
    admin, _m = user("admin", Role.SYSTEM_ADMIN, province, "Quản trị")
    officer, _m = user("officer", Role.PROVINCE_OFFICER, province, "Cán bộ Sở Nội vụ")
    head, head_member = user("head", Role.AGENCY_HEAD, agency, "Nguyễn Văn Giám", "Giám đốc", is_head=True)
    clerk, _m = user("clerk", Role.CLERK, agency, "Trần Thị Văn Thư")
    agency.default_signer = head_member
    agency.save()
    period = org_actions.create_period(actor=admin, kind=PeriodKind.ANNUAL, year=2026)
    return {
        "province": province,
        "snv": snv,
        "agency": agency,
        "officer": officer,
        "head": head,
        "clerk": clerk,
        "period": period,
    }


def test_the_2026_year_from_an_empty_install(year):
    agency, clerk, head, officer, period = (year[k] for k in ("agency", "clerk", "head", "officer", "period"))
    request = consolidation.create_request(
        actor=officer,
        requesting_org=year["snv"],
        reference="200/SNV-XDCQCTTN",
        issued_on=datetime.date(2026, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026",
        period=period,
        deadline=datetime.date(2026, 12, 20),
        target_mode=TargetMode.LIST,
        chosen=[agency],
    )
    letters(agency, clerk, 15)

    report = reporting.create_report(agency, period, actor=clerk)
    assert report.signer.person.full_name == "Nguyễn Văn Giám"
    for section in outline_for(report.framework):
        if section.narrative and section.mandatory:
            reporting.save_section(report, section.key, f"Nội dung mục {section.key}.", actor=clerk)
    fill_missing_registers(report, clerk)
    report = reporting.mark_reviewed(report, actor=clerk)
    report = reporting.sign(report, actor=head)
    first_reference = report.reference
    assert report.snapshot.values["values"]["letters_received"]["value"] == 15

    letters(agency, clerk, 1, start=15)
    with pytest.raises(ValidationError) as refused:
        reporting.submit(report, actor=clerk)
    assert any("15 → 16" in line for line in refused.value.messages)

    report = reporting.withdraw_signature(report, actor=head, reason="Thêm một đơn vào sổ sau khi ký")
    report = reporting.sign(report, actor=head)
    assert report.reference != first_reference
    report = reporting.submit(report, actor=clerk)
    assert report.status == ReportStatus.SUBMITTED

    first = consolidation.submit_report(
        request, agency, report, actor=clerk, submitted_at=when(datetime.date(2026, 12, 15))
    )
    consolidation.accept_submission(first, actor=officer)
    assert provincial.consolidate(request).totals["letters_received"] == 16

    letters(agency, clerk, 2, start=16)
    v2 = reporting.start_correction(report, actor=clerk, reason="Bổ sung 02 đơn vào sổ sau khi gửi")
    v2 = reporting.mark_reviewed(v2, actor=clerk)
    v2 = reporting.sign(v2, actor=head)
    v2 = reporting.submit(v2, actor=clerk)

    current = Submission.objects.get(request=request, organization=agency, is_current=True)
    assert (current.version, current.report, current.status) == (2, v2, SubmissionStatus.SUBMITTED)
    assert current.correction_reason == "Bổ sung 02 đơn vào sổ sau khi gửi"
    assert provincial.consolidate(request).totals["letters_received"] == 18
