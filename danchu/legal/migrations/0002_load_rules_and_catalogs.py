"""Deadline rules (LEGAL.md §5) and requirement catalogs (LEGAL.md §2–3), loaded as data so
that an administrator can correct them without a release."""

import datetime

from django.db import migrations

D = datetime.date
LKN = "Luật Khiếu nại 02/2011/QH13"
LTC = "Luật Tố cáo 25/2018/QH14"
CHECK = " (cần kiểm tra)"

# kind, step, variant, days, day_kind, counted_from, basis, applies_from, applies_to, needs_check
RULES = [
    ("complaint", "accept", "normal", 10, "working", "received",
     "Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1 (" + LKN + ", Điều 27)", D(2012, 7, 1), D(2026, 6, 30), False),
    ("complaint", "accept", "normal", 7, "working", "received",
     "Nghị định 155/2026/NĐ-CP, Điều 10", D(2026, 7, 1), None, False),
    ("complaint", "resolve", "normal", 30, "calendar", "accepted", LKN + ", Điều 28", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "complex", 45, "calendar", "accepted", LKN + ", Điều 28", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "remote", 45, "calendar", "accepted", LKN + ", Điều 28", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "remote_complex", 60, "calendar", "accepted", LKN + ", Điều 28", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "second", 45, "calendar", "accepted", LKN + ", Điều 37", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "second_complex", 60, "calendar", "accepted", LKN + ", Điều 37", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "second_remote", 60, "calendar", "accepted", LKN + ", Điều 37", D(2012, 7, 1), None, False),
    ("complaint", "resolve", "second_remote_complex", 70, "calendar", "accepted", LKN + ", Điều 37", D(2012, 7, 1), None, False),
    ("complaint", "send_decision", "normal", 3, "working", "decision",
     LKN + ", Điều 32 và Điều 41" + CHECK, D(2012, 7, 1), None, True),
    ("denunciation", "process", "normal", 7, "working", "received", LTC + ", Điều 24 khoản 1", D(2019, 1, 1), None, False),
    ("denunciation", "process", "several_places", 10, "working", "received",
     LTC + ", Điều 24 khoản 1 (xác minh ở nhiều địa điểm)", D(2019, 1, 1), None, False),
    ("denunciation", "transfer", "normal", 5, "working", "received", LTC + ", Điều 24 khoản 2", D(2019, 1, 1), None, False),
    ("denunciation", "resolve", "normal", 30, "calendar", "accepted", LTC + ", Điều 30", D(2019, 1, 1), None, False),
    ("denunciation", "extension_1", "complex", 30, "calendar", "accepted",
     LTC + ", Điều 30 (vụ việc phức tạp: gia hạn một lần, không quá 30 ngày)", D(2019, 1, 1), None, False),
    ("denunciation", "extension_2", "especially_complex", 30, "calendar", "accepted",
     LTC + ", Điều 30 (vụ việc đặc biệt phức tạp: gia hạn hai lần, mỗi lần không quá 30 ngày)", D(2019, 1, 1), None, False),
    ("letter", "process", "normal", 10, "working", "received",
     "Thông tư 07/2014/TT-TTCP" + CHECK, D(2014, 12, 15), D(2021, 9, 30), True),
    ("letter", "process", "normal", 10, "working", "received",
     "Thông tư 05/2021/TT-TTCP" + CHECK, D(2021, 10, 1), None, True),
    ("feedback", "process", "normal", 10, "working", "received",
     "Thông tư 07/2014/TT-TTCP" + CHECK + "; thời hạn trả lời do người xử lý ấn định", D(2014, 12, 15), D(2021, 9, 30), True),
    ("feedback", "process", "normal", 10, "working", "received",
     "Thông tư 05/2021/TT-TTCP" + CHECK + "; thời hạn trả lời do người xử lý ấn định", D(2021, 10, 1), None, True),
]

