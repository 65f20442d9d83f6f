"""Demo campaigns, funds, procedures, duty roster, staffing and activity log, from the seed's 2020
figures (Sở TT-TT Trà Vinh): 72 articles and 19 documents on the provincial portal and 2 banners
on the provincial Party congress; 136 articles and 16 documents on Covid-19 on the provincial
portal (Cổng thông tin điện tử tỉnh, as the seed says); funds of 14.193.000 đ, 5.450.000 đ and
4.611.500 đ; 37 procedures posted everywhere, 37 online at level 3–4 of which 29 at level 4;
2 officials at the public service centre; quotas 28 + 28 after cutting 4 + 4 (12,5%).
Dates, names and the split of amounts into contributions are invented. Created through the
actions; loading twice changes nothing.

2026, Sở KH-CN Vĩnh Long (VL.SKHCN, the successor body): three campaigns (the 14th Party Congress,
the elections of 15/3/2026, Nghị quyết 57-NQ/TW), two funds, its catalogue of 26 procedures after
the merger (online "toàn trình" or "một phần" under Nghị định 42/2022/NĐ-CP, two not online),
two officials at the provincial public service centre, the 2026 staffing quota and cuts, and the
activity log. A fixed-date record is only created once its date has come.
"""

import datetime

from django.utils import timezone

from danchu.documents.models import Document

from . import actions
from .models import (
    Activity,
    ActivityCategory,
    AdministrativeProcedure,
    Campaign,
    Channel,
    Contribution,
    Fund,
    OnlineLevel,
    ServiceCentreDuty,
    StaffingQuota,
)

D = datetime.date
CONGRESS = "Đại hội đại biểu Đảng bộ tỉnh Trà Vinh lần thứ XI, nhiệm kỳ 2020 - 2025"
COVID = "Phòng, chống dịch bệnh Covid-19"

CAMPAIGNS = {
    "TV.STTTT": [
        (
            CONGRESS,
            Channel.PROVINCIAL_PORTAL,
            D(2020, 5, 1),
            D(2020, 10, 31),
            72,
            19,
            0,
            "Tin, bài và văn kiện trên Cổng thông tin điện tử tỉnh.",
        ),
        (CONGRESS, Channel.OTHER, D(2020, 9, 15), D(2020, 10, 31), 0, 0, 2, "Băng rôn treo tại trụ sở Sở."),
        (
            COVID,
            Channel.PROVINCIAL_PORTAL,
            D(2020, 1, 30),
            D(2020, 12, 14),
            136,
            16,
            0,
            "Tin, bài và văn bản chỉ đạo phòng, chống dịch trên Cổng thông tin điện tử tỉnh.",
        ),
    ],
    "TV.SKHCN": [(COVID, Channel.AGENCY_WEBSITE, D(2020, 2, 3), D(2020, 12, 10), 41, 7, 1, "")],
    "TV.STP": [(CONGRESS, Channel.PROVINCIAL_PORTAL, D(2020, 6, 1), D(2020, 10, 31), 12, 3, 2, "")],
}

# org code, fund name, purpose, [(day, amount, contributor)]
FUNDS = [
    (
        "TV.STTTT",
        "Quỹ An sinh xã hội tỉnh",
        "Ủng hộ người nghèo, gia đình chính sách.",
        [
            (D(2020, 4, 10), 5_000_000, "Cán bộ, công chức khối Văn phòng và các phòng"),
            (D(2020, 7, 20), 4_693_000, "Viên chức Trung tâm Công nghệ Thông tin và Truyền thông"),
            (D(2020, 11, 18), 4_500_000, "Toàn thể cán bộ, công chức, viên chức"),
        ],
    ),
    (
        "TV.STTTT.CD",
        "Quỹ Mái ấm Công đoàn",
        "Xây, sửa nhà cho đoàn viên công đoàn khó khăn về nhà ở.",
        [
            (D(2020, 5, 15), 2_950_000, "Đoàn viên công đoàn cơ sở"),
            (D(2020, 10, 28), 2_500_000, "Đoàn viên công đoàn cơ sở"),
        ],
    ),
    (
        "TV.STTTT",
        "Ủng hộ phòng, chống dịch Covid-19 và hạn hán, xâm nhập mặn",
        "Đóng góp ngày lương ủng hộ phòng, chống dịch và khắc phục hạn mặn.",
        [
            (D(2020, 3, 25), 2_611_500, "Cán bộ, công chức, viên chức (một ngày lương)"),
            (D(2020, 4, 8), 2_000_000, "Công đoàn cơ sở"),
        ],
    ),
    ("TV.SKHCN", "Quỹ An sinh xã hội tỉnh", "", [(D(2020, 6, 5), 6_800_000, "Toàn thể công chức")]),
]

