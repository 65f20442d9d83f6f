import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danchu.consolidation import actions, provincial, targets
from danchu.consolidation.models import Submission, SubmissionStatus, TargetMode
from danchu.orgs import access
from danchu.orgs.models import Organization, OrganizationKind, Role, RoleAssignment

from .conftest import docx_upload, when


def test_ratio_is_ratio_of_sums_not_average_of_ratios(world, req, upload):
    upload(req, world.a, world.clerk_a, {"petitions_due": 1, "petitions_resolved": 1})
    upload(req, world.b, world.clerk_b, {"petitions_due": 9, "petitions_resolved": 0})
    result = provincial.consolidate(req)
    # A: 100%, B: 0% -> the average would be 50%; the ratio of sums is 1/10.
    assert result.totals["complaint_resolution_rate"] == Decimal("10.0")
    assert result.totals["petitions_due"] == 10


def test_blank_rate_is_computed_from_its_parts(world, req, upload):
    sub = upload(req, world.a, world.clerk_a, {"staff_reached": 3, "staff_total": 4})
    assert sub.values["dissemination_coverage_pct"] == 75


def test_a_negative_figure_is_refused_in_the_entry_form(world, req):
    from danchu.consolidation.forms import DataEntryForm

    form = DataEntryForm(data={"v_letters_received": "-3", "v_fines_vnd": "12.5"})
    assert not form.is_valid()
    assert "âm" in str(form.errors["v_letters_received"])
    assert "dấu phẩy" in str(form.errors["v_fines_vnd"])


def test_returned_submission_is_corrected_as_a_new_version(world, req, upload):
    first = upload(req, world.a, world.clerk_a, {"letters_received": 6, "complaints_received": 5})
    with pytest.raises(ValidationError):
        upload(req, world.a, world.clerk_a, {"letters_received": 5})
    with pytest.raises(ValidationError):
        actions.return_submission(first, actor=world.officer, reason=" ")
    actions.return_submission(first, actor=world.officer, reason="Số đơn không khớp.")
    second = upload(req, world.a, world.clerk_a, {"letters_received": 5}, day=datetime.date(2020, 11, 20))
    first.refresh_from_db()
    assert (first.version, first.is_current, first.status) == (1, False, SubmissionStatus.RETURNED)
    assert (second.version, second.is_current, second.previous_id) == (2, True, first.pk)
    assert second.is_late and not first.is_late
    assert list(Submission.objects.filter(organization=world.a).values_list("version", flat=True)) == [2, 1]
    row = next(r for r in provincial.completeness(req).rows if r.organization == world.a)
    assert row.state == provincial.ON_TIME  # judged on the first version
    assert provincial.consolidate(req).totals["letters_received"] == 5


def test_completeness_counts_on_time_late_and_missing(world, req, upload):
    upload(req, world.a, world.clerk_a, {"letters_received": 1}, day=datetime.date(2020, 11, 13))
    result = provincial.completeness(req)
    assert (result.total, result.submitted, result.on_time, result.late, result.missing) == (2, 1, 1, 0, 1)
    assert result.not_reported() == [world.b]
    sent = actions.send_reminders(req, actor=world.officer)
    assert sent == 1  # clerk_b
    upload(req, world.b, world.clerk_b, {"letters_received": 1}, day=datetime.date(2020, 11, 14))
    result = provincial.completeness(req)
    assert (result.on_time, result.late, result.missing) == (1, 1, 0)


def _signer_a(world):
    from danchu.orgs.models import Membership

    return Membership.objects.get(person__user=world.head_a, organization=world.a)


def _submitted_report(world, values):
    """A report of A in the state reporting's submit action leaves it: submitted with its snapshot."""
    from danchu.reporting import actions as reporting_actions
    from danchu.reporting.models import Report, ReportSnapshot, ReportStatus

    report = reporting_actions.create_report(
        world.a,
        world.period_2020,
        actor=world.clerk_a,
        signer=_signer_a(world),
        signer_title="GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)",
    )
    ReportSnapshot.objects.create(
        report=report,
        values={"values": {code: {"value": v, "origin": "computed"} for code, v in values.items()}},
    )
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    report.refresh_from_db()
    return report


