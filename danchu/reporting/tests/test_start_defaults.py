"""Starting a report is one click: signer, authority, title and recipients come from the agency's
settings, else its previous report, else the province's request; what is missing is named with a
link to where it is set."""

import datetime as dt

import pytest

from conftest import make_user
from danchu.orgs import actions as org_actions
from danchu.orgs.models import Membership, Organization, OrganizationKind, PeriodKind, Role
from danchu.reporting import actions
from danchu.reporting.models import Report

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def fresh(world):
    """A new agency under the province, set up as the settings page would, with its clerk."""
    org = org_actions.create_organization(
        actor=world.admin,
        code="TV.SKHCN",
        name="Sở Khoa học và Công nghệ",
        short_name="SKHCN",
        kind=OrganizationKind.DEPARTMENT,
        parent=world.tv,
    )
    clerk = make_user("skhcn_clerk", Role.CLERK, org)
    period = org_actions.create_period(actor=world.admin, kind=PeriodKind.ANNUAL, year=2026)
    return org, clerk, period


def _configure(world, org):
    head = org_actions.add_member(
        org,
        actor=world.admin,
        full_name="Lâm Quốc Thịnh",
        position="Giám đốc",
        is_head=True,
        start=D(2025, 7, 1),
    )
    org_actions.update_organization(
        org,
        actor=world.admin,
        head_title="Giám đốc",
        default_recipients="Sở Nội vụ (b/c)\nBan Giám đốc Sở\nLưu: VT, VP.",
    )
    org.refresh_from_db()
    return head


def test_the_clerk_of_a_fresh_agency_starts_the_report_with_one_post(world, fresh, client_for):
    org, clerk, period = fresh
    head = _configure(world, org)
    client = client_for(clerk)
    response = client.post("/bao-cao/lap-moi/", {"period": period.pk})
    report = Report.objects.get(organization=org, period=period)
    assert response.status_code == 302 and response.url == f"/bao-cao/{report.uuid}/thong-tin/"
    assert (report.signer, report.signing_authority, report.signer_title) == (head, "", "GIÁM ĐỐC")
    assert report.recipients.splitlines() == ["Sở Nội vụ (b/c)", "Ban Giám đốc Sở", "Lưu: VT, VP."]
    assert (report.place, report.symbol) == ("Trà Vinh", "BC-SKHCN")
    assert (report.data_start, report.data_end) == (D(2025, 12, 15), D(2026, 12, 14))


def test_a_deputy_default_signer_signs_on_behalf(world, fresh):
    org, clerk, period = fresh
    _configure(world, org)
    deputy = org_actions.add_member(
        org, actor=world.admin, full_name="Võ Thị Ngọc Hân", position="Phó Giám đốc", is_deputy=True
    )
    org = org_actions.update_organization(org, actor=world.admin, default_signer=deputy)
    report = actions.create_report(org, period, actor=clerk)
    assert (report.signing_authority, report.signer_title) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def test_missing_settings_are_named_with_a_link_and_nothing_is_created(world, fresh, client_for):
    org, clerk, period = fresh
    client = client_for(clerk)
    response = client.post("/bao-cao/lap-moi/", {"period": period.pk}, follow=True)
    body = response.content.decode()
    assert not Report.objects.filter(organization=org).exists()
    assert "Trường này không được để trắng" not in body
    assert "người ký" in body and "nơi nhận" in body
    assert f'href="/co-quan/{org.code}/thiet-lap/"' in body


def test_a_missing_head_title_for_a_deputy_is_named(world, fresh):
    org, clerk, period = fresh
    deputy = org_actions.add_member(
        org, actor=world.admin, full_name="Võ Thị Ngọc Hân", position="Phó Giám đốc", is_deputy=True
    )
    org = org_actions.update_organization(
        org, actor=world.admin, default_signer=deputy, default_recipients="Lưu: VT"
    )
    with pytest.raises(actions.MissingSettings) as exc:
        actions.create_report(org, period, actor=clerk)
    assert [m.field for m in exc.value.missing] == ["signing_authority"]
    assert "chức danh người đứng đầu" in exc.value.messages[0]


def test_without_settings_the_previous_report_gives_signer_and_recipients(world, fresh):
    org, clerk, period = fresh
    signer = Membership.objects.get(person__user=clerk)
    previous = org_actions.create_period(actor=world.admin, kind=PeriodKind.ANNUAL, year=2025)
    actions.create_report(
        org,
        previous,
        actor=clerk,
        signer=signer,
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        recipients="UBND tỉnh (b/c)\nLưu: VT",
    )
    report = actions.create_report(org, period, actor=clerk)
    assert report.signer == signer and report.recipients == "UBND tỉnh (b/c)\nLưu: VT"


def test_the_request_gives_its_reference_window_and_recipients(world, fresh):
    from danchu.consolidation import actions as consolidation
    from danchu.consolidation.models import TargetMode

    org, clerk, period = fresh
    head = _configure(world, org)
    org = org_actions.update_organization(org, actor=world.admin, default_recipients="")
    snv = org_actions.create_organization(
        actor=world.admin, code="TV.SNV", name="Sở Nội vụ", kind=OrganizationKind.DEPARTMENT, parent=world.tv
    )
    consolidation.create_request(
        actor=world.officer,
        requesting_org=snv,
        reference="2150/SNV-XDCQ",
        issued_on=D(2026, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026",
        period=period,
        data_start=D(2025, 12, 15),
        data_end=D(2026, 11, 30),
        deadline=D(2026, 12, 10),
        target_mode=TargetMode.LIST,
        chosen=[org],
    )
    report = actions.create_report(org, period, actor=clerk)
    assert (report.request_ref, report.request_date, report.request_issuer) == (
        "2150/SNV-XDCQ",
        D(2026, 11, 5),
        "Sở Nội vụ",
    )
    assert report.data_end == D(2026, 11, 30)
    assert report.recipients.splitlines()[0] == "Sở Nội vụ (b/c)"
    assert report.signer == head


def test_the_command_line_draft_uses_the_settings(world, fresh):
    org, _clerk, period = fresh
    head = _configure(world, org)
    report = actions.new_report(org, period)
    assert report.pk is None
    assert (report.signer, report.signer_title) == (head, "GIÁM ĐỐC")
    assert "Ban Giám đốc Sở" in report.recipients


def test_an_outsider_may_not_start_the_report(world, fresh):
    from django.core.exceptions import PermissionDenied

    org, _clerk, period = fresh
    with pytest.raises(PermissionDenied):
        actions.create_report(org, period, actor=world.clerk_b)


def test_settings_form_hides_nothing_required(world, fresh):
    from danchu.reporting.forms import SettingsForm

    org, clerk, period = fresh
    _configure(world, org)
    report = actions.create_report(org, period, actor=clerk)
    form = SettingsForm(instance=report)
    hidden = [name for name, f in form.fields.items() if f.required and f.widget.is_hidden]
    assert hidden == []
    assert Organization.objects.filter(pk=org.pk).exists()
