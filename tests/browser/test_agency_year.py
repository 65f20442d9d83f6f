"""The current year, end to end, from an EMPTY database (no demo, no `world`): the system admin
sets up the province tree and an agency through the setup pages, imports its staff from an XLSX,
gives accounts; a clerk records letters, a disclosure and a staff conference; the 2026 report
starts with one click, the head reviews, signs and submits; the province officer returns it; the
agency corrects and resubmits; the province consolidates; the downloaded DOCX is read back."""

import datetime
import io

import docx
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from danchu.consolidation.models import Submission
from danchu.legal.frameworks import framework_for
from danchu.legal.models import Requirement
from danchu.orgs.models import Organization
from danchu.reporting.models import Report

pytestmark = pytest.mark.django_db(transaction=True)

STAFF = [
    # Họ và tên, Chức vụ, Loại, Đơn vị, Người đứng đầu, Cấp phó, Đảng viên
    ("Lâm Quốc Thịnh", "Giám đốc", "Công chức", "", "có", "", "có"),
    ("Võ Thị Ngọc Hân", "Phó Giám đốc", "Công chức", "", "", "có", "có"),
    ("Đặng Thị Mỹ Tiên", "Chuyên viên", "Công chức", "VP", "", "", ""),
    ("Trần Văn Tâm", "Chánh Văn phòng", "Công chức", "VP", "có", "", "có"),
    ("Nguyễn Thị Thu Trang", "Chuyên viên", "Công chức", "VP", "", "", ""),
    ("Huỳnh Minh Khang", "Kỹ sư", "Viên chức", "VP", "", "", ""),
    ("Phan Thị Kim Yến", "Kế toán", "Viên chức", "VP", "", "", "có"),
    ("Kim Văn Sơn", "Lái xe", "Người lao động", "VP", "", "", ""),
    ("Ngô Thị Lụa", "Bảo vệ", "Người lao động", "VP", "", "", ""),
]
HEAD = "Lâm Quốc Thịnh"


