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

LAW_2022 = [
    SectionSpec(
        "overview",
        "I. KHÁI QUÁT TÌNH HÌNH",
        mandatory=True,
        help=_("Đặc điểm tình hình của cơ quan trong năm, những thuận lợi, khó khăn."),
    ),
    SectionSpec("results", "II. KẾT QUẢ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", narrative=False),
    SectionSpec(
        "leadership",
        "1. Công tác lãnh đạo, chỉ đạo, tuyên truyền",
        level=2,
        mandatory=True,
        generators=(s.dissemination, s.campaigns, s.funds),
    ),
    SectionSpec(
        "disclosure",
        "2. Những nội dung công khai (Điều 48 Luật Thực hiện dân chủ ở cơ sở)",
        level=2,
        generators=(s.disclosures_and_consultations, s.procedures, s.online_services, s.postings),
    ),
    SectionSpec(
        "consultation",
        "3. Những nội dung cán bộ, công chức, viên chức, người lao động tham gia ý kiến",
        level=2,
    ),
    SectionSpec(
        "decisions",
        "4. Những nội dung cán bộ, công chức, viên chức, người lao động quyết định",
        level=2,
        generators=(s.staffing,),
    ),
    SectionSpec(
        "supervision",
        "5. Kiểm tra, giám sát của cán bộ, công chức, viên chức, người lao động",
        level=2,
        generators=(s.party_oversight, s.inspections),
    ),
    SectionSpec(
        "conference",
        "6. Hội nghị cán bộ, công chức, viên chức, người lao động",
        level=2,
        generators=(s.conferences,),
    ),
    SectionSpec("inspection_board", "7. Hoạt động của Ban Thanh tra nhân dân", level=2),
    SectionSpec(
        "letters",
        "8. Tiếp nhận, giải quyết đơn thư, phản ánh, kiến nghị",
        level=2,
        generators=(s.petitions, s.resolution_rate),
    ),
    SectionSpec("evaluation", "III. ĐÁNH GIÁ CHUNG", mandatory=True),
    SectionSpec("tasks", "IV. NHIỆM VỤ TRỌNG TÂM NĂM {next_year}", mandatory=True),
    SectionSpec("recommendations", "V. KIẾN NGHỊ, ĐỀ XUẤT", empty_text="Không có."),
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
