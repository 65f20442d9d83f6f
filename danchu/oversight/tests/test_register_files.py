"""The files of the oversight registers keep their columns: the import template's headers (in
Vietnamese whatever the user's language, required ones starred) and the export's headers. The
registers derive them from the models' verbose_names (danchu.core.registers); a verbose_name
edited must not rename a column agencies fill in."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

IMPORT_HEADERS = {
    "inspection": [
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
    "subject": [
        "Số hiệu cuộc thanh tra *",
        "Tên đối tượng *",
        "Loại đối tượng",
        "Địa chỉ",
        "Có vi phạm",
        "Hành vi vi phạm",
    ],
    "outcome": [
        "Số hiệu cuộc thanh tra *",
        "Tên đối tượng *",
        "Hình thức xử lý *",
        "Chuyển đến",
        "Quyết định xử phạt",
        "Tiền phạt (đồng)",
        "Ngày *",
        "Ghi chú",
    ],
    "recommendation": [
        "Số hiệu cuộc thanh tra *",
        "Kiến nghị *",
        "Hạn thực hiện",
        "Ngày hoàn thành",
        "Theo dõi thực hiện",
    ],
    "party": [
        "Tổ chức đảng *",
        "Loại *",
        "Chủ thể tiến hành *",
        "Đối tượng, nội dung *",
        "Ngày *",
        "Phát hiện vi phạm",
        "Kết luận",
    ],
    "discipline": [
        "Tổ chức đảng *",
        "Đảng viên, tổ chức đảng bị kỷ luật *",
        "Ngày quyết định *",
        "Hình thức kỷ luật *",
        "Nội dung vi phạm *",
        "Quyết định kỷ luật",
    ],
    "party_complaint": [
        "Tổ chức đảng *",
        "Ngày nhận *",
        "Đảng viên bị khiếu nại, tố cáo *",
        "Nội dung *",
        "Tình trạng",
        "Kết quả giải quyết",
    ],
}

EXPORT_HEADERS = {
    "inspection": [
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
    "subject": ["Tên đối tượng", "Loại", "Cuộc thanh tra", "Có vi phạm", "Hành vi vi phạm"],
    "outcome": ["Đối tượng", "Hình thức xử lý", "Chuyển đến", "Quyết định", "Tiền phạt (đồng)", "Ngày"],
    "recommendation": ["Kiến nghị", "Cuộc thanh tra", "Hạn", "Hoàn thành", "Theo dõi thực hiện"],
    "party": ["Đối tượng, nội dung", "Loại", "Chủ thể", "Tổ chức đảng", "Ngày", "Vi phạm"],
    "discipline": ["Đảng viên, tổ chức", "Hình thức", "Tổ chức đảng", "Ngày"],
    "party_complaint": ["Về đảng viên", "Ngày nhận", "Tổ chức đảng", "Tình trạng"],
}


def _first_row(content):
    return [c.value for c in load_workbook(io.BytesIO(content)).worksheets[0][1]]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", IMPORT_HEADERS)
def test_import_template_keeps_its_headers(world, client_for, name, language):
    client = client_for(world.clerk_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse(f"oversight:{name}_template"))
    assert response.status_code == 200
    assert _first_row(response.content) == IMPORT_HEADERS[name]


@pytest.mark.parametrize("name", EXPORT_HEADERS)
def test_export_keeps_its_headers(world, client_for, name):
    response = client_for(world.clerk_a).get(reverse(f"oversight:{name}_export"))
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
