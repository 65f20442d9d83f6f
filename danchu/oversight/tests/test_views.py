import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from danchu.audit.models import AuditAction, AuditEvent
from danchu.audit.trail import history_for
from danchu.core.stale import version_of
from danchu.oversight import actions
from danchu.oversight.models import Inspection, InspectionSubject, Outcome, PartyOversight

D = datetime.date


def make_inspection(org, ref="KT-01/2020", actor=None, **kwargs):
    values = dict(
        organization=org,
        ref=ref,
        kind="specialised",
        mode="led",
        field="printing",
        subject_line="Kiểm tra hoạt động in",
        start=D(2020, 6, 8),
    )
    values.update(kwargs)
    return actions.save_inspection(Inspection(**values), actor=actor)


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "thanh-tra.xlsx"
    return buffer


URL = "oversight:inspection_"


def test_clerk_creates_an_inspection_with_an_audit_row(world, client_for):
    client = client_for(world.clerk_a)
    response = client.post(
        reverse(URL + "create"),
        {
            "organization": world.a.pk,
            "ref": "KT-09/2020",
            "kind": "specialised",
            "mode": "led",
            "field": "printing",
            "subject_line": "Kiểm tra cơ sở in",
            "start": "2020-06-08",
            "status": "concluded",
        },
    )
    inspection = Inspection.objects.get(ref="KT-09/2020")
    assert response.status_code == 302 and response.url == reverse(URL + "detail", args=[inspection.uuid])
    event = history_for(inspection).get(action=AuditAction.CREATE)
    assert event.actor == world.clerk_a and event.organization == world.a


