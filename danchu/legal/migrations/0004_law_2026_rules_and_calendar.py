"""The law as it stands in 2026 (issue 13): deadline rules with their confirmed bases, the 2026
calendar announcements as data with their source, and the years whose days off are announced.

Rules are written with update_or_create on (kind, step, variant, applies_from); a rule this
migration moves to another start date is deleted first. Calendar overrides are added only where
the administrator has no override on that day already. `danchu.legal.deadlines` reads `RULES`
from here for a database not migrated yet (`SHIPPED_RULES_MIGRATION`).
"""

import datetime

from django.db import migrations

D = datetime.date
LKN = "Luật Khiếu nại 02/2011/QH13"
LTC = "Luật Tố cáo 25/2018/QH14"
L136 = "Luật 136/2025/QH15 (sửa đổi, bổ sung Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo; hiệu lực 01/07/2026)"
SRC_LKN = (
    "Luật Khiếu nại 2011 (văn bản hợp nhất 03/VBHN-VPQH năm 2021); thủ tục giải quyết khiếu nại "
    "lần đầu, lần hai trên cổng thông tin Thanh tra tỉnh Lào Cai"
)
SRC_LTC = "Luật Tố cáo 2018, Điều 30 (thuvienphapluat.vn, hỏi đáp 'Thời hạn giải quyết tố cáo')"
SRC_136 = (
    "xaydungchinhsach.chinhphu.vn: Giới thiệu Luật số 136/2025/QH15 (thông qua 10/12/2025, "
    "hiệu lực 01/07/2026); thuviennhadat.vn: toàn văn Luật 136/2025/QH15"
)


def rule(kind, step, variant, days, day_kind, counted_from, basis, applies_from, applies_to=None, **extra):
    return {
        "kind": kind,
        "step": step,
        "variant": variant,
        "days": days,
        "day_kind": day_kind,
        "counted_from": counted_from,
        "basis": basis,
        "applies_from": applies_from,
        "applies_to": applies_to,
        "needs_check": extra.get("needs_check", False),
        "source": extra.get("source", ""),
        "public_note": extra.get("public_note", ""),
        "review_note": extra.get("review_note", ""),
    }


def resolve(variant, days, article):
    return rule("complaint", "resolve", variant, days, "calendar", "accepted", f"{LKN}, {article}",
                D(2012, 7, 1), source=SRC_LKN)


