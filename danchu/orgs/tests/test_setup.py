"""Setting up an agency from pages: the province tree, an agency's settings, its staff from XLSX,
accounts and roles; every change through an action with an audit row."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from danchu.audit.models import AuditEvent
from danchu.orgs import actions
from danchu.orgs.models import (
    Membership,
    Organization,
    OrganizationKind,
    Person,
    Role,
    RoleAssignment,
    StaffCategory,
)
from danchu.orgs.signing import default_signature

pytestmark = pytest.mark.django_db


def test_a_system_admin_creates_a_province_from_the_page_and_an_officer_may_not(world, client_for):
    response = client_for(world.officer).post(
        "/co-quan/them/", {"kind": "province", "code": "VL", "name": "Ủy ban nhân dân tỉnh Vĩnh Long"}
    )
    assert response.status_code == 400
    assert "chỉ quản trị hệ thống tạo tỉnh mới" in response.content.decode()
    assert not Organization.objects.filter(code="VL").exists()
    response = client_for(world.admin).post(
        "/co-quan/them/",
        {
            "kind": "province",
            "code": "VL",
            "name": "Ủy ban nhân dân tỉnh Vĩnh Long",
            "place_name": "Vĩnh Long",
        },
    )
    assert response.status_code == 302
    vl = Organization.objects.get(code="VL")
    assert vl.parent is None and vl.place_name == "Vĩnh Long"
    assert AuditEvent.objects.filter(organization=vl, verb="tạo cơ quan, đơn vị").exists()


def test_an_officer_adds_a_department_under_the_province_taking_its_place_name(world, client_for):
    response = client_for(world.officer).post(
        "/co-quan/them/",
        {
            "parent": world.tv.pk,
            "kind": "department",
            "code": "TV.SKHCN",
            "name": "Sở Khoa học và Công nghệ",
            "short_name": "SKHCN",
        },
    )
    assert response.status_code == 302
    org = Organization.objects.get(code="TV.SKHCN")
    assert org.parent == world.tv and org.place_name == "Trà Vinh" and org.is_within(world.tv)


def test_no_new_district_level_since_july_2025(world):
    with pytest.raises(ValidationError) as exc:
        actions.create_organization(
            actor=world.admin,
            code="TV.H1",
            name="UBND huyện X",
            kind=OrganizationKind.DISTRICT,
            parent=world.tv,
            valid_from=datetime.date(2025, 7, 1),
        )
    assert "không còn cấp huyện" in exc.value.message_dict["kind"][0]


def test_a_clerk_may_not_create_units(world):
    with pytest.raises(PermissionDenied):
        actions.create_organization(
            actor=world.clerk_a,
            code="TV.A.P2",
            name="Phòng 2",
            kind=OrganizationKind.DIVISION,
            parent=world.a,
        )


def test_the_settings_page_sets_what_the_documents_need_with_an_audit_row(world, client_for):
    head = actions.add_member(
        world.a, actor=world.officer, full_name="Lâm Quốc Thịnh", position="Giám đốc", is_head=True
    )
    client = client_for(world.officer)
    response = client.post(
        f"/co-quan/{world.a.code}/thiet-lap/",
        {
            "form": "settings",
            "name": "Sở A",
            "short_name": "SKHCN",
            "place_name": "Vĩnh Long",
            "head_title": "Giám đốc",
            "default_signer": head.pk,
            "default_recipients": "Sở Nội vụ (b/c)\nLưu: VT, VP.",
            "staff_required_conference": "on",
            "has_internal_site": "on",
            "parent": world.tv.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    org = Organization.objects.get(pk=world.a.pk)
    assert (org.short_name, org.head_title, org.default_signer_id) == ("SKHCN", "Giám đốc", head.pk)
    assert org.has_internal_site  # Luật 10/2022 Art. 48(1): decides how disclosures are posted
    event = AuditEvent.objects.filter(organization=org, verb="sửa thiết lập cơ quan").get()
    assert event.changes["head_title"] == ["", "Giám đốc"]
    assert event.changes["has_internal_site"] == [False, True]
    assert default_signature(org).lines == ["GIÁM ĐỐC"]
    page = client.get(f"/co-quan/{world.a.code}/thiet-lap/").content.decode()
    assert "Lâm Quốc Thịnh" in page


def test_a_clerk_cannot_open_the_settings_page(world, client_for):
    assert client_for(world.clerk_a).get(f"/co-quan/{world.a.code}/thiet-lap/").status_code == 404


def test_a_head_sets_settings_but_not_the_place_in_the_tree(world):
    actions.update_organization(world.a, actor=world.head_a, head_title="Giám đốc")
    with pytest.raises(PermissionDenied):
        actions.update_organization(world.a, actor=world.head_a, parent=world.b)


def test_the_default_signer_must_belong_to_the_agency(world):
    outsider = Membership.objects.get(person__user=world.clerk_b)
    with pytest.raises(ValidationError) as exc:
        actions.update_organization(world.a, actor=world.officer, default_signer=outsider)
    assert "default_signer" in exc.value.message_dict


def _staff_xlsx(rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Chức vụ", "Loại", "Đơn vị", "Người đứng đầu", "Cấp phó", "Đảng viên", "Từ ngày"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


STAFF = [
    ["Lâm Quốc Thịnh", "Giám đốc", "Công chức", "", "có", "", "có", "01/07/2025"],
    ["Võ Thị Ngọc Hân", "Phó Giám đốc", "Công chức", "", "", "có", "có", "01/07/2025"],
    ["Trần Văn Tâm", "Chuyên viên", "Viên chức", "VP", "", "", "", "01/07/2025"],
    ["Ngô Thị Lụa", "Bảo vệ", "Người lao động", "VP", "", "", "", "01/07/2025"],
]


def test_the_staff_list_is_imported_from_xlsx_after_a_dry_run(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(world.officer)
    url = f"/co-quan/{world.a.code}/can-bo/nhap/"
    before = Membership.objects.filter(organization__path__startswith=world.a.path).count()
    upload = SimpleUploadedFile("can-bo.xlsx", _staff_xlsx(STAFF))
    response = client.post(url, {"action": "check", "file": upload})
    assert response.status_code == 200
    assert "Chạy thử thành công" in response.content.decode()
    assert Membership.objects.filter(organization__path__startswith=world.a.path).count() == before
    token = response.context["token"]
    response = client.post(url, {"action": "commit", "token": token})
    assert response.status_code == 302
    created = Membership.objects.filter(person__full_name__in=[r[0] for r in STAFF]).select_related(
        "organization"
    )
    by_name = {m.person.full_name: m for m in created}
    assert by_name["Lâm Quốc Thịnh"].is_head and by_name["Võ Thị Ngọc Hân"].is_deputy
    assert by_name["Trần Văn Tâm"].organization == world.a_unit
    assert by_name["Trần Văn Tâm"].staff_category == StaffCategory.PUBLIC_EMPLOYEE
    assert by_name["Ngô Thị Lụa"].staff_category == StaffCategory.WORKER
    assert AuditEvent.objects.filter(verb="thêm cán bộ vào danh sách").count() == 4


def test_a_bad_staff_row_names_its_row_and_column_and_imports_nothing(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = STAFF[:1] + [["Trần Văn Tâm", "Chuyên viên", "Hợp đồng", "VP", "", "", "", ""]]
    response = client_for(world.officer).post(
        f"/co-quan/{world.a.code}/can-bo/nhap/",
        {"action": "check", "file": SimpleUploadedFile("x.xlsx", _staff_xlsx(rows))},
    )
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [(e.row, e.column) for e in errors] == [(3, "Loại")]
    assert not Person.objects.filter(full_name="Lâm Quốc Thịnh").exists()


def test_the_admin_creates_an_account_with_a_role_from_the_page(world, client_for):
    person = actions.add_member(world.a, actor=world.admin, full_name="Đặng Thị Mỹ Tiên", position="Văn thư")
    response = client_for(world.admin).post(
        f"/co-quan/{world.a.code}/tai-khoan/them/",
        {
            "username": "skhcn.vanthu",
            "full_name": "Đặng Thị Mỹ Tiên",
            "password": "mat-khau-8",
            "role": Role.CLERK,
            "person": person.person.pk,
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="skhcn.vanthu")
    assert RoleAssignment.objects.filter(user=user, organization=world.a, role=Role.CLERK).exists()
    assert Person.objects.get(pk=person.person.pk).user == user
    assert AuditEvent.objects.filter(verb="giao vai trò", organization=world.a).exists()
    created = AuditEvent.objects.get(verb="tạo tài khoản")
    assert created.changes["password"] == ["***", "***"]


def test_only_the_system_admin_manages_accounts(world, client_for):
    assert (
        client_for(world.officer)
        .post(f"/co-quan/{world.a.code}/vai-tro/them/", {"username": "clerk_b", "role": Role.CLERK})
        .status_code
        == 404
    )
    with pytest.raises(PermissionDenied):
        actions.assign_role(actor=world.head_a, user=world.clerk_b, org=world.a, role=Role.CLERK)


def test_roles_are_not_given_at_a_ceased_body(world):
    world.b.valid_to = datetime.date(2025, 6, 30)
    world.b.save()
    with pytest.raises(ValidationError) as exc:
        actions.assign_role(actor=world.admin, user=world.clerk_a, org=world.b, role=Role.CLERK)
    assert "cơ quan kế thừa" in exc.value.message_dict["organization"][0]


def test_the_settings_page_runs_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    for i in range(30):
        actions.add_member(world.a, actor=world.admin, full_name=f"Người {i}", position="Chuyên viên")
    client = client_for(world.admin)
    with django_assert_max_num_queries(25):
        response = client.get(f"/co-quan/{world.a.code}/thiet-lap/")
    assert response.status_code == 200 and "Người 29" in response.content.decode()
