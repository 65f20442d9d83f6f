"""The files of the oversight and activities registers keep their columns: the import template's
headers (in Vietnamese whatever the user's language, required ones starred) and the export's
headers. The registers derive them from the models' verbose_names (danchu.core.registers); a
verbose_name edited must not rename a column agencies fill in."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

IMPORT_HEADERS = {
    "oversight:inspection": [
        "Số hiệu *",
        "Loại",
        "Hình thức",
        "Cơ quan phối hợp",
        "Lĩnh vực *",
        "Nội dung *",
        "Ngày bắt đầu *",
        "Ngày kết thúc",
        "Trạng thái",
        "Quyết định",
        "Cơ quan tiến hành",
        "Ghi chú",
    ],
    "oversight:subject": [
        "Số hiệu cuộc thanh tra *",
        "Tên đối tượng *",
        "Loại đối tượng",
        "Địa chỉ",
        "Có vi phạm",
        "Hành vi vi phạm",
    ],
    "oversight:outcome": [
        "Số hiệu cuộc thanh tra *",
        "Tên đối tượng *",
        "Hình thức xử lý *",
        "Chuyển đến",
        "Quyết định xử phạt",
        "Tiền phạt (đồng)",
        "Ngày *",
        "Ghi chú",
    ],
    "oversight:recommendation": [
        "Số hiệu cuộc thanh tra *",
        "Kiến nghị *",
        "Hạn thực hiện",
        "Ngày hoàn thành",
        "Theo dõi thực hiện",
    ],
    "oversight:party": [
        "Tổ chức đảng *",
        "Loại *",
        "Chủ thể tiến hành *",
        "Đối tượng, nội dung *",
        "Ngày *",
        "Phát hiện vi phạm",
        "Kết luận",
    ],
    "oversight:discipline": [
        "Tổ chức đảng *",
        "Đảng viên, tổ chức đảng bị kỷ luật *",
        "Ngày quyết định *",
        "Hình thức kỷ luật *",
        "Nội dung vi phạm *",
        "Quyết định kỷ luật",
    ],
    "oversight:party_complaint": [
        "Tổ chức đảng *",
        "Ngày nhận *",
        "Đảng viên bị khiếu nại, tố cáo *",
        "Nội dung *",
        "Tình trạng",
        "Kết quả giải quyết",
    ],
    "activities:campaign": [
        "Chủ đề *",
        "Kênh *",
        "Từ ngày *",
        "Đến ngày",
        "Số tin, bài",
        "Số văn bản",
        "Số băng rôn, pano",
        "Cơ quan, đơn vị",
        "Ghi chú",
    ],
    "activities:fund": ["Tên quỹ *", "Mục đích", "Cơ quan, đơn vị"],
    "activities:contribution": [
        "Tên quỹ *",
        "Ngày *",
        "Số tiền (đồng) *",
        "Người, đơn vị đóng góp",
        "Ghi chú",
    ],
    "activities:procedure": [
        "Mã thủ tục *",
        "Tên thủ tục *",
        "Lĩnh vực *",
        "Cổng thông tin tỉnh",
        "Trang thông tin của cơ quan",
        "Niêm yết tại trụ sở",
        "Trung tâm Phục vụ hành chính công",
        "Mức độ trực tuyến",
        "Quyết định công bố",
        "Áp dụng từ",
        "Áp dụng đến",
        "Cơ quan giải quyết",
    ],
    "activities:duty": ["Họ và tên *", "Chức vụ", "Từ ngày *", "Đến ngày", "Cơ quan cử", "Ghi chú"],
    "activities:staffing": [
        "Năm *",
        "Biên chế công chức *",
        "Số lượng viên chức *",
        "Công chức hiện có",
        "Viên chức hiện có",
        "Công chức tinh giản",
        "Viên chức tinh giản",
        "Văn bản sắp xếp, tinh giản",
        "Cơ quan, đơn vị",
        "Ghi chú",
    ],
    "activities:activity": ["Ngày *", "Nhóm *", "Tiêu đề *", "Mô tả", "Văn bản liên quan", "Cơ quan, đơn vị"],
}

EXPORT_HEADERS = {
    "oversight:inspection": [
        "Số hiệu",
        "Cơ quan tiến hành",
        "Loại",
        "Hình thức",
        "Cơ quan phối hợp",
        "Lĩnh vực",
        "Nội dung",
        "Quyết định",
        "Ngày bắt đầu",
        "Ngày kết thúc",
        "Trạng thái",
        "Số đối tượng",
        "Số đối tượng vi phạm",
        "Ghi chú",
    ],
    "oversight:subject": ["Tên đối tượng", "Loại", "Cuộc thanh tra", "Có vi phạm", "Hành vi vi phạm"],
    "oversight:outcome": [
        "Đối tượng",
        "Hình thức xử lý",
        "Chuyển đến",
        "Quyết định",
        "Tiền phạt (đồng)",
        "Ngày",
    ],
    "oversight:recommendation": ["Kiến nghị", "Cuộc thanh tra", "Hạn", "Hoàn thành", "Theo dõi thực hiện"],
    "oversight:party": ["Đối tượng, nội dung", "Loại", "Chủ thể", "Tổ chức đảng", "Ngày", "Vi phạm"],
    "oversight:discipline": ["Đảng viên, tổ chức", "Hình thức", "Tổ chức đảng", "Ngày"],
    "oversight:party_complaint": ["Về đảng viên", "Ngày nhận", "Tổ chức đảng", "Tình trạng"],
    "activities:campaign": ["Chủ đề", "Kênh", "Từ ngày", "Đến ngày", "Tin, bài", "Văn bản", "Băng rôn"],
    "activities:fund": ["Tên quỹ", "Cơ quan, đơn vị", "Số khoản", "Tổng số tiền (đồng)"],
    "activities:contribution": ["Quỹ", "Ngày", "Người, đơn vị đóng góp", "Số tiền (đồng)"],
    "activities:procedure": [
        "Mã",
        "Tên thủ tục",
        "Lĩnh vực",
        "Cổng tỉnh",
        "Trang cơ quan",
        "Trụ sở",
        "TT PVHCC",
        "Trực tuyến",
    ],
    "activities:duty": ["Họ và tên", "Chức vụ", "Từ ngày", "Đến ngày"],
    "activities:staffing": [
        "Năm",
        "Cơ quan, đơn vị",
        "Biên chế công chức",
        "Số lượng viên chức",
        "Công chức hiện có",
        "Viên chức hiện có",
        "Công chức tinh giản",
        "Viên chức tinh giản",
        "Tỷ lệ tinh giản (%)",
        "Văn bản",
    ],
    "activities:activity": ["Tiêu đề", "Ngày", "Nhóm", "Văn bản"],
}


def _first_row(content):
    return [c.value for c in load_workbook(io.BytesIO(content)).worksheets[0][1]]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", IMPORT_HEADERS)
def test_import_template_keeps_its_headers(world, client_for, name, language):
    client = client_for(world.clerk_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse(f"{name}_template"))
    assert response.status_code == 200
    assert _first_row(response.content) == IMPORT_HEADERS[name]


@pytest.mark.parametrize("name", EXPORT_HEADERS)
def test_export_keeps_its_headers(world, client_for, name):
    response = client_for(world.clerk_a).get(reverse(f"{name}_export"))
    assert response.status_code == 200
    assert _first_row(response.content) == EXPORT_HEADERS[name]


def test_a_column_is_typed_by_its_field_and_a_relation_needs_a_look_up():
    from django.core.exceptions import ImproperlyConfigured

    from danchu.core.registers import Imports
    from danchu.oversight.models import Inspection, InspectionStatus

    imports = Imports([])
    status = imports.column(Inspection, "status")
    assert (status.kind, status.required, status.default) == ("choice", False, InspectionStatus.CONCLUDED)
    assert status.choices == list(InspectionStatus.choices)
    ref = imports.column(Inspection, ("ref", "Số"))
    assert (ref.header, ref.kind, ref.required, ref.max_length) == ("Số", "text", True, 32)
    assert imports.column(Inspection, "start").kind == "date"
    with pytest.raises(ImproperlyConfigured):
        imports.column(Inspection, "decision")
