"""Draft → reviewed → signed → submitted; the freeze; corrections; permissions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danchu.core.stale import text_version
from danchu.reporting import actions
from danchu.reporting.models import ReportFile, ReportSnapshot, ReportStatus
from danchu.reporting.tests.conftest import NARRATIVE


def submit_all(report, world):
    report = actions.mark_reviewed(report, actor=world.clerk_a)
    report = actions.sign(report, actor=world.head_a)
    return actions.submit(report, actor=world.clerk_a)


def test_signing_takes_the_next_number_of_the_issuer_year(draft, world):
    report = actions.sign(actions.mark_reviewed(draft, actor=world.clerk_a), actor=world.head_a)
    assert report.status == ReportStatus.SIGNED
    assert report.number == 1
    assert report.reference == "01/BC-SA-VP"


def test_sign_is_refused_while_a_mandatory_section_is_empty(draft, world):
    actions.save_section(draft, "evaluation", "", actor=world.clerk_a)
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    with pytest.raises(ValidationError, match="ĐÁNH GIÁ CHUNG"):
        actions.sign(reviewed, actor=world.head_a)


def test_submitted_report_is_frozen_when_registers_change(draft, world):
    from danchu.oversight.models import PartyOversight, PartyOversightKind

    report = submit_all(draft, world)
    snapshot = ReportSnapshot.objects.get(report=report)
    files = {f.format: (f.sha256, f.file.read()) for f in snapshot.files.all()}
    assert set(files) >= {"docx", "xlsx"}
    assert snapshot.values["values"]["party_inspections"]["value"] == 0
    # A later change in a register: a party inspection dated inside the period.
    PartyOversight.objects.create(
        organization=world.a,
        kind=PartyOversightKind.INSPECTION,
        body=PartyOversight._meta.get_field("body").choices[0][0],
        subject="Kiểm tra bổ sung",
        date=datetime.date(2020, 6, 1),
    )
    report.refresh_from_db()
    data = actions.report_data(report)
    assert data.values["party_inspections"].value == 0
    rendered = actions.render_files(report, ["docx", "xlsx"])
    for fmt, (_name, content) in rendered.items():
        assert content == files[fmt][1]
        assert ReportFile.objects.get(snapshot=snapshot, format=fmt).sha256 == files[fmt][0]
    # The live computation does see the change: only the submitted report is frozen.
    from danchu.reporting.indicators import compute

    assert compute(world.a, world.period_2020).values["party_inspections"].value == 1


def test_snapshot_cannot_be_changed(draft, world):
    report = submit_all(draft, world)
    with pytest.raises(ValidationError):
        report.snapshot.save()
    with pytest.raises(ValidationError):
        report.snapshot.delete()


def test_correction_is_a_new_version_and_the_old_is_kept(draft, world):
    report = submit_all(draft, world)
    with pytest.raises(ValidationError):
        actions.start_correction(report, actor=world.clerk_a, reason=" ")
    new = actions.start_correction(report, actor=world.clerk_a, reason="Sai số liệu đơn thư")
    assert new.version == 2 and new.status == ReportStatus.DRAFT and new.corrects == report
    assert new.sections.count() == report.sections.count()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.snapshot.pk
    with pytest.raises(ValidationError):
        actions.start_correction(report, actor=world.clerk_a, reason="Lần hai")


def test_draft_only_changes(draft, world):
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    with pytest.raises(ValidationError):
        actions.save_section(reviewed, "overview", "Sửa sau khi rà soát", actor=world.clerk_a)


def test_override_needs_a_reason_and_is_marked(draft, world):
    with pytest.raises(ValidationError):
        actions.set_override(world.a, world.period_2020, "letters_received", 4, "  ", actor=world.clerk_a)
    actions.set_override(
        world.a, world.period_2020, "letters_received", 4, "Theo sổ giấy", actor=world.clerk_a
    )
    value = actions.report_data(draft).values["letters_received"]
    assert (value.value, value.origin, value.reason) == (4, "manual", "Theo sổ giấy")
    from danchu.reporting.content import figure_rows

    row = next(r for r in figure_rows(actions.report_data(draft)) if r["code"] == "letters_received")
    assert row["source"] == "Nhập tay: Theo sổ giấy"


def test_hand_entered_figures_are_closed_once_the_report_is_past_its_draft(draft, world):
    actions.set_override(
        world.a, world.period_2020, "letters_received", 4, "Theo sổ giấy", actor=world.clerk_a
    )
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    with pytest.raises(ValidationError, match="không sửa được số liệu nhập tay"):
        actions.set_override(
            world.a, world.period_2020, "letters_received", 9, "Sửa sau", actor=world.clerk_a
        )
    with pytest.raises(ValidationError, match="không sửa được số liệu nhập tay"):
        actions.clear_override(world.a, world.period_2020, "letters_received", actor=world.clerk_a)
    assert actions.report_data(reviewed).values["letters_received"].value == 4
    actions.return_to_draft(reviewed, actor=world.head_a, reason="Sửa số liệu")
    actions.set_override(world.a, world.period_2020, "letters_received", 9, "Sửa sau", actor=world.clerk_a)
    assert actions.report_data(draft).values["letters_received"].value == 9


# --- permissions -------------------------------------------------------------------------------


def test_clerk_drafts_but_cannot_sign(draft, world, client_for):
    client = client_for(world.clerk_a)
    assert client.get(reverse("reporting:detail", args=[draft.uuid])).status_code == 200
    response = client.post(
        reverse("reporting:sections", args=[draft.uuid]),
        # the form carries the version of each section it shows (issue 14, item 9)
        {"section-overview": "Nội dung mới", "version-overview": text_version(NARRATIVE["overview"])},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.sections.get(key="overview").text == "Nội dung mới"
    client.post(reverse("reporting:transition", args=[draft.uuid, "review"]))
    assert client.post(reverse("reporting:transition", args=[draft.uuid, "sign"])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == ReportStatus.REVIEWED


def test_head_signs(draft, world, client_for):
    actions.mark_reviewed(draft, actor=world.clerk_a)
    client = client_for(world.head_a)
    client.post(reverse("reporting:transition", args=[draft.uuid, "sign"]))
    draft.refresh_from_db()
    assert draft.status == ReportStatus.SIGNED


@pytest.mark.parametrize("name", ["detail", "settings", "build_start"])
def test_outsider_gets_404(draft, world, client_for, name):
    client = client_for(world.clerk_b)
    url = reverse(f"reporting:{name}", args=[draft.uuid])
    response = client.post(url) if name == "build_start" else client.get(url)
    assert response.status_code == 404


def test_staff_member_cannot_see_reports(draft, world, client_for):
    assert client_for(world.staff_a).get(reverse("reporting:detail", args=[draft.uuid])).status_code == 404


def test_build_from_the_web_runs_as_a_task_with_progress(
    draft, world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.clerk_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reporting:build_start", args=[draft.uuid]), {"format": ["docx", "xlsx"]}
        )
    assert response.status_code == 302
    status = client.get(response["Location"] + "?format=json").json()
    assert status == {"status": "done", "progress": 100, "message": "Đã tạo xong.", "finished": True}
    assert set(draft.files.values_list("format", flat=True)) == {"docx", "xlsx"}


def test_pdf_without_libreoffice_is_a_clear_message(draft, settings, monkeypatch):
    from danchu.reporting import rendering

    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    with pytest.raises(rendering.PdfUnavailable, match="LibreOffice"):
        actions.render_files(draft, ["pdf"])