def test_a_joint_inspection_needs_its_partner_and_keeps_what_was_typed(world, client_for):
    client = client_for(world.inspector_a)
    response = client.post(
        reverse(URL + "create"),
        {
            "organization": world.a.pk,
            "ref": "PH-01/2020",
            "kind": "specialised",
            "mode": "joint",
            "field": "radio_frequencies",
            "subject_line": "Kiểm tra tần số",
            "start": "2020-07-13",
            "end": "2020-07-01",
            "status": "concluded",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "phải ghi tên cơ quan phối hợp" in body
    assert "Ngày kết thúc không được trước ngày bắt đầu" in body
    assert 'value="Kiểm tra tần số"' in body
    assert not Inspection.objects.exists()


def test_edit_records_the_change(world, client_for):
    inspection = make_inspection(world.a, actor=world.clerk_a)
    client = client_for(world.inspector_a)
    response = client.post(
        reverse(URL + "edit", args=[inspection.uuid]),
        {
            "organization": world.a.pk,
            "ref": "KT-01/2020",
            "kind": "specialised",
            "mode": "led",
            "field": "printing",
            "subject_line": "Kiểm tra hoạt động in, sao chụp",
            "start": "2020-06-08",
            "status": "concluded",
            "opened_version": version_of(inspection),  # the edit form carries it (issue 14, item 9)
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE).get()
    assert event.changes == {"subject_line": ["Kiểm tra hoạt động in", "Kiểm tra hoạt động in, sao chụp"]}
    page = client.get(reverse(URL + "detail", args=[inspection.uuid])).content.decode()
    assert "Lịch sử thay đổi" in page and "Kiểm tra hoạt động in, sao chụp" in page


def test_delete_asks_then_deletes_with_an_audit_row(world, client_for):
    inspection = make_inspection(world.a, actor=world.clerk_a)
    client = client_for(world.clerk_a)
    confirm = client.get(reverse(URL + "delete", args=[inspection.uuid]))
    assert "data-confirm" in confirm.content.decode()
    response = client.post(reverse(URL + "delete", args=[inspection.uuid]), {"reason": "Nhập trùng"})
    assert response.status_code == 302 and not Inspection.objects.exists()
    assert AuditEvent.objects.get(action=AuditAction.DELETE).reason == "Nhập trùng"


def test_outsider_gets_404_everywhere(world, client_for):
    inspection = make_inspection(world.a)
    client = client_for(world.clerk_b)
    for view in ("detail", "edit", "delete"):
        assert client.get(reverse(URL + view, args=[inspection.uuid])).status_code == 404
    assert client.post(reverse(URL + "delete", args=[inspection.uuid])).status_code == 404
    assert "KT-01/2020" not in client.get(reverse(URL + "list")).content.decode()
    assert Inspection.objects.exists()


def test_staff_may_read_but_not_change(world, client_for):
    inspection = make_inspection(world.a_unit)
    client = client_for(world.staff_a)
    page = client.get(reverse(URL + "detail", args=[inspection.uuid]))
    assert (
        page.status_code == 200 and reverse(URL + "edit", args=[inspection.uuid]) not in page.content.decode()
    )
    assert client.get(reverse(URL + "list")).status_code == 200
    assert client.get(reverse(URL + "edit", args=[inspection.uuid])).status_code == 404
    assert client.get(reverse(URL + "create")).status_code == 404
    assert client.get(reverse(URL + "import")).status_code == 404


def test_party_registers_are_not_for_inspectors(world, client_for):
    client = client_for(world.inspector_a)
    assert client.get(reverse("oversight:party_create")).status_code == 404
    assert client.get(reverse("oversight:party_list")).status_code == 200


def test_party_oversight_must_belong_to_a_party_organisation(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        actions.save_party_oversight(
            PartyOversight(
                organization=world.a, kind="inspection", body="committee", subject="x", date=D(2020, 1, 2)
            ),
            actor=world.clerk_a,
        )
    assert "đảng ủy hoặc chi bộ" in str(exc.value)


def test_list_search_filter_and_fixed_queries(world, client_for, django_assert_max_num_queries):
    for i in range(3):
        inspection = make_inspection(
            world.a, ref=f"KT-0{i}/2020", mode="joint" if i else "led", partner="Công an tỉnh"
        )
        for j in range(3):
            InspectionSubject.objects.create(inspection=inspection, name=f"Đối tượng {j}")
    client = client_for(world.clerk_a)
    client.get(reverse(URL + "list"))
    with django_assert_max_num_queries(8):
        page = client.get(reverse(URL + "list"), {"hinh-thuc": "joint"}).content.decode()
    assert "KT-01/2020" in page and "KT-00/2020" not in page
    for i in range(3, 12):
        make_inspection(world.a, ref=f"KT-{i}/2020")
    with django_assert_max_num_queries(8):
        client.get(reverse(URL + "list"))
    page = client.get(reverse(URL + "list"), {"q": "KT-5/"}).content.decode()
    assert "KT-5/2020" in page and "KT-6/2020" not in page


def test_export_is_xlsx_and_formula_looking_text_stays_text(world, client_for):
    make_inspection(world.a, subject_line='=HYPERLINK("http://x","bấm")')
    response = client_for(world.clerk_a).get(reverse(URL + "export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for c in sheet[2]]
    assert '\'=HYPERLINK("http://x","bấm")' in values


IMPORT_HEADERS = ["Số hiệu", "Hình thức", "Cơ quan phối hợp", "Lĩnh vực", "Nội dung", "Ngày bắt đầu"]


def test_import_dry_run_then_commit(world, client_for):
    client = client_for(world.clerk_a)
    upload = xlsx(
        [
            IMPORT_HEADERS,
            ["KT-01/2020", "Chủ trì", "", "In, xuất bản, phát hành", "Kiểm tra cơ sở in", "8/6/2020"],
            ["PH-01/2020", "Phối hợp", "Công an tỉnh", "Thuê bao di động", "Kiểm tra SIM", "20/10/2020"],
        ]
    )
    response = client.post(reverse(URL + "import"), {"file": upload, "action": "check"})
    body = response.content.decode()
    assert response.status_code == 200 and "Chạy thử thành công" in body and "PH-01/2020" in body
    assert not Inspection.objects.exists()
    token = response.context["token"]
    response = client.post(reverse(URL + "import"), {"token": token, "action": "commit"})
    assert response.status_code == 302
    assert set(Inspection.objects.values_list("ref", "mode", "organization")) == {
        ("KT-01/2020", "led", world.a.pk),
        ("PH-01/2020", "joint", world.a.pk),
    }
    assert (
        AuditEvent.objects.filter(action=AuditAction.CREATE, reason__contains="thanh-tra.xlsx").count() == 2
    )


def test_a_checked_file_nobody_confirmed_is_deleted_a_day_later(world, client_for):
    import os
    import time

    from django.core.files.storage import default_storage

    client = client_for(world.clerk_a)
    rows = [
        IMPORT_HEADERS,
        ["KT-01/2020", "Chủ trì", "", "In, xuất bản, phát hành", "Kiểm tra cơ sở in", "8/6/2020"],
    ]
    first = client.post(reverse(URL + "import"), {"file": xlsx(rows), "action": "check"}).context["token"]
    path = default_storage.path(f"imports/{first}")
    old = time.time() - 2 * 86400
    os.utime(path, (old, old))  # abandoned two days ago
    second = client.post(reverse(URL + "import"), {"file": xlsx(rows), "action": "check"}).context["token"]
    assert not os.path.exists(path)
    assert os.path.exists(default_storage.path(f"imports/{second}"))
    assert client.post(reverse(URL + "import"), {"token": second, "action": "commit"}).status_code == 302
    assert not os.path.exists(default_storage.path(f"imports/{second}"))


def test_import_with_one_bad_row_writes_nothing_and_lists_every_error(world, client_for):
    client = client_for(world.clerk_a)
    upload = xlsx(
        [
            IMPORT_HEADERS,
            ["KT-01/2020", "Chủ trì", "", "In, xuất bản, phát hành", "Kiểm tra cơ sở in", "8/6/2020"],
            ["PH-01/2020", "Phối hợp", "", "Thuê bao di động", "Kiểm tra SIM", "31/2/2020"],
            ["KT-01/2020", "Chủ trì", "", "Nấu ăn", "Trùng số hiệu", "1/7/2020"],
        ]
    )
    response = client.post(reverse(URL + "import"), {"file": upload, "action": "check"})
    assert response.status_code == 400
    errors = {(e.row, e.column) for e in response.context["result"].errors}
    assert (3, "Ngày bắt đầu") in errors and (4, "Lĩnh vực") in errors
    assert "Ghi vào sổ" not in response.content.decode()
    assert not Inspection.objects.exists()


def test_import_rejects_a_file_that_is_not_a_spreadsheet(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(world.clerk_a)
    response = client.post(
        reverse(URL + "import"),
        {"file": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4"), "action": "check"},
    )
    assert response.status_code == 400 and "Chỉ nhận tệp .xlsx hoặc .csv" in response.content.decode()


def test_import_of_subjects_and_outcomes_by_inspection_ref(world, client_for):
    make_inspection(world.a, actor=world.clerk_a)
    client = client_for(world.clerk_a)
    subjects = xlsx(
        [
            ["Số hiệu cuộc thanh tra", "Tên đối tượng", "Có vi phạm", "Hành vi vi phạm"],
            ["KT-01/2020", "Cơ sở in A", "có", "Không đăng ký hoạt động"],
            ["KT-01/2020", "Cơ sở in B", "không", ""],
        ]
    )
    token = client.post(reverse("oversight:subject_import"), {"file": subjects, "action": "check"}).context[
        "token"
    ]
    client.post(reverse("oversight:subject_import"), {"token": token, "action": "commit"})
    assert InspectionSubject.objects.filter(in_violation=True).count() == 1
    outcomes = xlsx(
        [
            ["Số hiệu cuộc thanh tra", "Tên đối tượng", "Hình thức xử lý", "Tiền phạt (đồng)", "Ngày"],
            ["KT-01/2020", "Cơ sở in A", "Quyết định xử phạt vi phạm hành chính", "7.500.000", "26/6/2020"],
            ["KT-01/2020", "Cơ sở in B", "Quyết định xử phạt vi phạm hành chính", "1.000.000", "26/6/2020"],
        ]
    )
    response = client.post(reverse("oversight:outcome_import"), {"file": outcomes, "action": "check"})
    errors = [(e.row, e.column, e.message) for e in response.context["result"].errors]
    assert errors == [(3, "Tên đối tượng", "Chỉ xử lý đối tượng đã ghi nhận có vi phạm.")]
    assert not Outcome.objects.exists()


def test_import_template_downloads(world, client_for):
    response = client_for(world.clerk_a).get(reverse(URL + "template"))
    headers = [c.value for c in load_workbook(io.BytesIO(response.content)).worksheets[0][1]]
    assert headers[0] == "Số hiệu *"


def test_index_lists_the_registers(world, client_for):
    page = client_for(world.staff_a).get(reverse("oversight:index")).content.decode()
    assert "Kiểm tra, giám sát của Đảng" in page


def test_recommendation_follow_up_until_done(world):
    from danchu.oversight.models import Recommendation

    inspection = make_inspection(world.a, actor=world.inspector_a)
    recommendation = actions.save_recommendation(
        Recommendation(inspection=inspection, text="Hoàn thiện hồ sơ", due=D(2020, 6, 30)),
        actor=world.inspector_a,
    )
    actions.mark_recommendation_done(recommendation, actor=world.inspector_a, done_on=D(2020, 6, 15))
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE).get()
    assert event.changes == {"done_on": [None, "2020-06-15"]} and event.organization == world.a
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="đã được ghi nhận hoàn thành"):
        actions.mark_recommendation_done(recommendation, actor=world.inspector_a, done_on=D(2020, 7, 1))


def test_subject_detail_shows_its_outcomes_and_links_back(world, client_for):
    inspection = make_inspection(world.a, actor=world.clerk_a)
    subject = actions.save_subject(
        InspectionSubject(
            inspection=inspection, name="Cơ sở in A", in_violation=True, violation="Không đăng ký"
        ),
        actor=world.clerk_a,
    )
    actions.save_outcome(
        Outcome(subject=subject, kind="sanction_decision", fine_vnd=7_500_000, date=D(2020, 6, 26)),
        actor=world.clerk_a,
    )
    page = client_for(world.staff_a).get(reverse("oversight:subject_detail", args=[subject.uuid]))
    assert page.status_code == 404  # staff of the division do not see the department's records
    page = (
        client_for(world.head_a)
        .get(reverse("oversight:subject_detail", args=[subject.uuid]))
        .content.decode()
    )
    assert "7.500.000" in page and reverse(URL + "detail", args=[inspection.uuid]) in page
    assert f"?subject={subject.pk}" in page


def test_a_subject_without_violation_cannot_be_sanctioned(world):
    from django.core.exceptions import ValidationError

    inspection = make_inspection(world.a)
    subject = actions.save_subject(InspectionSubject(inspection=inspection, name="A"), actor=world.clerk_a)
    with pytest.raises(ValidationError, match="đã ghi nhận có vi phạm"):
        actions.save_outcome(
            Outcome(subject=subject, kind="referral", referred_to="Bộ", date=D(2020, 1, 2)), actor=None
        )
    assert not Outcome.objects.exists()