def test_consolidation_reads_frozen_values(world, req):
    from danchu.reporting import actions as reporting_actions

    report = _submitted_report(world, {"letters_received": 15, "fines_vnd": 41250000})
    actions.submit_report(
        req, world.a, report, actor=world.clerk_a, submitted_at=when(datetime.date(2020, 11, 9))
    )
    # Hand-entered figures are closed once the report is past its draft…
    with pytest.raises(ValidationError, match="không sửa được số liệu nhập tay"):
        reporting_actions.set_override(
            world.a,
            world.period_2020,
            "letters_received",
            Decimal(99),
            "sửa sau khi gửi",
            actor=world.clerk_a,
        )
    # …and the register itself changes after submission: a letter received in the period.
    from danchu.petitions import actions as petition_actions

    petition_actions.register(
        world.a,
        actor=world.clerk_a,
        kind="feedback",
        channel="paper",
        received_on=datetime.date(2020, 12, 1),
        subject="Phản ánh nhận sau khi gửi báo cáo",
        content="…",
        identity={"full_name": "Trần Văn B"},
    )
    assert provincial.consolidate(req).totals["letters_received"] == 15
    assert provincial.consolidate(req).totals["fines_vnd"] == 41250000


def test_draft_report_cannot_be_submitted(world, req):
    from danchu.reporting import actions as reporting_actions

    report = reporting_actions.create_report(
        world.a,
        world.period_2020,
        actor=world.clerk_a,
        signer=_signer_a(world),
        signer_title="GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)",
    )
    with pytest.raises(ValidationError, match="Đã gửi"):
        actions.submit_report(req, world.a, report, actor=world.clerk_a)


@pytest.fixture
def merged(world, snv):
    """2025: A merges into B on 01/03/2025; the province TV becomes VL on 01/07/2025."""
    vl = Organization.objects.create(
        code="VL",
        name="UBND tỉnh Vĩnh Long",
        kind=OrganizationKind.PROVINCE,
        valid_from=datetime.date(2025, 7, 1),
    )
    vl_b = Organization.objects.create(
        code="VL.B",
        name="Sở B (Vĩnh Long)",
        kind=OrganizationKind.DEPARTMENT,
        parent=vl,
        valid_from=datetime.date(2025, 7, 1),
    )
    vl_snv = Organization.objects.create(
        code="VL.SNV",
        name="Sở Nội vụ",
        short_name="SNV",
        kind=OrganizationKind.DEPARTMENT,
        parent=vl,
        valid_from=datetime.date(2025, 7, 1),
    )
    Organization.objects.filter(pk=world.a.pk).update(valid_to=datetime.date(2025, 2, 28), successor=world.b)
    Organization.objects.filter(pk=world.b.pk).update(valid_to=datetime.date(2025, 6, 30), successor=vl_b)
    Organization.objects.filter(pk=world.tv.pk).update(valid_to=datetime.date(2025, 6, 30), successor=vl)
    Organization.objects.filter(pk=snv.pk).update(valid_to=datetime.date(2025, 6, 30), successor=vl_snv)
    for org in (world.a, world.b, world.tv, snv):
        org.refresh_from_db()
    return {"vl": vl, "vl_b": vl_b, "vl_snv": vl_snv}


def test_targets_follow_validity_dates(world, snv, merged):
    day_2020, day_2026 = datetime.date(2020, 11, 5), datetime.date(2026, 1, 10)
    found, dropped = targets.resolve(mode=TargetMode.LIST, day=day_2020, chosen=[world.a, world.b])
    assert found == [world.a, world.b] and dropped == []
    found, dropped = targets.resolve(mode=TargetMode.LIST, day=day_2026, chosen=[world.a, world.b])
    assert found == [merged["vl_b"]]
    found, _ = targets.resolve(mode=TargetMode.SUBTREE, day=day_2020, root=world.tv, exclude=snv)
    assert set(found) == {world.a, world.b}
    found, _ = targets.resolve(mode=TargetMode.SUBTREE, day=day_2026, root=world.tv, exclude=merged["vl_snv"])
    assert found == [merged["vl_b"]]


def test_validation_lists_violations_per_agency(world, req, upload):
    upload(
        req,
        world.a,
        world.clerk_a,
        {
            "letters_received": 6,
            "complaints_received": 2,
            "denunciations_received": 1,
            "feedback_received": 2,
        },
    )
    upload(
        req,
        world.b,
        world.clerk_b,
        {"petitions_due": 5, "petitions_resolved": 4, "complaint_resolution_rate": 90},
    )
    items = {sub.organization.code: problems for sub, problems in provincial.validation(req)}
    assert "Tổng số đơn tiếp nhận" in items["TV.A"][0]["message"]
    assert items["TV.B"][0]["code"] == "complaint_resolution_rate"
    assert "80" in items["TV.B"][0]["message"]


