"""Every report action checks who may do it itself (`access.check`), whoever calls it: a view, the
API or a command. Called directly by someone without the right, it raises PermissionDenied with a
Vietnamese message and changes nothing, not even the audit trail; `access.SYSTEM` (a command, a
task) is not asked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import refused
from danchu.audit.models import AuditEvent
from danchu.orgs import access
from danchu.reporting import actions, rendering
from danchu.reporting.models import IndicatorOverride, Report, ReportSection, ReportStatus, ReportTemplate


def first_code():
    from danchu.reporting.indicators import INDICATORS

    return next(i.code for i in INDICATORS if not i.is_derived)


@pytest.mark.parametrize("outsider", ["officer", "clerk_b", "staff_a"])
def test_drafting_is_refused_to_who_does_not_draft_the_report(draft, world, outsider):
    user = getattr(world, outsider)
    title = draft.title
    refused(lambda: actions.update_settings(draft, actor=user, title="Tiêu đề khác"))
    refused(lambda: actions.save_section(draft, "overview", "Văn bản khác", actor=user))
    draft.refresh_from_db()
    assert draft.title == title
    assert ReportSection.objects.get(report=draft, key="overview").text.startswith("Tình hình chung")
    actions.update_settings(draft, actor=world.clerk_a, title="Tiêu đề khác")
    draft.refresh_from_db()
    assert draft.title == "Tiêu đề khác"


def test_a_report_is_started_only_by_the_agency(world):
    refused(lambda: actions.create_report(world.a, world.period_2020, actor=world.clerk_b))
    assert not Report.objects.filter(organization=world.a).exists()


@pytest.mark.parametrize("outsider", ["officer", "clerk_b"])
def test_hand_entered_figures_are_refused_to_outsiders(draft, world, outsider):
    user, code = getattr(world, outsider), first_code()
    stored = list(IndicatorOverride.objects.filter(organization=world.a).values_list("code", "value"))
    refused(lambda: actions.set_override(world.a, world.period_2020, code, 7, "Theo sổ giấy", actor=user))
    refused(lambda: actions.clear_override(world.a, world.period_2020, code, actor=user))
    assert list(IndicatorOverride.objects.filter(organization=world.a).values_list("code", "value")) == stored
    override = actions.set_override(world.a, world.period_2020, code, 7, "Theo sổ giấy", actor=world.clerk_a)
    assert override.value == 7


def test_only_the_head_signs(draft, world):
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    refused(lambda: actions.sign(reviewed, actor=world.clerk_a))
    reviewed.refresh_from_db()
    assert reviewed.status == ReportStatus.REVIEWED and reviewed.number is None
    signed = actions.sign(reviewed, actor=world.head_a)
    assert signed.status == ReportStatus.SIGNED


def test_a_template_is_uploaded_only_by_a_system_admin(world):
    with open(rendering.default_template_path("annual_democracy", world.period_2020.framework), "rb") as fh:
        content = fh.read()

    def upload(actor):
        return actions.upload_template(
            "annual_democracy",
            world.period_2020.framework,
            "Mẫu riêng",
            SimpleUploadedFile("mau.docx", content),
            actor=actor,
        )

    for user in (world.clerk_a, world.head_a, world.officer):
        refused(lambda user=user: upload(user))
    assert not ReportTemplate.objects.exists()
    assert upload(world.admin).is_active


def test_the_system_actor_is_not_asked(draft, world):
    """A command runs as the system (`danchu report --add-pdf`): there is no user to check."""
    assert access.SYSTEM is None
    events = AuditEvent.objects.count()
    report = actions.update_settings(draft, actor=access.SYSTEM, title="Do hệ thống sửa")
    assert report.title == "Do hệ thống sửa"
    assert AuditEvent.objects.count() == events + 1
    assert AuditEvent.objects.order_by("-pk").first().actor is None