# Procedures of the department, by field: (field, [names]); the first 29 are level 4, the other 8 level 3.
PROCEDURES = [
    (
        "Báo chí",
        [
            "Cấp giấy phép xuất bản bản tin (địa phương)",
            "Văn bản chấp thuận thay đổi nội dung ghi trong giấy phép xuất bản bản tin (địa phương)",
            "Cho phép họp báo (trong nước)",
            "Cho phép họp báo (nước ngoài)",
            "Trưng bày tranh, ảnh và các hình thức thông tin khác bên ngoài trụ sở cơ quan đại diện nước ngoài",
            "Thủ tục nộp lưu chiểu điện tử báo chí",
        ],
    ),
    (
        "Xuất bản, in và phát hành",
        [
            "Cấp giấy phép xuất bản tài liệu không kinh doanh",
            "Cấp giấy phép hoạt động in",
            "Cấp lại giấy phép hoạt động in",
            "Đăng ký hoạt động cơ sở in",
            "Thay đổi thông tin đăng ký hoạt động cơ sở in",
            "Cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm",
            "Cấp lại giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm",
            "Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh",
            "Cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm",
            "Đăng ký sử dụng máy photocopy màu, máy in có chức năng photocopy màu",
            "Chuyển nhượng máy photocopy màu, máy in có chức năng photocopy màu",
            "Khai báo hoạt động cơ sở dịch vụ photocopy",
            "Thay đổi thông tin khai báo hoạt động cơ sở dịch vụ photocopy",
            "Xác nhận đăng ký nhập khẩu thiết bị in",
        ],
    ),
    (
        "Bưu chính",
        [
            "Cấp giấy phép bưu chính",
            "Sửa đổi, bổ sung giấy phép bưu chính",
            "Cấp lại giấy phép bưu chính khi hết hạn",
            "Cấp văn bản xác nhận thông báo hoạt động bưu chính",
            "Cấp lại văn bản xác nhận thông báo hoạt động bưu chính",
        ],
    ),
    (
        "Phát thanh, truyền hình và thông tin điện tử",
        [
            "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "Sửa đổi, bổ sung giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "Gia hạn giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "Cấp lại giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
            "Sửa đổi, bổ sung giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
            "Gia hạn giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
            "Cấp lại giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
            "Thông báo thay đổi chủ sở hữu, địa chỉ trụ sở chính của tổ chức, doanh nghiệp đã được cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "Thông báo thay đổi phần vốn góp dẫn đến thay đổi thành viên góp vốn hoặc cổ đông có phần vốn góp từ 30% vốn điều lệ trở lên",
        ],
    ),
    (
        "Viễn thông và Internet",
        [
            "Cấp giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh",
            "Sửa đổi, bổ sung giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh",
        ],
    ),
]

DUTIES = [
    ("Trương Minh Hải", "Chuyên viên Văn phòng Sở", D(2020, 1, 2), D(2020, 6, 30)),
    ("Lê Thị Kim Oanh", "Chuyên viên Phòng Bưu chính, Viễn thông", D(2020, 7, 1), D(2020, 12, 31)),
]

STAFFING = {
    # org: (year, cs quota, pe quota, cs head, pe head, cs cut, pe cut, decision refs, notes)
    "TV.STTTT": (
        2020,
        28,
        28,
        28,
        28,
        4,
        4,
        ["05-ĐA/TU", "71-KH/TU", "72-KH/TU", "638/QĐ-UBND", "639/QĐ-UBND", "05-KH/TU"],
        "Biên chế giao năm 2020 sau khi tinh giản theo lộ trình.",
    ),
    "TV.SKHCN": (2020, 30, 22, 29, 21, 2, 2, [], ""),
    "TV.SGDDT": (2020, 70, 0, 68, 0, 5, 0, [], ""),
}

ACTIVITIES = {
    "TV.STTTT": [
        (
            D(2020, 3, 12),
            ActivityCategory.INFORMATION_SECURITY,
            "Kiện toàn Đội ứng cứu sự cố an toàn thông tin mạng tỉnh",
            "Đội gồm cán bộ kỹ thuật của Sở và các đơn vị chuyên trách công nghệ thông tin.",
        ),
        (
            D(2020, 6, 22),
            ActivityCategory.INFORMATION_SECURITY,
            "Ban hành Phương án ứng phó sự cố bảo đảm an toàn thông tin mạng",
            "Phương án xử lý các tình huống sự cố trên hệ thống thông tin của tỉnh.",
        ),
        (
            D(2020, 9, 8),
            ActivityCategory.TRAINING,
            "Tập huấn kỹ năng bảo đảm an toàn thông tin cho cán bộ chuyên trách",
            "",
        ),
    ],
    "TV.SKHCN": [
        (D(2020, 8, 4), ActivityCategory.ADMINISTRATIVE_REFORM, "Triển khai phần mềm một cửa điện tử", "")
    ],
}