def test_agency_cannot_see_another_agencys_submission(world, req, upload, client_for):
    sub = upload(req, world.a, world.clerk_a, {"letters_received": 1})
    url = reverse("consolidation:submission", args=[sub.uuid])
    assert client_for(world.clerk_b).get(url).status_code == 404
    assert client_for(world.staff_a).get(url).status_code == 404
    assert client_for(world.clerk_a).get(url).status_code == 200
    assert client_for(world.officer).get(url).status_code == 200
    assert (
        client_for(world.clerk_a).get(reverse("consolidation:consolidation", args=[req.uuid])).status_code
        == 404
    )


def test_officer_returns_a_submission_through_the_page(world, req, upload, client_for):
    sub = upload(req, world.a, world.clerk_a, {"letters_received": 1})
    client = client_for(world.officer)
    url = reverse("consolidation:review", args=[sub.uuid, "return"])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    response = client.post(url, {"reason": "Thiếu phụ lục"})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.RETURNED and sub.return_reason == "Thiếu phụ lục"
    client = client_for(world.clerk_b)
    assert client.post(reverse("consolidation:review", args=[sub.uuid, "accept"])).status_code == 404


def test_data_entry_form_keeps_input_and_stores_nothing_on_error(world, req, client_for):
    client = client_for(world.clerk_a)
    url = reverse("consolidation:agency_submit", args=[req.uuid, world.a.uuid])
    response = client.post(
        url,
        {"mode": "upload", "file": docx_upload(), "v_letters_received": "12.5", "v_fines_vnd": "41.250.000"},
    )
    assert response.status_code == 400
    assert "dấu phẩy" in response.content.decode()
    assert 'value="41.250.000"' in response.content.decode()
    assert not Submission.objects.exists()
    response = client.post(
        url,
        {"mode": "upload", "file": docx_upload(), "v_letters_received": "15", "v_fines_vnd": "41.250.000"},
    )
    assert response.status_code == 302
    assert Submission.objects.get().values["fines_vnd"] == 41250000


def test_upload_must_be_docx_or_pdf(world, req):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        actions.submit_upload(
            req,
            world.a,
            actor=world.clerk_a,
            uploaded_file=SimpleUploadedFile("x.docx", b"not a docx"),
            values={"letters_received": 1},
        )
    assert not Submission.objects.exists()


def test_a_zip_renamed_docx_is_refused(world, req):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    with pytest.raises(ValidationError) as exc:
        actions.submit_upload(
            req,
            world.a,
            actor=world.clerk_a,
            uploaded_file=SimpleUploadedFile("bao-cao.docx", buffer.getvalue()),
            values={"letters_received": 1},
        )
    assert "file" in exc.value.message_dict
    assert not Submission.objects.exists()


def test_consolidation_queries_do_not_grow_with_agencies(world, req, upload, client_for):
    upload(req, world.a, world.clerk_a, {"letters_received": 1})
    upload(req, world.b, world.clerk_b, {"letters_received": 2})
    client = client_for(world.officer)
    urls = [
        reverse("consolidation:consolidation", args=[req.uuid]),
        reverse("consolidation:detail", args=[req.uuid]),
        reverse("consolidation:indicator", args=[req.uuid, "letters_received"]),
    ]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    before = counts()
    more = []
    for i in range(5):
        org = Organization.objects.create(
            code=f"TV.X{i}", name=f"Sở X{i}", kind=OrganizationKind.DEPARTMENT, parent=world.tv
        )
        more.append(org)
    from danchu.consolidation.models import RequestTarget

    RequestTarget.objects.bulk_create([RequestTarget(request=req, organization=o) for o in more])
    for org in more:
        upload(req, org, access.SYSTEM, {"letters_received": 3})
    assert counts() == before


def test_cli_writes_docx_and_xlsx(world, req, upload, tmp_path, capsys):
    tmp_path = tmp_path / "out"
    upload(req, world.a, world.clerk_a, {"letters_received": 7})
    call_command("consolidate", "--org", "TV", "--period", "2020", "--out", str(tmp_path))
    names = sorted(p.suffix for p in tmp_path.iterdir())
    assert names == [".docx", ".xlsx"]
    out = capsys.readouterr().out
    assert "Đã gửi: 1/2" in out and "Chưa gửi: 1" in out
    from docx import Document

    docx = next(tmp_path.glob("*.docx"))
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "1457/SNV-XDCQCTTN" in text and "Sở B" in text
    with pytest.raises(CommandError) as exc:
        call_command("consolidate", "--org", "NOPE", "--period", "2020", "--out", str(tmp_path))
    assert exc.value.returncode == 2


