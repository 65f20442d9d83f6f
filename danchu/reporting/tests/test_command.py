"""`danchu report build` prints the checks' problems on stderr and exits by the documented rule."""

import datetime
import io

import pytest
from django.core.management import call_command

from danchu.oversight import actions as oversight_actions
from danchu.oversight.models import Inspection, InspectionField, InspectionKind, InspectionMode


def build(tmp_path, *extra):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(
            "report",
            "build",
            "--org",
            "A",
            "--period",
            "2020",
            "--out",
            str(tmp_path),
            "--format",
            "docx",
            *extra,
            stdout=out,
            stderr=err,
        )
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def late_inspection(world):
    return oversight_actions.save_inspection(
        Inspection(
            organization=world.a,
            ref="KT-09",
            kind=InspectionKind.SPECIALISED,
            mode=InspectionMode.LED,
            field=InspectionField.PRINTING,
            subject_line="Kiểm tra hoạt động in cuối năm",
            start=datetime.date(2020, 12, 2),
        ),
        actor=world.inspector_a,
    )


def test_build_lists_errors_and_warnings_and_exits_0(world, late_inspection, tmp_path):
    world.a.code = "A"
    world.a.save(update_fields=["code"])
    # No report started: the default draft has no signer and no narrative, and counts to 14/12.
    code, out, err = build(tmp_path)
    assert code == 0 and out.strip().endswith(".docx")
    assert "Lỗi phải sửa trước khi ký" in err and "Chưa chọn người ký báo cáo." in err
    assert "Mục bắt buộc “I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH” chưa có nội dung." in err


def test_strict_build_exits_3_on_errors(world, tmp_path):
    world.a.code = "A"
    world.a.save(update_fields=["code"])
    code, out, err = build(tmp_path, "--strict")
    assert code == 3 and out.strip().endswith(".docx")


def test_a_complete_draft_has_only_warnings(draft, world, late_inspection, tmp_path):
    world.a.code = "A"
    world.a.save(update_fields=["code"])
    code, out, err = build(tmp_path, "--strict")
    assert "Lỗi phải sửa" not in err, err
    assert code == 0
    assert "Cảnh báo (1):" in err and "Kiểm tra hoạt động in cuối năm" in err
