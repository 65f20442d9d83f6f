"""The files of the activities registers keep their columns: the import template's headers (in
Vietnamese whatever the user's language, required ones starred) and the export's headers. The
registers derive them from the models' verbose_names (danchu.core.registers); a verbose_name
edited must not rename a column agencies fill in."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

IMPORT_HEADERS = {
    "campaign": [
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
    "fund": ["Tên quỹ *", "Mục đích", "Cơ quan, đơn vị"],
    "contribution": ["Tên quỹ *", "Ngày *", "Số tiền (đồng) *", "Người, đơn vị đóng góp", "Ghi chú"],
    "procedure": [
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
    "duty": ["Họ và tên *", "Chức vụ", "Từ ngày *", "Đến ngày", "Cơ quan cử", "Ghi chú"],
    "staffing": [
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
    "activity": ["Ngày *", "Nhóm *", "Tiêu đề *", "Mô tả", "Văn bản liên quan", "Cơ quan, đơn vị"],
}

EXPORT_HEADERS = {
    "campaign": ["Chủ đề", "Kênh", "Từ ngày", "Đến ngày", "Tin, bài", "Văn bản", "Băng rôn"],
    "fund": ["Tên quỹ", "Cơ quan, đơn vị", "Số khoản", "Tổng số tiền (đồng)"],
    "contribution": ["Quỹ", "Ngày", "Người, đơn vị đóng góp", "Số tiền (đồng)"],
    "procedure": [
        "Mã",
        "Tên thủ tục",
        "Lĩnh vực",
        "Cổng tỉnh",
        "Trang cơ quan",
        "Trụ sở",
        "TT PVHCC",
        "Trực tuyến",
    ],
    "duty": ["Họ và tên", "Chức vụ", "Từ ngày", "Đến ngày"],
    "staffing": [
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
    "activity": ["Tiêu đề", "Ngày", "Nhóm", "Văn bản"],
}


def _first_row(content):
    return [c.value for c in load_workbook(io.BytesIO(content)).worksheets[0][1]]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", IMPORT_HEADERS)
def test_import_template_keeps_its_headers(world, client_for, name, language):
    client = client_for(world.clerk_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse(f"activities:{name}_template"))
    assert response.status_code == 200
    assert _first_row(response.content) == IMPORT_HEADERS[name]


@pytest.mark.parametrize("name", EXPORT_HEADERS)
def test_export_keeps_its_headers(world, client_for, name):
    response = client_for(world.clerk_a).get(reverse(f"activities:{name}_export"))
    assert response.status_code == 200
    assert _first_row(response.content) == EXPORT_HEADERS[name]
