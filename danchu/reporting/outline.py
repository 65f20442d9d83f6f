"""The outline of the annual report under each legal framework: its sections, which of them
people write (narrative), which are mandatory, and which sentences with figures each carries.

The default DOCX templates are generated from these outlines (scripts/make_report_templates.py),
and so is the section editor of the report page.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from danchu.legal.frameworks import Framework

from . import sentences as s


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str  # may use {year} and {next_year}
    level: int = 1
    narrative: bool = True
    mandatory: bool = False
    help: str = ""
    generators: tuple = field(default_factory=tuple)
    empty_text: str = ""  # printed when an optional section is left empty on purpose

    def heading_for(self, year):
        return self.heading.format(year=year, next_year=year + 1)


ND04_2015 = [
    SectionSpec(
        "overview",
        "I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH",
        mandatory=True,
        help=_("Đặc điểm tình hình của cơ quan trong năm, những thuận lợi, khó khăn."),
    ),
    SectionSpec("direction", "II. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", narrative=False),
    SectionSpec(
        "leadership",
        "1. Công tác lãnh đạo, chỉ đạo của cấp ủy, chính quyền",
        level=2,
        mandatory=True,
        help=_(
            "Các văn bản lãnh đạo, chỉ đạo; công tác tuyên truyền. Số liệu tuyên truyền, kiểm tra, giám sát của Đảng và đóng góp các quỹ được điền tự động."
        ),
        generators=(s.dissemination, s.campaigns, s.party_oversight, s.funds),
    ),
    SectionSpec(
        "steering",
        "2. Hoạt động của Ban Chỉ đạo thực hiện QCDC ở cơ sở",
        level=2,
        help=_("Việc kiện toàn, phân công và hoạt động của Ban Chỉ đạo."),
    ),
    SectionSpec("results", "III. KẾT QUẢ THỰC HIỆN QCDC CÁC LOẠI HÌNH CƠ SỞ", narrative=False),
    SectionSpec(
        "pl34",
        "1. Kết quả thực hiện dân chủ ở cơ quan (theo Pháp lệnh số 34/2007/PL-UBTVQH11)",
        level=2,
        help=_(
            "Tuyên truyền pháp luật, rà soát thủ tục hành chính. Số liệu thủ tục hành chính, thanh tra, kiểm tra, đơn thư và niêm yết được điền tự động."
        ),
        generators=(s.procedures, s.inspections, s.petitions, s.postings),
    ),
    SectionSpec(
        "nd04",
        "2. Kết quả thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập (theo Nghị định số 04/2015/NĐ-CP)",
        level=2,
        help=_(
            "Công khai, tham gia ý kiến, hội nghị cán bộ, công chức, viên chức, sắp xếp bộ máy. Số liệu công khai, lấy ý kiến, hội nghị và biên chế được điền tự động."
        ),
        generators=(s.disclosures_and_consultations, s.conferences, s.staffing),
    ),
    SectionSpec(
        "nd149",
        "3. Kết quả thực hiện QCDC ở cơ sở tại nơi làm việc (theo Nghị định số 149/2018/NĐ-CP)",
        level=2,
        help=_("Người lao động tham gia ý kiến, giám sát các hoạt động của cơ quan."),
    ),
    SectionSpec(
        "evaluation", "IV. ĐÁNH GIÁ CHUNG", mandatory=True, help=_("Ưu điểm, hạn chế và nguyên nhân.")
    ),
    SectionSpec(
        "tasks", "V. NHIỆM VỤ TRỌNG TÂM NĂM {next_year}", mandatory=True, help=_("Mỗi nhiệm vụ một đoạn.")
    ),
    SectionSpec(
        "recommendations",
        "VI. KIẾN NGHỊ, ĐỀ XUẤT",
        help=_("Để trống nếu không có kiến nghị: báo cáo ghi “Không có.”"),
        empty_text="Không có.",
    ),
]

# The current law: Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (in force 01/07/2023), Chapter III
# "Thực hiện dân chủ ở cơ quan, đơn vị", and Nghị định số 59/2023/NĐ-CP. The article numbers in the
# headings were checked against the headings of the official consolidated code (pháp điển, đề mục
# "Thực hiện dân chủ ở cơ sở"); docs/legal.md lists them with the sources. Chapter III has four
# Mục: 1 disclosure (Art. 46 content, 47 forms and timing, 48 responsibility), 2 staff discuss and
# decide (Art. 49–52, the staff conference is Art. 51), 3 staff are consulted (Art. 53–55), 4 staff
# inspect and supervise (Art. 56–59; the people's inspection board Art. 60–63, detailed by
# Nghị định 59/2023 Art. 20–23). The section keys are stable: drafts and the demo write by key.
LAW = "Luật Thực hiện dân chủ ở cơ sở"
LAW_2022 = [
    SectionSpec(
        "overview",
        "I. KHÁI QUÁT TÌNH HÌNH",
        mandatory=True,
        help=_("Đặc điểm tình hình của cơ quan trong năm, những thuận lợi, khó khăn."),
    ),
    SectionSpec("results", "II. KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ QUAN, ĐƠN VỊ", narrative=False),
    SectionSpec(
        "leadership",
        "1. Công tác lãnh đạo, chỉ đạo, tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở "
        "và Nghị định số 59/2023/NĐ-CP",
        level=2,
        mandatory=True,
        help=_(
            "Các văn bản lãnh đạo, chỉ đạo, quy chế dân chủ của cơ quan; việc phổ biến, quán triệt Luật. "
            "Số liệu phổ biến, tuyên truyền, kiểm tra, giám sát của Đảng và đóng góp các quỹ được điền tự động."
        ),
        generators=(s.dissemination, s.campaigns, s.party_oversight, s.funds),
    ),
    SectionSpec(
        "disclosure",
        f"2. Công khai thông tin ở cơ quan, đơn vị (Điều 46, Điều 47 và Điều 48 {LAW})",
        level=2,
        help=_(
            "Nội dung đã công khai (Điều 46), hình thức và thời điểm công khai (Điều 47), trách nhiệm "
            "tổ chức công khai (Điều 48). Số nội dung công khai và niêm yết được điền tự động."
        ),
        generators=(s.disclosures, s.postings),
    ),
    SectionSpec(
        "decisions",
        f"3. Những nội dung cán bộ, công chức, viên chức, người lao động bàn và quyết định "
        f"(Điều 49 và Điều 50 {LAW})",
        level=2,
        help=_(
            "Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân; các khoản đóng góp; nghị quyết hội nghị; "
            "các nội dung tự quản khác và hình thức quyết định."
        ),
    ),
    SectionSpec(
        "conference",
        f"4. Hội nghị cán bộ, công chức, viên chức, người lao động (Điều 51 {LAW})",
        level=2,
        help=_(
            "Thời gian, thành phần, nội dung và nghị quyết của hội nghị. Số liệu hội nghị được điền tự động."
        ),
        generators=(s.conferences,),
    ),
    SectionSpec(
        "resolution_review",
        "5. Kiểm điểm, đánh giá việc thực hiện nghị quyết hội nghị cán bộ, công chức, viên chức, "
        "người lao động định kỳ 06 tháng",
        level=2,
        help=_(
            "Người đứng đầu phối hợp với Ban Chấp hành Công đoàn kiểm điểm việc thực hiện nghị quyết "
            "hội nghị 06 tháng một lần và thông báo kết quả: ghi thời gian, nội dung, kết quả."
        ),
    ),
    SectionSpec(
        "consultation",
        "6. Những nội dung cán bộ, công chức, viên chức, người lao động tham gia ý kiến trước khi "
        f"người đứng đầu cơ quan, đơn vị quyết định (Điều 53, Điều 54 và Điều 55 {LAW})",
        level=2,
        help=_(
            "Nội dung, hình thức lấy ý kiến và việc tổng hợp, tiếp thu, giải trình. Số đợt lấy ý kiến "
            "được điền tự động."
        ),
        generators=(s.consultations,),
    ),
    SectionSpec(
        "supervision",
        "7. Cán bộ, công chức, viên chức, người lao động kiểm tra, giám sát "
        f"(Điều 56, Điều 57, Điều 58 và Điều 59 {LAW})",
        level=2,
        help=_("Nội dung, hình thức kiểm tra, giám sát và việc xử lý kết quả."),
    ),
    SectionSpec(
        "inspection_board",
        f"8. Tổ chức và hoạt động của Ban Thanh tra nhân dân (Điều 60, Điều 61, Điều 62 và Điều 63 {LAW}; "
        "Điều 20, Điều 21, Điều 22 và Điều 23 Nghị định số 59/2023/NĐ-CP)",
        level=2,
        help=_(
            "Số thành viên, nhiệm kỳ, kế hoạch và kết quả giám sát, kiến nghị của Ban Thanh tra nhân dân "
            "và việc người đứng đầu trả lời."
        ),
    ),
    SectionSpec(
        "admin_reform",
        "9. Cải cách hành chính, sắp xếp tổ chức bộ máy, biên chế",
        level=2,
        help=_("Số liệu thủ tục hành chính, dịch vụ công trực tuyến và biên chế được điền tự động."),
        generators=(s.procedures, s.online_services, s.staffing),
    ),
    SectionSpec(
        "letters",
        "10. Thanh tra, kiểm tra; tiếp nhận, giải quyết đơn thư khiếu nại, tố cáo, phản ánh, kiến nghị",
        level=2,
        help=_("Số liệu thanh tra, kiểm tra, tiếp công dân và đơn thư được điền tự động."),
        generators=(s.inspections, s.reception, s.petitions, s.resolution_rate),
    ),
    SectionSpec(
        "evaluation", "III. ĐÁNH GIÁ CHUNG", mandatory=True, help=_("Ưu điểm, hạn chế và nguyên nhân.")
    ),
    SectionSpec(
        "tasks",
        "IV. NHIỆM VỤ TRỌNG TÂM NĂM {next_year}",
        mandatory=True,
        help=_("Mỗi nhiệm vụ một đoạn."),
    ),
    SectionSpec(
        "recommendations",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        help=_("Để trống nếu không có kiến nghị: báo cáo ghi “Không có.”"),
        empty_text="Không có.",
    ),
]

OUTLINES = {Framework.ND04_2015: ND04_2015, Framework.LAW_2022: LAW_2022}

# The statistics appendix, the same under both frameworks.
APPENDIX = [
    ("documents", "1. Tổng số văn bản đã ban hành năm {year}:", (s.documents,)),
    ("services", "2. Cải cách hành chính, cải cách thủ tục hành chính", (s.online_services,)),
    ("conferences", "3. Hội nghị cán bộ, công chức, viên chức", (s.conferences,)),
    ("resolution", "4. Giải quyết đơn thư khiếu nại, tố cáo", (s.resolution_rate,)),
]


def outline_for(framework):
    return OUTLINES[framework]


def spec(framework, key):
    return next((sec for sec in outline_for(framework) if sec.key == key), None)
