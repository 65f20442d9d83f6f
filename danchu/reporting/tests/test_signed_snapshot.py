"""What is signed is what is submitted: the snapshot is taken at signature, submission renders
from it and refuses when a register change would alter a signed figure; a signature can be
withdrawn to sign again (new number); without LibreOffice the DOCX/XLSX are still handed over
and the PDF is added later from the frozen DOCX; only drafters rebuild draft files."""

import datetime
import io
import stat
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from danchu.audit.models import AuditEvent
from danchu.reporting import actions, rendering
from danchu.reporting.actions import builds, submission
from danchu.reporting.models import ReportBuild, ReportFile, ReportSnapshot, ReportStatus

IN_WINDOW = datetime.date(2020, 6, 15)


def register_letters(world, count, day=IN_WINDOW, start=0):
    """`count` letters of feedback received by agency A on `day`, through the register's action."""
    from danchu.petitions import actions as petitions

    for i in range(start, start + count):
        petitions.register(
            world.a,
            actor=world.clerk_a,
            kind="feedback",
            channel="paper",
            received_on=day,
            subject=f"Phản ánh số {i + 1}",
            content="Nội dung phản ánh",
            identity={"full_name": f"Người gửi {i + 1}"},
        )


def signed(draft, world):
    return actions.sign(actions.mark_reviewed(draft, actor=world.clerk_a), actor=world.head_a)