CONGRESS_XIV = "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
ELECTIONS_2026 = (
    "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031"
)
NQ57 = "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"

VL_CAMPAIGNS_2026 = [
    (CONGRESS_XIV, Channel.AGENCY_WEBSITE, D(2026, 1, 5), D(2026, 1, 31), 38, 6, 3,
     "Tin, bài và văn kiện trên Trang thông tin điện tử của Sở; băng rôn tại trụ sở."),
    (ELECTIONS_2026, Channel.PROVINCIAL_PORTAL, D(2026, 1, 15), D(2026, 3, 20), 45, 9, 4,
     "Tin, bài và văn bản hướng dẫn bầu cử trên Cổng thông tin điện tử tỉnh."),
    (NQ57, Channel.AGENCY_WEBSITE, D(2026, 2, 2), D(2026, 11, 30), 64, 12, 0,
     "Chuyên mục khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số."),
]  # fmt: skip

VL_FUNDS_2026 = [
    (
        "Quỹ Vì người nghèo tỉnh Vĩnh Long",
        "Ủng hộ hộ nghèo, hộ cận nghèo trên địa bàn tỉnh.",
        [
            (D(2026, 3, 10), 6_200_000, "Công chức, viên chức, người lao động (một ngày lương)"),
            (D(2026, 10, 17), 5_850_000, "Toàn thể công chức, viên chức, người lao động"),
        ],
    ),
    (
        "Ủng hộ khắc phục hậu quả thiên tai, sạt lở bờ sông",
        "Hỗ trợ các hộ dân bị ảnh hưởng sạt lở bờ sông Cổ Chiên.",
        [(D(2026, 8, 24), 4_300_000, "Công đoàn cơ sở và công chức, viên chức")],
    ),
]

F, P, N = OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.NONE
# The procedures of the merged department (Quyết định 1872/QĐ-UBND of 14/8/2025): field, name, level.
VL_PROCEDURES = [
    ("Hoạt động khoa học và công nghệ", "Đăng ký thành lập tổ chức khoa học và công nghệ", P),
    ("Hoạt động khoa học và công nghệ", "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", F),
    ("Hoạt động khoa học và công nghệ", "Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ", P),
    ("Hoạt động khoa học và công nghệ", "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ", F),
    ("Chuyển giao công nghệ", "Cấp giấy chứng nhận đăng ký chuyển giao công nghệ", P),
    ("An toàn bức xạ và hạt nhân", "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", P),
    ("An toàn bức xạ và hạt nhân", "Gia hạn giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", F),
    ("An toàn bức xạ và hạt nhân", "Cấp chứng chỉ nhân viên bức xạ cho người phụ trách an toàn cơ sở X-quang chẩn đoán trong y tế", P),
    ("Tiêu chuẩn, đo lường, chất lượng", "Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá", F),
    ("Tiêu chuẩn, đo lường, chất lượng", "Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa", F),
    ("Tiêu chuẩn, đo lường, chất lượng", "Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", P),
    ("Tiêu chuẩn, đo lường, chất lượng", "Chứng nhận chuẩn đo lường để kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo", N),
    ("Sở hữu trí tuệ", "Cấp lại giấy chứng nhận tổ chức giám định sở hữu công nghiệp", P),
    ("Bưu chính", "Cấp giấy phép bưu chính", P),
    ("Bưu chính", "Cấp văn bản xác nhận thông báo hoạt động bưu chính", F),
    ("Xuất bản, in và phát hành", "Cấp giấy phép hoạt động in", P),
    ("Xuất bản, in và phát hành", "Đăng ký hoạt động cơ sở in", F),
    ("Xuất bản, in và phát hành", "Cấp giấy phép xuất bản tài liệu không kinh doanh", F),
    ("Xuất bản, in và phát hành", "Khai báo hoạt động cơ sở dịch vụ photocopy", F),
    ("Xuất bản, in và phát hành", "Cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm", F),
    ("Báo chí", "Cho phép họp báo (trong nước)", F),
    ("Báo chí", "Cấp giấy phép xuất bản bản tin (địa phương)", P),
    ("Phát thanh, truyền hình và thông tin điện tử", "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp", P),
    ("Phát thanh, truyền hình và thông tin điện tử", "Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng", P),
    ("Phát thanh, truyền hình và thông tin điện tử", "Gia hạn giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng", F),
    ("Tần số vô tuyến điện", "Cấp giấy phép sử dụng tần số vô tuyến điện cho đài truyền thanh không dây", N),
]  # fmt: skip