RULES = [
    rule("complaint", "accept", "normal", 10, "working", "received",
         f"{LKN}, Điều 27; Nghị định 124/2020/NĐ-CP", D(2012, 7, 1), D(2026, 6, 30), source=SRC_LKN),
    rule("complaint", "accept", "normal", 7, "working", "received", L136, D(2026, 7, 1),
         needs_check=True,
         source=SRC_136,
         public_note=(
             "Luật 136/2025/QH15 có hiệu lực từ 01/07/2026; chưa đối chiếu được văn bản chính thức "
             "quy định 07 ngày làm việc (được dẫn là Nghị định 155/2026/NĐ-CP). danchu áp dụng thời "
             "hạn ngắn hơn (07 thay vì 10 ngày làm việc) để chỉ có thể nhắc sớm, không bao giờ báo muộn."
         ),
         review_note=(
             "Chưa xác nhận: số ngày thụ lý khiếu nại từ 01/07/2026. Luật 136/2025/QH15 đã xác nhận "
             "(ngày 10/12/2025, hiệu lực 01/07/2026). Không tìm thấy văn bản chính thức của 'Nghị định "
             "155/2026/NĐ-CP' (chỉ thấy ở một trang sao chép không chính thức). Đã tra: kho trang "
             "công khai với các truy vấn '155/2026/NĐ-CP', 'Nghị định quy định chi tiết Luật Khiếu "
             "nại 2026 thay thế Nghị định 124/2020', 'Luật 136/2025 sửa đổi Điều 27 thời hạn thụ lý' "
             "(tháng 12/2026). Giữ 07 ngày làm việc vì ngắn hơn 10 ngày."
         )),
    resolve("normal", 30, "Điều 28"),
    resolve("complex", 45, "Điều 28"),
    resolve("remote", 45, "Điều 28"),
    resolve("remote_complex", 60, "Điều 28"),
    resolve("second", 45, "Điều 37"),
    resolve("second_complex", 60, "Điều 37"),
    resolve("second_remote", 60, "Điều 37"),
    resolve("second_remote_complex", 70, "Điều 37"),
    rule("complaint", "send_decision", "normal", 3, "working", "decision",
         f"{LKN}, Điều 32 (tính từ ngày ban hành quyết định giải quyết khiếu nại lần đầu)", D(2012, 7, 1),
         source="Luật Khiếu nại 2011, Điều 32 (luatminhkhue.vn: 'Điều cần biết về quyết định giải quyết khiếu nại')"),
    rule("complaint", "send_decision", "second", 7, "calendar", "decision",
         f"{LKN}, Điều 41 (tính từ ngày ban hành quyết định giải quyết khiếu nại lần hai)", D(2012, 7, 1),
         needs_check=True,
         source=SRC_LKN,
         public_note=(
             "Chưa đối chiếu được nguyên văn Điều 41 (07 ngày làm việc hay 07 ngày). danchu tính "
             "07 ngày theo lịch, thời hạn ngắn hơn, để không bao giờ báo muộn."
         ),
         review_note=(
             "Chưa xác nhận: Điều 41 Luật Khiếu nại ghi '07 ngày làm việc' hay '07 ngày'. Đã tra: kho "
             "trang công khai ('Gửi, công bố quyết định giải quyết khiếu nại lần hai', 'chậm nhất là 07 "
             "ngày làm việc kể từ ngày ban hành quyết định'), kho mã nguồn (chuỗi nguyên văn), kho tài "
             "liệu. Nếu nguyên văn là 07 ngày làm việc, sửa 'cách tính' thành ngày làm việc."
         )),
    rule("denunciation", "process", "normal", 7, "working", "received", f"{LTC}, Điều 24 khoản 1",
         D(2019, 1, 1), source="LEGAL.md §5 (pháp điển)"),
    rule("denunciation", "process", "several_places", 10, "working", "received",
         f"{LTC}, Điều 24 khoản 1 (xác minh ở nhiều địa điểm)", D(2019, 1, 1), source="LEGAL.md §5 (pháp điển)"),
    rule("denunciation", "transfer", "normal", 5, "working", "received", f"{LTC}, Điều 24 khoản 2",
         D(2019, 1, 1), source="LEGAL.md §5 (pháp điển)"),
    rule("denunciation", "resolve", "normal", 30, "calendar", "accepted", f"{LTC}, Điều 30 khoản 1",
         D(2019, 1, 1), source=SRC_LTC),
    rule("denunciation", "extension_1", "complex", 30, "calendar", "accepted",
         f"{LTC}, Điều 30 khoản 2 (vụ việc phức tạp: gia hạn một lần, không quá 30 ngày)",
         D(2019, 1, 1), source=SRC_LTC),
    rule("denunciation", "extension_2", "especially_complex", 30, "calendar", "accepted",
         f"{LTC}, Điều 30 khoản 3 (vụ việc đặc biệt phức tạp: gia hạn hai lần, mỗi lần không quá 30 ngày)",
         D(2019, 1, 1), source=SRC_LTC),
]