def staff_xlsx(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Chức vụ", "Loại", "Đơn vị", "Người đứng đầu", "Cấp phó", "Đảng viên", "Từ ngày"])
    for row in STAFF:
        ws.append([*row, "01/07/2025"])
    wb.save(path)
    return path


def switch_user(page, login, username, password="pw"):
    page.context.clear_cookies()
    login(username, password)


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def confirm_and_submit(page, selector):
    # Every confirmation is accepted (the page handler set in the test: a form's data-confirm
    # may ask on the click and on the submit).
    submit(page, selector)


def create_org(page, parent_code, kind, code, name, short_name=""):
    page.goto(page.base + "/co-quan/them/" + (f"?parent={parent_code}" if parent_code else ""))
    page.select_option("#id_kind", kind)
    page.fill("#id_code", code)
    page.fill("#id_name", name)
    if short_name:
        page.fill("#id_short_name", short_name)
    if not parent_code:
        page.fill("#id_place_name", "Vĩnh Long")
    submit(page, "main form button[type=submit]")
    assert page.url.endswith(f"/co-quan/{code}/thiet-lap/"), page.text_content("main")


def create_account(page, username, full_name, role, person=None):
    page.fill("#user-form #id_username", username)
    page.fill("#user-form #id_full_name", full_name)
    page.fill("#user-form #id_password", "mat-khau-2026")
    page.select_option("#user-form #id_role", role)
    if person:
        page.select_option("#user-form #id_person", label=person)
    submit(page, "#user-form button[type=submit]")
    assert f"Đã tạo tài khoản {username}" in page.text_content("main")


def docx_text(path):
    document = docx.Document(io.BytesIO(open(path, "rb").read()))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def docx_rows(path):
    """{indicator: value} of the appendix table of figures (columns "Chỉ tiêu" and "Số liệu")."""
    document = docx.Document(io.BytesIO(open(path, "rb").read()))
    rows = {}
    for table in document.tables:
        header = [c.text.strip() for c in table.rows[0].cells]
        if "Chỉ tiêu" not in header or "Số liệu" not in header:
            continue
        label, value = header.index("Chỉ tiêu"), header.index("Số liệu")
        for row in table.rows[1:]:
            cells = [c.text.strip() for c in row.cells]
            rows.setdefault(cells[label], cells[value])
    return rows


def test_a_new_agency_writes_its_2026_report_from_an_empty_install(page, login, tmp_path):
    today = timezone.localdate()
    page.on("dialog", lambda dialog: dialog.accept())
    # The one thing an install has: a superuser (`danchu createsuperuser`).
    get_user_model().objects.create_superuser("root", "root@example.org", "pw", first_name="Quản trị")
    assert not Organization.objects.exists()

    # ---- The system admin builds the province tree as it is since 01/07/2025.
    login("root")
    submit(page, "#home-setup")
    submit(page, "#add-province")
    page.select_option("#id_kind", "province")
    page.fill("#id_code", "VL")
    page.fill("#id_name", "Ủy ban nhân dân tỉnh Vĩnh Long")
    page.fill("#id_short_name", "UBND")
    page.fill("#id_place_name", "Vĩnh Long")
    submit(page, "main form button[type=submit]")
    assert page.url.endswith("/co-quan/VL/thiet-lap/")
    create_org(page, "VL", "department", "VL.SNV", "Sở Nội vụ", "SNV")
    create_org(page, "VL", "department", "VL.SKHCN", "Sở Khoa học và Công nghệ", "SKHCN")
    create_org(page, "VL", "commune", "VL.LONGDUC", "Ủy ban nhân dân xã Long Đức", "UBND")
    create_org(page, "VL.SKHCN", "office", "VL.SKHCN.VP", "Văn phòng Sở", "VP")
    page.goto(page.base + "/co-quan/them/?parent=VL")
    assert page.locator("#id_kind option[value=district]").count() == 0  # no district level

    # ---- Its reporting period, from the period page (the default cut-off: 15/12–14/12).
    page.goto(page.base + "/co-quan/ky-bao-cao/")
    page.select_option("#id_kind", "annual")
    page.fill("#id_year", "2026")
    submit(page, "#period-form button[type=submit]")
    assert "15/12/2025 – 14/12/2026" in page.text_content("main table")

    # ---- The agency's staff from XLSX: dry run, then confirm.
    page.goto(page.base + "/co-quan/VL.SKHCN/thiet-lap/")
    submit(page, "#staff-import")
    page.set_input_files("#id_file", str(staff_xlsx(tmp_path / "can-bo.xlsx")))
    submit(page, "button[value=check]")
    assert "Chạy thử thành công" in page.text_content("main")
    submit(page, "button[value=commit]")
    assert page.url.endswith("/co-quan/VL.SKHCN/thiet-lap/")
    staff = page.text_content("#staff")
    assert all(name in staff for name, *_rest in STAFF) and "(9)" in staff

    # ---- What its documents need: head title, default signer, recipients.
    page.fill("#settings-form #id_head_title", "Giám đốc")
    page.select_option("#settings-form #id_default_signer", label=f"{HEAD} — Giám đốc")
    page.fill("#settings-form #id_default_recipients", "Sở Nội vụ (b/c)\nBan Giám đốc Sở\nLưu: VT, VP.")
    submit(page, "#settings-form button[type=submit]")
    preview = page.text_content("#signature-preview")
    assert "GIÁM ĐỐC" in preview and HEAD in preview

    # ---- Accounts: the clerk and the head of the agency, the province officer.
    create_account(page, "skhcn.vanthu", "Đặng Thị Mỹ Tiên", "clerk", person="Đặng Thị Mỹ Tiên")
    create_account(page, "skhcn.giamdoc", HEAD, "agency_head", person=HEAD)
    page.goto(page.base + "/co-quan/VL/thiet-lap/")  # the officer works over the whole province
    create_account(page, "snv.chuyenvien", "Lê Thị Thu Hà", "province_officer")

    # ---- The province officer asks for the 2026 reports.
    skhcn = Organization.objects.get(code="VL.SKHCN")
    switch_user(page, login, "snv.chuyenvien", "mat-khau-2026")
    page.goto(page.base + "/tong-hop/yeu-cau/moi/")
    page.fill("#id_reference", "2150/SNV-XDCQ")
    page.fill("#id_issued_on", today.isoformat())
    page.fill("#id_title", "Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2026")
    page.select_option("#id_period", label="Năm 2026")
    page.fill("#id_deadline", (today + datetime.timedelta(days=10)).isoformat())
    page.check("input[name=target_mode][value=list]")
    page.check(f"input[name=chosen][value='{skhcn.pk}']")
    submit(page, "main form button[type=submit]")
    assert "2150/SNV-XDCQ" in page.text_content("main")
    request_url = page.url

    # ---- The clerk records letters, a disclosure and a staff conference.
    switch_user(page, login, "skhcn.vanthu", "mat-khau-2026")
    letters = [
        ("complaint", "Khiếu nại việc chậm cấp giấy chứng nhận hoạt động khoa học và công nghệ"),
        ("feedback", "Phản ánh việc đăng ký đề tài trên cổng dịch vụ công bị lỗi"),
        ("feedback", "Kiến nghị công khai danh mục nhiệm vụ khoa học năm 2027"),
    ]
    for kind, subject in letters:
        page.goto(page.base + "/don-thu/tiep-nhan/")
        page.select_option("#id_kind", kind)
        page.fill("#id_received_on", today.isoformat())
        page.fill("#id_full_name", "Nguyễn Văn Dân")
        page.fill("#id_address", "Phường 1, tỉnh Vĩnh Long")
        page.fill("#id_subject", subject)
        page.fill("#id_content", subject + ".")
        submit(page, "main form button[type=submit]")
        assert subject in page.text_content("main"), page.text_content("main")

    page.goto(page.base + "/dan-chu/cong-khai/moi/")
    page.fill("#id_title", "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026")
    requirement = Requirement.objects.get(framework=framework_for(today), area="disclosure", code="1")
    page.select_option("#id_requirement", str(requirement.pk))
    page.fill("#id_decided_on", today.isoformat())
    page.check("input[name=channels][value=intranet]")
    submit(page, "main button[type=submit]")
    assert page.locator("#publish").count(), page.text_content("main")
    submit(page, "#publish")
    assert "Đã công khai" in page.text_content(".messages")

    page.goto(page.base + "/dan-chu/hoi-nghi/moi/")
    page.fill("#id_year", "2026")
    page.fill("#id_held_on", today.isoformat())
    submit(page, "main form button[type=submit]")
    boxes = page.locator("#checkin input[name=present]")
    assert boxes.count() == len(STAFF)  # the electorate is the imported staff list
    for i in range(7):
        boxes.nth(i).check()
    submit(page, "#checkin button[type=submit]")
    page.fill("#resolution-form #id_text", "Thông qua Quy chế thực hiện dân chủ trong hoạt động của Sở")
    page.fill("#resolution-form #id_votes_for", "7")
    submit(page, "#resolution-form button[type=submit]")
    submit(page, "button:has-text('Bế mạc hội nghị')")

    # ---- The 2026 report starts with one click, from the agency's settings.
    page.goto(page.base + "/bao-cao/")
    page.select_option("select[name=period]", label="Năm 2026")
    submit(page, "button:has-text('Lập báo cáo mới')")
    assert "/thong-tin/" in page.url, page.text_content("main")
    assert page.input_value("#id_signer_title") == "GIÁM ĐỐC"
    assert page.input_value("#id_request_ref") == "2150/SNV-XDCQ"
    assert "Ban Giám đốc Sở" in page.input_value("#id_recipients")
    report_url = page.url.replace("thong-tin/", "")

    # The mandatory sections, written by the clerk.
    page.goto(report_url)
    for box in page.locator("#sections textarea").all():
        box.fill("Sở đã quán triệt và thực hiện nghiêm Luật Thực hiện dân chủ ở cơ sở năm 2022.")
    submit(page, "#sections button[type=submit]")

    # ---- The head reviews, signs and submits.
    switch_user(page, login, "skhcn.giamdoc", "mat-khau-2026")
    page.goto(report_url)
    assert page.locator("#workflow button:has-text('Đã rà soát')").count(), page.text_content("main")
    confirm_and_submit(page, "#workflow button:has-text('Đã rà soát')")
    sign = page.locator("#workflow button:has-text('Ký báo cáo')")
    assert sign.is_enabled(), page.text_content("#checks")
    confirm_and_submit(page, "#workflow button:has-text('Ký báo cáo')")
    assert "Đã ký" in page.text_content("#workflow"), page.text_content("main")
    confirm_and_submit(page, "#workflow button:has-text('Gửi báo cáo')")
    agency_url = (
        page.base + f"/tong-hop/yeu-cau/{request_url.rstrip('/').rsplit('/', 1)[-1]}/co-quan/{skhcn.uuid}/"
    )
    page.goto(agency_url)
    page.select_option("#link-form select[name=report]", index=1)
    submit(page, "#link-form button[type=submit]")
    assert "Đã gửi báo cáo (phiên bản 1" in page.text_content(".messages")

    # ---- The province officer returns it.
    switch_user(page, login, "snv.chuyenvien", "mat-khau-2026")
    page.goto(request_url)
    page.click("#targets tr[data-org='VL.SKHCN'] >> text=v1")
    page.fill("#return-form textarea[name=reason]", "Đề nghị bổ sung kết quả hội nghị cán bộ, công chức.")
    submit(page, "#return-form button[type=submit]")
    assert "Bị trả lại" in page.text_content("#targets tr[data-org='VL.SKHCN']")

    # ---- The agency corrects and resubmits.
    switch_user(page, login, "skhcn.vanthu", "mat-khau-2026")
    page.goto(report_url)
    page.fill("#workflow textarea[name=reason]", "Bổ sung kết quả hội nghị theo yêu cầu của Sở Nội vụ.")
    confirm_and_submit(page, "#workflow button:has-text('Lập bản đính chính')")
    v2_url = page.url
    page.locator("#sections textarea").first.fill(
        "Sở đã tổ chức hội nghị cán bộ, công chức, viên chức năm 2026, thông qua Quy chế dân chủ."
    )
    submit(page, "#sections button[type=submit]")
    switch_user(page, login, "skhcn.giamdoc", "mat-khau-2026")
    page.goto(v2_url)
    confirm_and_submit(page, "#workflow button:has-text('Đã rà soát')")
    confirm_and_submit(page, "#workflow button:has-text('Ký báo cáo')")
    confirm_and_submit(page, "#workflow button:has-text('Gửi báo cáo')")
    page.goto(agency_url)
    v2 = Report.objects.get(organization=skhcn, version=2)
    # Nobody links v2 by hand: submitting the correction made it the request's current answer.
    assert "v2" in page.text_content("#versions")
    assert "Bổ sung kết quả hội nghị" in page.text_content("main")  # shown with its reason
    assert Submission.objects.get(organization=skhcn, is_current=True).report == v2

    # ---- The province consolidates and accepts v2.
    switch_user(page, login, "snv.chuyenvien", "mat-khau-2026")
    page.goto(request_url)
    page.click("#targets tr[data-org='VL.SKHCN'] >> text=v2")
    submit(page, "#review button:has-text('Tiếp nhận')")
    page.goto(request_url + "tong-hop/")
    with page.expect_download() as download:
        page.click("text=Báo cáo tổng hợp (DOCX)")
    provincial = docx_text(download.value.path())
    assert "Sở Khoa học và Công nghệ" in provincial

    # ---- The agency's signed DOCX, read back.
    page.goto(v2_url)
    with page.expect_download() as download:
        page.click("#files a[href*='/tep/'] >> text=.docx")
    text = docx_text(download.value.path())
    assert HEAD in text and "GIÁM ĐỐC" in text
    assert "Ban Giám đốc Sở" in text
    figures = docx_rows(download.value.path())
    assert figures["Tổng số đơn tiếp nhận"] == "03"  # the three letters registered above
    assert figures["Nội dung đã công khai"] == "01"  # the disclosure published
    assert figures["Cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức"] == "01"
    # The current-law template cites the Law by number (no narrative above carries it).
    assert "10/2022/QH15" in text