def docx_text(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml").decode()


@pytest.fixture
def fifteen(draft, world):
    """Agency A's draft with 15 letters in the window, signed."""
    register_letters(world, 15)
    return signed(draft, world)


def test_the_snapshot_is_taken_at_signature(fifteen, world):
    frozen = fifteen.snapshot
    assert frozen is not None and frozen.reference == "01/BC-SA-VP" == fifteen.reference
    assert frozen.values["values"]["letters_received"]["value"] == 15
    assert frozen.content["sections"]["overview"] == "Tình hình chung của cơ quan trong năm."
    assert frozen.content["context"]["reference"] == "01/BC-SA-VP"
    assert frozen.signed_by == world.head_a and frozen.registry_document == fifteen.registry_document
    # The page of a signed report shows the signed figures.
    assert actions.report_data(fifteen).values["letters_received"].value == 15


def test_submission_refuses_when_a_register_change_alters_a_signed_figure(fifteen, world):
    register_letters(world, 3, start=15)
    with pytest.raises(ValidationError) as caught:
        actions.submit(fifteen, actor=world.clerk_a)
    text = "\n".join(caught.value.messages)
    assert "Tổng số đơn tiếp nhận: 15 → 18" in text
    assert "01/BC-SA-VP" in text and "Hủy chữ ký để ký lại" in text
    fifteen.refresh_from_db()
    assert fifteen.status == ReportStatus.SIGNED
    assert not ReportFile.objects.filter(report=fifteen).exists()
    assert fifteen.snapshot.values["values"]["letters_received"]["value"] == 15


def test_the_page_of_a_signed_report_lists_what_changed(fifteen, world, client_for):
    register_letters(world, 3, start=15)
    page = client_for(world.head_a).get(reverse("reporting:detail", args=[fifteen.uuid])).content.decode()
    assert 'id="signed-differences"' in page and "Tổng số đơn tiếp nhận: 15 → 18" in page
    assert 'id="withdraw-signature"' in page


def test_withdrawing_the_signature_keeps_everything_and_the_next_signature_takes_a_new_number(fifteen, world):
    register_letters(world, 3, start=15)
    first_entry = fifteen.registry_document
    with pytest.raises(ValidationError, match="lý do"):
        actions.withdraw_signature(fifteen, actor=world.head_a, reason=" ")
    with pytest.raises(PermissionDenied, match="lãnh đạo"):
        actions.withdraw_signature(fifteen, actor=world.clerk_a, reason="Có thêm đơn")
    report = actions.withdraw_signature(fifteen, actor=world.head_a, reason="Sổ có thêm 03 đơn sau khi ký")
    assert report.status == ReportStatus.REVIEWED and report.number is None
    old = ReportSnapshot.objects.get(report=report)
    assert old.is_withdrawn and old.reference == "01/BC-SA-VP"
    assert old.values["values"]["letters_received"]["value"] == 15
    first_entry.refresh_from_db()
    assert first_entry.deleted_at is None and "Không phát hành" in first_entry.notes
    assert AuditEvent.objects.filter(verb="hủy chữ ký báo cáo số 01/BC-SA-VP").exists()

    again = actions.sign(report, actor=world.head_a)
    assert again.reference == "02/BC-SA-VP"
    assert again.snapshot.values["values"]["letters_received"]["value"] == 18
    assert ReportSnapshot.objects.filter(report=report).count() == 2
    submitted = actions.submit(again, actor=world.clerk_a)
    assert submitted.status == ReportStatus.SUBMITTED
    assert actions.report_data(submitted).values["letters_received"].value == 18
    docx = ReportFile.objects.get(snapshot=again.snapshot, format="docx")
    assert "02/BC-SA-VP" in docx_text(docx.file.read())


def test_a_stored_snapshot_refuses_any_change(fifteen, world):
    frozen = fifteen.snapshot
    frozen.values = {"values": {}}
    with pytest.raises(ValidationError):
        frozen.save()
    with pytest.raises(ValidationError):
        frozen.delete()


def test_the_submitted_files_are_rendered_from_the_signed_text(fifteen, world):
    """A change after the signature that no figure shows (the agency renamed) does not reach
    the submitted document: it is rendered from what was signed."""
    from danchu.orgs.models import Organization

    Organization.objects.filter(pk=world.a.pk).update(name="Sở A đổi tên sau khi ký")
    report = actions.submit(fifteen, actor=world.clerk_a)
    frozen = report.snapshot
    text = docx_text(ReportFile.objects.get(snapshot=frozen, format="docx").file.read())
    assert "Sở A đổi tên" not in text and "SỞ A" in text
    assert frozen.content["context"]["issuer_name"] == "Sở A"


def test_submission_without_libreoffice_hands_over_docx_and_xlsx(fifteen, world, settings):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = actions.submit(fifteen, actor=world.clerk_a)
    assert report.status == ReportStatus.SUBMITTED
    formats = set(report.snapshot.files.values_list("format", flat=True))
    assert formats == {"docx", "xlsx"}
    assert "PDF" in report.submission_message


def test_submission_when_soffice_cannot_be_found(fifteen, world, monkeypatch):
    monkeypatch.setattr(rendering, "soffice_binary", lambda: None)
    report = actions.submit(fifteen, actor=world.clerk_a)
    assert set(report.snapshot.files.values_list("format", flat=True)) == {"docx", "xlsx"}
    assert "LibreOffice" in report.submission_message


@pytest.fixture
def fake_soffice(tmp_path):
    """A stand-in for LibreOffice's converter (an external program, not our code): writes a
    small PDF named after the DOCX into --outdir, as soffice does."""
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'out="$2"; src="$3"; name=$(basename "$src" .docx)\n'
        'printf "%%PDF-1.4\\n%% from %s\\n" "$name" > "$out/$name.pdf"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_the_pdf_is_added_later_from_the_frozen_docx(fifteen, world, settings, fake_soffice, client_for):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = actions.submit(fifteen, actor=world.clerk_a)
    docx = ReportFile.objects.get(snapshot=report.snapshot, format="docx")
    docx_bytes, docx_sha = docx.file.read(), docx.sha256
    with pytest.raises(ValidationError, match="LibreOffice"):
        actions.add_pdf(report, actor=world.clerk_a)
    page = client_for(world.clerk_a).get(reverse("reporting:detail", args=[report.uuid])).content.decode()
    assert 'id="add-pdf"' in page

    settings.SOFFICE_BINARY = fake_soffice
    response = client_for(world.clerk_a).post(reverse("reporting:add_pdf", args=[report.uuid]))
    assert response.status_code == 302
    pdf = ReportFile.objects.get(snapshot=report.snapshot, format="pdf")
    content = pdf.file.read()
    assert content.startswith(b"%PDF") and pdf.sha256 == rendering.sha256(content)
    docx.refresh_from_db()
    assert docx.sha256 == docx_sha and docx.file.read() == docx_bytes
    assert AuditEvent.objects.filter(verb="bổ sung bản PDF từ tệp DOCX đã chốt").count() == 1
    with pytest.raises(ValidationError, match="đã có bản PDF"):
        actions.add_pdf(report, actor=world.clerk_a)
    name, downloaded = actions.render_files(report, ["pdf"])["pdf"]
    assert downloaded == content


def test_the_pdf_command_adds_the_missing_pdf(fifteen, world, settings, fake_soffice, capsys):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = actions.submit(fifteen, actor=world.clerk_a)
    settings.SOFFICE_BINARY = fake_soffice
    call_command("report", "pdf", "--org", "TV.A", "--period", "2020")
    pdf = ReportFile.objects.get(snapshot=report.snapshot, format="pdf")
    assert pdf.sha256 in capsys.readouterr().out


def test_a_stranger_cannot_add_the_pdf(fifteen, world, settings, fake_soffice, client_for):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = actions.submit(fifteen, actor=world.clerk_a)
    settings.SOFFICE_BINARY = fake_soffice
    assert client_for(world.officer).post(reverse("reporting:add_pdf", args=[report.uuid])).status_code == 404
    with pytest.raises(PermissionDenied):
        actions.add_pdf(report, actor=world.officer)
    assert not ReportFile.objects.filter(report=report, format="pdf").exists()


# --- issue 14, item 11: a read-only province officer rebuilds nothing ---------------------------


def test_a_read_only_officer_cannot_rebuild_the_draft_files(draft, world, client_for):
    client = client_for(world.officer)
    assert client.get(reverse("reporting:detail", args=[draft.uuid])).status_code == 200
    response = client.post(reverse("reporting:build_start", args=[draft.uuid]), {"format": ["docx"]})
    assert response.status_code == 404
    assert not ReportBuild.objects.filter(report=draft).exists()
    with pytest.raises(PermissionDenied):
        actions.request_build(draft, "docx", actor=world.officer)
    page = client.get(reverse("reporting:detail", args=[draft.uuid])).content.decode()
    assert reverse("reporting:build_start", args=[draft.uuid]) not in page


def test_the_officer_still_reads_the_frozen_files_of_a_submitted_report(fifteen, world):
    report = actions.submit(fifteen, actor=world.clerk_a)
    build = actions.request_build(report, "docx", actor=world.officer)
    assert actions.run_build(build).status == "done"


def test_a_signature_in_english_freezes_the_document_in_vietnamese(draft, world):
    """The lists frozen at signature carry Vietnamese labels whatever language the head reads the
    UI in; otherwise the next submission would see a change that is only a translation."""
    from django.utils import translation

    from danchu.documents import actions as documents
    from danchu.documents.models import Direction

    documents.create_document(
        actor=world.clerk_a,
        organization=world.a,
        direction=Direction.ISSUED,
        kind="KH",
        number="12",
        symbol="KH-SA",
        issued_on=datetime.date(2020, 3, 2),
        issuer_org=world.a,
        subject="Kế hoạch thực hiện dân chủ ở cơ sở năm 2020",
    )
    register_letters(world, 2)
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    with translation.override("en"):
        report = actions.sign(reviewed, actor=world.head_a)
    labels = [d["kind_label"] for d in report.snapshot.values["documents"]["government"]]
    assert labels == ["Kế hoạch"]
    assert actions.signed_differences(report) == []
    assert actions.submit(report, actor=world.clerk_a).status == ReportStatus.SUBMITTED


def test_the_head_withdraws_the_signature_from_the_page(fifteen, world, client_for):
    url = reverse("reporting:withdraw_signature", args=[fifteen.uuid])
    assert client_for(world.clerk_a).post(url, {"reason": "Có thêm đơn"}).status_code == 404
    client = client_for(world.head_a)
    client.post(url, {"reason": ""})
    fifteen.refresh_from_db()
    assert fifteen.status == ReportStatus.SIGNED
    client.post(url, {"reason": "Có thêm đơn sau khi ký"})
    fifteen.refresh_from_db()
    assert fifteen.status == ReportStatus.REVIEWED and fifteen.snapshot is None
    page = client.get(reverse("reporting:detail", args=[fifteen.uuid])).content.decode()
    assert "01/BC-SA-VP" in page and "Có thêm đơn sau khi ký" in page


# --- files stored by a transaction that rolls back -----------------------------------------------


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_submission_that_rolls_back_leaves_no_file(fifteen, world, settings, monkeypatch):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    before = stored_files(settings)

    def refuse(report, *, actor):
        raise ValidationError("Cơ quan nhận báo cáo từ chối.")

    monkeypatch.setattr(submission, "_report_receivers", lambda: [refuse])
    with pytest.raises(ValidationError):
        actions.submit(fifteen, actor=world.clerk_a)
    fifteen.refresh_from_db()
    assert fifteen.status == ReportStatus.SIGNED and not ReportFile.objects.filter(report=fifteen).exists()
    assert stored_files(settings) == before


def test_a_pdf_added_by_a_transaction_that_rolls_back_leaves_no_file(
    fifteen, world, settings, fake_soffice, monkeypatch
):
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = actions.submit(fifteen, actor=world.clerk_a)
    before = stored_files(settings)
    settings.SOFFICE_BINARY = fake_soffice

    def audit_fails(*args, **kwargs):
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(submission, "record", audit_fails)
    with pytest.raises(RuntimeError):
        actions.add_pdf(report, actor=world.clerk_a)
    assert not ReportFile.objects.filter(report=report, format="pdf").exists()
    assert stored_files(settings) == before


def test_a_build_that_rolls_back_keeps_the_previous_draft_files(draft, world, settings, monkeypatch):
    first = actions.run_build(actions.request_build(draft, "docx,xlsx", actor=world.clerk_a))
    assert first.status == "done"
    previous = {f.format: f.file.read() for f in ReportFile.objects.filter(report=draft)}
    before = stored_files(settings)
    real_store = builds._store_file

    def disk_full_at_xlsx(report, fmt, content, snapshot_obj=None):
        if fmt == "xlsx":
            raise OSError("No space left on device")
        return real_store(report, fmt, content, snapshot_obj)

    monkeypatch.setattr(builds, "_store_file", disk_full_at_xlsx)
    with pytest.raises(OSError):
        actions.run_build(actions.request_build(draft, "docx,xlsx", actor=world.clerk_a))
    kept = {f.format: f for f in ReportFile.objects.filter(report=draft)}
    assert set(kept) == {"docx", "xlsx"}
    assert {fmt: f.file.read() for fmt, f in kept.items()} == previous  # the rows still open
    assert stored_files(settings) == before


def test_a_withdrawn_correction_replaces_nothing_in_the_register(fifteen, world):
    from danchu.documents.models import RelationKind

    v1 = actions.submit(fifteen, actor=world.clerk_a)
    v2 = signed(actions.start_correction(v1, actor=world.clerk_a, reason="Bổ sung đơn"), world)
    withdrawn = v2.registry_document
    v2 = actions.sign(actions.withdraw_signature(v2, actor=world.head_a, reason="Ký lại"), actor=world.head_a)
    replacing = v1.registry_document.relations_in.filter(kind=RelationKind.REPLACES)
    assert [r.source_id for r in replacing] == [v2.registry_document_id]
    assert not withdrawn.relations_out.exists()
    assert AuditEvent.objects.filter(verb__startswith="Bỏ quan hệ").count() == 1