VL_DUTIES_2026 = [
    ("Võ Thị Ngọc Hân", "Chuyên viên Văn phòng Sở", D(2026, 1, 2), D(2026, 6, 30)),
    ("Phan Quốc Bảo", "Chuyên viên Phòng Quản lý chuyên ngành", D(2026, 7, 1), D(2026, 12, 31)),
]

# year, cs quota, pe quota, cs headcount, pe headcount, cs cut, pe cut, decision refs, notes
VL_STAFFING_2026 = (
    2026,
    23,
    12,
    21,
    11,
    2,
    1,
    ["4215/QĐ-UBND"],
    "Biên chế giao năm 2026 sau hợp nhất; tinh giản theo Nghị định 29/2023/NĐ-CP và lộ trình của tỉnh.",
)

VL_ACTIVITIES_2026 = [
    (D(2026, 2, 25), ActivityCategory.ADMINISTRATIVE_REFORM,
     "Hoàn thành sắp xếp các phòng chuyên môn của Sở sau hợp nhất", "Từ 9 phòng còn 6 phòng chuyên môn và Văn phòng."),
    (D(2026, 4, 14), ActivityCategory.DIGITAL_TRANSFORMATION,
     "Đưa hệ thống thông tin nội bộ dùng chung của Sở vào vận hành", "Văn phòng điện tử, công khai nội bộ và ký số."),
    (D(2026, 6, 23), ActivityCategory.INFORMATION_SECURITY,
     "Diễn tập ứng cứu sự cố an toàn thông tin mạng năm 2026", ""),
    (D(2026, 9, 9), ActivityCategory.TRAINING,
     "Tập huấn Luật Thực hiện dân chủ ở cơ sở cho công chức, viên chức", ""),
]  # fmt: skip


def load_2026(org, actor):
    """Sở KH-CN Vĩnh Long's 2026 activities: each record once its date has come, looked up first."""
    today = timezone.localdate()
    for topic, channel, start, end, articles, documents, banners, notes in VL_CAMPAIGNS_2026:
        if start > today or Campaign.objects.filter(organization=org, topic=topic, start=start).exists():
            continue
        actions.save_campaign(
            Campaign(
                organization=org,
                topic=topic,
                channel=channel,
                start=start,
                end=end,
                articles=articles,
                documents=documents,
                banners=banners,
                notes=notes,
            ),
            actor=actor,
        )

    for name, purpose, contributions in VL_FUNDS_2026:
        fund = Fund.objects.filter(organization=org, name=name).first()
        if fund is None:
            fund = actions.save_fund(Fund(organization=org, name=name, purpose=purpose), actor=actor)
        given = set(fund.contributions.values_list("date", flat=True))
        for day, amount, contributor in contributions:
            if day <= today and day not in given:
                actions.save_contribution(
                    Contribution(fund=fund, date=day, amount_vnd=amount, contributor=contributor), actor=actor
                )

    announced = Document.objects.alive().filter(ref="1872/QĐ-UBND").first()
    for number, (field, name, level) in enumerate(VL_PROCEDURES, start=1):
        code = f"SKHCN-{number:02d}"
        if AdministrativeProcedure.objects.filter(organization=org, code=code).exists():
            continue
        actions.save_procedure(
            AdministrativeProcedure(
                organization=org,
                code=code,
                name=name,
                field=field,
                on_portal=True,
                on_website=True,
                on_notice_board=True,
                at_service_centre=True,
                online_level=level,
                announced_by=announced,
                valid_from=D(2025, 8, 14),
            ),
            actor=actor,
        )

    for name, position, start, end in VL_DUTIES_2026:
        if (
            start <= today
            and not ServiceCentreDuty.objects.filter(
                organization=org, official_name=name, start=start
            ).exists()
        ):
            actions.save_duty(
                ServiceCentreDuty(
                    organization=org, official_name=name, position=position, start=start, end=end
                ),
                actor=actor,
            )

    year, cs, pe, cs_head, pe_head, cs_cut, pe_cut, refs, notes = VL_STAFFING_2026
    if not StaffingQuota.objects.filter(organization=org, year=year).exists():
        actions.save_staffing_quota(
            StaffingQuota(
                organization=org,
                year=year,
                civil_servant_quota=cs,
                public_employee_quota=pe,
                civil_servant_headcount=cs_head,
                public_employee_headcount=pe_head,
                civil_servant_reduction=cs_cut,
                public_employee_reduction=pe_cut,
                notes=notes,
            ),
            actor=actor,
            m2m={"decisions": list(Document.objects.alive().filter(ref__in=refs))},
        )

    for day, category, title, description in VL_ACTIVITIES_2026:
        if day <= today and not Activity.objects.filter(organization=org, title=title).exists():
            actions.save_activity(
                Activity(organization=org, date=day, category=category, title=title, description=description),
                actor=actor,
            )