LAW = "law_2022"
ND04 = "nd04_2015"
LAW_TEXT = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15"
ND04_TEXT = "Nghị định 04/2015/NĐ-CP"

DISCLOSURE_LAW = [
    "Chủ trương, chính sách của Đảng, pháp luật của Nhà nước liên quan đến hoạt động của cơ quan, đơn vị",
    "Kế hoạch công tác hằng năm, hằng quý, hằng tháng của cơ quan, đơn vị",
    "Dự toán, tình hình thực hiện, quyết toán ngân sách; kết quả kiểm toán nhà nước và việc thực hiện kiến nghị kiểm toán",
    "Tài sản công: tiêu chuẩn, định mức, mua sắm, sử dụng, xử lý tài sản và các khoản thu từ tài sản công",
    "Đầu tư công: kế hoạch, chương trình, dự án, nguồn vốn, tiến độ thực hiện và quyết toán",
    "Công tác tổ chức, cán bộ: tuyển dụng, đào tạo, điều động, bổ nhiệm, luân chuyển, biệt phái, từ chức, "
    "miễn nhiệm, hợp đồng lao động, nâng lương, nâng ngạch, đánh giá, xếp loại, khen thưởng, kỷ luật, nghỉ hưu; "
    "đề án, dự án, dự thảo văn bản quy phạm pháp luật của cơ quan, đơn vị",
    "Kết luận về vụ việc tham nhũng, tiêu cực; bản kê khai tài sản, thu nhập",
    "Kết quả thanh tra, kiểm tra và giải quyết khiếu nại, tố cáo, kiến nghị trong cơ quan, đơn vị",
    "Nội quy, quy chế, quy tắc ứng xử của cơ quan, đơn vị",
    "Tổng hợp ý kiến của cán bộ, công chức, viên chức, người lao động về các nội dung tại Điều 53 và việc tiếp thu, giải trình",
    "Văn bản chỉ đạo, điều hành của cơ quan cấp trên liên quan đến cơ quan, đơn vị",
    "Nội dung khác theo quy định của pháp luật hoặc quy chế thực hiện dân chủ của cơ quan, đơn vị",
]
DISCLOSURE_ND04 = [
    "Chủ trương, chính sách, pháp luật của Nhà nước liên quan đến cơ quan, đơn vị",
    "Kế hoạch công tác của cơ quan, đơn vị",
    "Kinh phí hoạt động, quyết toán ngân sách; tài sản, trang thiết bị; kết quả kiểm toán",
    "Công tác tổ chức, cán bộ: tuyển dụng, đào tạo, bổ nhiệm, điều động, nâng lương, nâng ngạch, khen thưởng, kỷ luật, nghỉ hưu",
    "Vụ việc tham nhũng đã có kết luận; bản kê khai tài sản, thu nhập",
    "Kết quả thanh tra, giải quyết khiếu nại, tố cáo trong cơ quan, đơn vị",
    "Nội quy, quy chế của cơ quan, đơn vị",
    "Kết quả lấy ý kiến cán bộ, công chức, viên chức",
    "Văn bản chỉ đạo của cơ quan cấp trên liên quan đến cơ quan, đơn vị",
]
# ND 04/2015 item -> Law 10/2022 groups (LEGAL.md §2).
DISCLOSURE_SUCCESSORS = {1: [1], 2: [2], 3: [3, 4], 4: [6], 5: [7], 6: [8], 7: [9], 8: [10], 9: [11]}