def test_scoring_self_assessment_then_officer_score_and_grade(world):
    scheme = actions.create_scheme(
        actor=world.officer,
        province=world.tv,
        year=2020,
        name="Bộ tiêu chí",
        criteria=[
            ("1", "Lãnh đạo", 60, [("1.1", "Kế hoạch", 40), ("1.2", "Kiểm tra", 20)]),
            ("2", "Công khai", 40, []),
        ],
        bands=[("Tốt", 80), ("Khá", 65), ("Yếu", 0)],
        bonus_max=5,
    )
    leaves = {c.number: c.pk for c in actions.leaf_criteria(scheme)}
    assert set(leaves) == {"1.1", "1.2", "2"}
    with pytest.raises(ValidationError):
        actions.self_assess(scheme, world.a, {leaves["1.1"]: Decimal(41)}, actor=world.clerk_a)
    actions.self_assess(
        scheme,
        world.a,
        {leaves["1.1"]: Decimal(38), leaves["1.2"]: Decimal(18), leaves["2"]: Decimal(35)},
        actor=world.clerk_a,
        submit=True,
    )
    assessment = scheme.assessments.get(organization=world.a)
    assert assessment.self_total == 91
    with pytest.raises(ValidationError):
        actions.score_assessment(
            assessment,
            {leaves["1.1"]: Decimal(30), leaves["1.2"]: Decimal(15), leaves["2"]: Decimal(30)},
            actor=world.officer,
            bonus=Decimal(2),
        )
    actions.score_assessment(
        assessment,
        {leaves["1.1"]: Decimal(30), leaves["1.2"]: Decimal(15), leaves["2"]: Decimal(30)},
        actor=world.officer,
        bonus=Decimal(2),
        bonus_reason="Mô hình tốt",
    )
    assessment.refresh_from_db()
    assert assessment.assessor_total == 77 and assessment.grade == "Khá"


def test_home_panel_shows_awaiting_request_to_agency(world, req, client_for):
    RoleAssignment.objects.get_or_create(user=world.clerk_a, organization=world.a, role=Role.CLERK)
    content = client_for(world.clerk_a).get("/").content.decode()
    assert "1457/SNV-XDCQCTTN" in content and "13/11/2020" in content


def test_demo_answers_reproduce_every_state_and_stttt_answers_with_its_danchu_report(demo_data):
    from danchu.consolidation.models import Submission

    demo_data("full")
    current = {
        s.organization.code: s for s in Submission.objects.select_related("organization").order_by("version")
    }
    assert current["TV.STTTT"].report is not None and not current["TV.STTTT"].is_late
    assert current["TV.STTTT"].values["letters_received"] == 15
    assert current["TV.STP"].is_late
    assert Submission.objects.filter(organization__code="TV.SKHCN", status="returned").exists()
    assert "TV.SGDDT" not in current


def test_system_admin_configures_a_scoring_scheme_in_the_admin(world, client):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    client.force_login(world.admin)
    response = client.get("/quan-tri/consolidation/scoringscheme/add/")
    assert (
        response.status_code == 200
        and "Criterion" in response.content.decode()
        or "tiêu chí" in response.content.decode()
    )


def test_a_reminder_is_a_notification_and_its_email_leaves_after_the_commit(
    world, req, client_for, django_capture_on_commit_callbacks
):
    from django.core import mail

    from danchu.notifications.models import Notification

    world.clerk_b.email = "vanthu.sob@example.vn"
    world.clerk_b.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert actions.send_reminders(req, actor=world.officer) == 3  # head and clerk of A, clerk of B
    assert mail.outbox == []  # nothing sent inside the action's transaction
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["vanthu.sob@example.vn"]]
    (note,) = Notification.objects.about(req).filter(
        user=world.clerk_b, kind__startswith="consolidation.remind"
    )
    assert note.organization == world.b and note.actor == world.officer and note.read_at is None
    client_for(world.clerk_b).get(note.url)  # the agency page marks it read
    note.refresh_from_db()
    assert note.read_at is not None