def load(ctx):
    orgs, users = ctx["orgs"], ctx["users"]
    clerks = {
        "TV.STTTT": users["stttt.vanthu"],
        "TV.SKHCN": users["skhcn.vanthu"],
        "TV.STP": users["stp.vanthu"],
        "TV.SGDDT": users["sgddt.vanthu"],
    }

    def clerk(code):
        return clerks[code.split(".")[0] + "." + code.split(".")[1]]

    for code, items in CAMPAIGNS.items():
        org = orgs[code]
        for topic, channel, start, end, articles, documents, banners, notes in items:
            if Campaign.objects.filter(organization=org, topic=topic, channel=channel, start=start).exists():
                continue
            actions.save_campaign(
                Campaign(
                    organization=org,
                    topic=topic,
                    channel=channel,
                    start=start,
                    end=end,
                    articles=articles,
                    documents=documents,
                    banners=banners,
                    notes=notes,
                ),
                actor=clerk(code),
            )

    for code, name, purpose, contributions in FUNDS:
        org, actor = orgs[code], clerk(code)
        fund = Fund.objects.filter(organization=org, name=name).first()
        if fund is None:
            fund = actions.save_fund(Fund(organization=org, name=name, purpose=purpose), actor=actor)
        if not fund.contributions.exists():
            for day, amount, contributor in contributions:
                actions.save_contribution(
                    Contribution(fund=fund, date=day, amount_vnd=amount, contributor=contributor), actor=actor
                )

    stttt, actor = orgs["TV.STTTT"], clerks["TV.STTTT"]
    announced = (
        Document.objects.filter(ref__in=["2627/QĐ-UBND", "2329/QĐ-UBND"]).order_by("issued_on").first()
    )
    number = 0
    for field, names in PROCEDURES:
        for name in names:
            number += 1
            code = f"STTTT-{number:02d}"
            if AdministrativeProcedure.objects.filter(organization=stttt, code=code).exists():
                continue
            actions.save_procedure(
                AdministrativeProcedure(
                    organization=stttt,
                    code=code,
                    name=name,
                    field=field,
                    on_portal=True,
                    on_website=True,
                    on_notice_board=True,
                    at_service_centre=True,
                    online_level=OnlineLevel.LEVEL_4 if number <= 29 else OnlineLevel.LEVEL_3,
                    announced_by=announced,
                    valid_from=D(2019, 7, 1),
                ),
                actor=actor,
            )

    for name, position, start, end in DUTIES:
        if not ServiceCentreDuty.objects.filter(organization=stttt, official_name=name, start=start).exists():
            actions.save_duty(
                ServiceCentreDuty(
                    organization=stttt, official_name=name, position=position, start=start, end=end
                ),
                actor=actor,
            )

    for code, (year, cs, pe, cs_head, pe_head, cs_cut, pe_cut, refs, notes) in STAFFING.items():
        org = orgs[code]
        if StaffingQuota.objects.filter(organization=org, year=year).exists():
            continue
        decisions = list(Document.objects.filter(ref__in=refs)) if refs else []
        actions.save_staffing_quota(
            StaffingQuota(
                organization=org,
                year=year,
                civil_servant_quota=cs,
                public_employee_quota=pe,
                civil_servant_headcount=cs_head,
                public_employee_headcount=pe_head,
                civil_servant_reduction=cs_cut,
                public_employee_reduction=pe_cut,
                notes=notes,
            ),
            actor=clerk(code),
            m2m={"decisions": decisions},
        )

    for code, items in ACTIVITIES.items():
        org = orgs[code]
        for day, category, title, description in items:
            if not Activity.objects.filter(organization=org, title=title).exists():
                actions.save_activity(
                    Activity(
                        organization=org, date=day, category=category, title=title, description=description
                    ),
                    actor=clerk(code),
                )

    load_2026(orgs["VL.SKHCN"], users["stttt.vanthu"])