CONSULTATION = [
    "Cách thức tổ chức thực hiện chủ trương, chính sách, pháp luật và nhiệm vụ của cơ quan, đơn vị",
    "Kế hoạch công tác hằng năm của cơ quan, đơn vị",
    "Tổ chức phong trào thi đua của cơ quan, đơn vị",
    "Báo cáo sơ kết, tổng kết của cơ quan, đơn vị",
    "Biện pháp cải tiến lề lối làm việc; phòng, chống tham nhũng, tiêu cực; thực hành tiết kiệm, chống lãng phí, quan liêu",
    "Kế hoạch tuyển dụng, đào tạo, bồi dưỡng, bổ nhiệm cán bộ",
    "Chế độ, chính sách liên quan đến quyền và lợi ích của cán bộ, công chức, viên chức, người lao động",
    "Dự thảo quy chế thực hiện dân chủ của cơ quan, đơn vị",
    "Dự thảo quy chế chi tiêu nội bộ",
    "Nội quy, quy chế khác của cơ quan, đơn vị",
]
DECISION_LAW = [
    "Bầu, miễn nhiệm, bãi nhiệm thành viên Ban Thanh tra nhân dân",
    "Các khoản đóng góp của cán bộ, công chức, viên chức, người lao động ngoài quy định của pháp luật",
    "Nghị quyết hội nghị cán bộ, công chức, viên chức, người lao động",
    "Các nội dung tự quản khác của cán bộ, công chức, viên chức, người lao động",
]
DECISION_ND04 = [
    "Nghị quyết hội nghị cán bộ, công chức (quyết định tập thể của cán bộ, công chức, viên chức)",
]
SUPERVISION_LAW = [
    ("Kiểm tra, giám sát việc thực hiện các nội dung cán bộ, công chức, viên chức, người lao động đã quyết định", "Điều 56, 57"),
    ("Giám sát việc người đứng đầu thực hiện chủ trương, chính sách, pháp luật và nhiệm vụ của cơ quan, đơn vị", "Điều 56, 57"),
    ("Giám sát việc thực hiện quy định về dân chủ ở cơ sở trong cơ quan, đơn vị", "Điều 56, 57"),
    ("Giám sát trực tiếp hoặc thông qua Ban Thanh tra nhân dân; kiến nghị, nhận xét, khiếu nại, tố cáo khi phát hiện sai phạm", "Điều 58, 59"),
]


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("legal", "DeadlineRule")
    Requirement = apps.get_model("legal", "Requirement")
    for kind, step, variant, days, day_kind, counted_from, basis, start, end, check in RULES:
        DeadlineRule.objects.update_or_create(
            kind=kind,
            step=step,
            variant=variant,
            applies_from=start,
            defaults={
                "days": days,
                "day_kind": day_kind,
                "counted_from": counted_from,
                "basis": basis,
                "applies_to": end,
                "needs_check": check,
            },
        )

    def put(framework, area, order, title, basis):
        obj, _ = Requirement.objects.update_or_create(
            framework=framework,
            area=area,
            code=str(order),
            defaults={"order": order, "title": title, "basis": basis},
        )
        return obj

    law_disclosure = {
        i: put(LAW, "disclosure", i, title, f"{LAW_TEXT}, Điều 46 khoản {i}")
        for i, title in enumerate(DISCLOSURE_LAW, 1)
    }
    for i, title in enumerate(DISCLOSURE_ND04, 1):
        old = put(ND04, "disclosure", i, title, f"{ND04_TEXT}, Điều 7 khoản {i}")
        old.successors.set([law_disclosure[n] for n in DISCLOSURE_SUCCESSORS[i]])
    for i, title in enumerate(CONSULTATION, 1):
        put(LAW, "consultation", i, title, f"{LAW_TEXT}, Điều 53")
        put(ND04, "consultation", i, title, f"{ND04_TEXT}, Điều 9")
    for i, title in enumerate(DECISION_LAW, 1):
        put(LAW, "decision", i, title, f"{LAW_TEXT}, Điều 49")
    for i, title in enumerate(DECISION_ND04, 1):
        put(ND04, "decision", i, title, f"{ND04_TEXT} (hội nghị cán bộ, công chức)")
    for i, (title, article) in enumerate(SUPERVISION_LAW, 1):
        put(LAW, "supervision", i, title, f"{LAW_TEXT}, {article}")


def unload(apps, schema_editor):
    apps.get_model("legal", "DeadlineRule").objects.all().delete()
    apps.get_model("legal", "Requirement").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