_TT_NOTE = (
    "Chưa đối chiếu được nguyên văn thời hạn 10 ngày làm việc của Thông tư; thời hạn này giống "
    "quy định trước đó và đang được rà soát."
)
_TT_REVIEW = (
    "Chưa xác nhận: thời hạn xử lý đơn 10 ngày làm việc theo {tt}. Ngày hiệu lực của Thông tư "
    "05/2021/TT-TTCP (ban hành 01/10/2021, hiệu lực 15/11/2021) theo LEGAL.md §1. Đã tra: kho "
    "trang công khai ('Thông tư 05/2021/TT-TTCP thời hạn xử lý đơn 10 ngày làm việc', 'có hiệu "
    "lực thi hành kể từ ngày 15 tháng 11 năm 2021'): không có nguyên văn."
)
for _kind, _suffix in (("letter", ""), ("feedback", "; thời hạn trả lời do người xử lý ấn định")):
    RULES += [
        rule(_kind, "process", "normal", 10, "working", "received", "Thông tư 07/2014/TT-TTCP" + _suffix,
             D(2014, 12, 15), D(2021, 11, 14), needs_check=True, public_note=_TT_NOTE,
             review_note=_TT_REVIEW.format(tt="Thông tư 07/2014/TT-TTCP")),
        rule(_kind, "process", "normal", 10, "working", "received", "Thông tư 05/2021/TT-TTCP" + _suffix,
             D(2021, 11, 15), None, needs_check=True, public_note=_TT_NOTE,
             review_note=_TT_REVIEW.format(tt="Thông tư 05/2021/TT-TTCP")),
    ]

# Rules of migration 0002 that start on another day now: (kind, step, variant, applies_from).
MOVED = [
    ("letter", "process", "normal", D(2021, 10, 1)),
    ("feedback", "process", "normal", D(2021, 10, 1)),
]

NEW_YEAR_2026 = ("Công văn số 12729/VPCP-KGVX", D(2025, 12, 25))
CULTURE_DAY_BASIS = (
    "Bộ luật Lao động 2019, Điều 112 (chưa sửa đổi): Ngày Văn hóa Việt Nam (Nghị quyết 80-NQ/TW; "
    "Nghị quyết 30/NQ-CP giao sửa Điều 112) chưa là ngày nghỉ theo luật"
)
# date, kind, name, basis, basis date
OVERRIDES = [
    (D(2026, 1, 2), "day_off", "Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/01/2026)", *NEW_YEAR_2026),
    (D(2026, 1, 10), "working_day", "Làm việc bù cho ngày nghỉ 02/01/2026", *NEW_YEAR_2026),
    *(
        (D(year, 11, 24), "working_day", "Ngày làm việc (Ngày Văn hóa Việt Nam chưa là ngày nghỉ theo luật)",
         CULTURE_DAY_BASIS, None)
        for year in (2026, 2027, 2028)  # the weekdays; 2029 and 2030 fall on a weekend
    ),
]

# Years whose days off were announced before this release (2012: Luật Khiếu nại in force).
CONFIRMED_YEARS = {year: "Năm đã qua: ngày nghỉ lễ, Tết theo lịch đã công bố" for year in range(2012, 2026)}
CONFIRMED_YEARS[2026] = (
    "Lịch nghỉ lễ, Tết năm 2026 đã công bố; Tết Dương lịch: Công văn số 12729/VPCP-KGVX ngày "
    "25/12/2025 (nghỉ thứ Sáu 02/01, làm bù thứ Bảy 10/01/2026)"
)


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("legal", "DeadlineRule")
    CalendarOverride = apps.get_model("legal", "CalendarOverride")
    CalendarYear = apps.get_model("legal", "CalendarYear")
    for kind, step, variant, start in MOVED:
        DeadlineRule.objects.filter(kind=kind, step=step, variant=variant, applies_from=start).delete()
    for row in RULES:
        keys = {k: row[k] for k in ("kind", "step", "variant", "applies_from")}
        DeadlineRule.objects.update_or_create(**keys, defaults={k: v for k, v in row.items() if k not in keys})
    for day, kind, name, basis, basis_date in OVERRIDES:
        if not CalendarOverride.objects.filter(date=day).exists():
            CalendarOverride.objects.create(date=day, kind=kind, name=name, basis=basis, basis_date=basis_date)
    for year, basis in CONFIRMED_YEARS.items():
        CalendarYear.objects.get_or_create(year=year, defaults={"confirmed": True, "basis": basis})


def unload(apps, schema_editor):
    apps.get_model("legal", "CalendarYear").objects.filter(year__in=list(CONFIRMED_YEARS)).delete()
    apps.get_model("legal", "CalendarOverride").objects.filter(
        date__in=[o[0] for o in OVERRIDES], created_by__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0003_calendar_years_and_rule_sources")]

    operations = [migrations.RunPython(load, unload)]
