"""Every figure the report and the province use, defined once.

`source` names a register (see SOURCES in compute.py) and `key` the entry of its statistics dict
(dotted for nested dicts). A ratio indicator divides two other indicators, so that aggregating it
over organisations is the ratio of the sums.
"""

from django.utils.translation import gettext_lazy as _

from .base import Aggregate as A
from .base import Indicator
from .base import Unit as U

PET = "petitions"
OVS = "oversight"
ACT = "activities"
PAR = "participation"

INDICATORS = [
    # Petitions (III.1 under Pháp lệnh 34; "letters" under the 2022 Law).
    Indicator(
        "letters_received", _("Tổng số đơn tiếp nhận"), U.COUNT, PET, "received_total", group="petitions"
    ),
    Indicator(
        "complaints_received", _("Đơn khiếu nại"), U.COUNT, PET, "complaints.received", group="petitions"
    ),
    Indicator(
        "complaints_answered",
        _("Đơn khiếu nại đã có văn bản trả lời"),
        U.COUNT,
        PET,
        "complaints.answered",
        group="petitions",
    ),
    Indicator(
        "complaints_in_progress",
        _("Đơn khiếu nại đang giải quyết"),
        U.COUNT,
        PET,
        "complaints.in_progress",
        group="petitions",
    ),
    Indicator(
        "complaints_not_eligible",
        _("Đơn khiếu nại không đủ điều kiện thụ lý"),
        U.COUNT,
        PET,
        "complaints.not_eligible",
        group="petitions",
    ),
    Indicator(
        "denunciations_received", _("Đơn tố cáo"), U.COUNT, PET, "denunciations.received", group="petitions"
    ),
    Indicator(
        "denunciations_answered",
        _("Đơn tố cáo đã có văn bản trả lời"),
        U.COUNT,
        PET,
        "denunciations.answered",
        group="petitions",
    ),
    Indicator(
        "denunciations_in_progress",
        _("Đơn tố cáo đang thụ lý"),
        U.COUNT,
        PET,
        "denunciations.in_progress",
        group="petitions",
    ),
    Indicator(
        "denunciations_not_eligible",
        _("Đơn tố cáo không đủ điều kiện thụ lý"),
        U.COUNT,
        PET,
        "denunciations.not_eligible",
        group="petitions",
    ),
    Indicator(
        "feedback_received",
        _("Đơn phản ánh, kiến nghị"),
        U.COUNT,
        PET,
        "feedback.received",
        group="petitions",
    ),
    Indicator(
        "feedback_answered",
        _("Đơn phản ánh, kiến nghị đã có văn bản trả lời"),
        U.COUNT,
        PET,
        "feedback.answered",
        group="petitions",
    ),
    Indicator(
        "feedback_in_progress",
        _("Đơn phản ánh, kiến nghị đang giải quyết"),
        U.COUNT,
        PET,
        "feedback.in_progress",
        group="petitions",
    ),
    Indicator(
        "feedback_not_eligible",
        _("Đơn phản ánh, kiến nghị không đủ điều kiện thụ lý"),
        U.COUNT,
        PET,
        "feedback.not_eligible",
        group="petitions",
    ),
    Indicator(
        "petitions_due",
        _("Đơn khiếu nại, tố cáo đến hạn giải quyết trong kỳ"),
        U.COUNT,
        PET,
        "resolution.due",
        group="petitions",
    ),
    Indicator(
        "petitions_resolved_on_time",
        _("Đơn khiếu nại, tố cáo đến hạn đã giải quyết"),
        U.COUNT,
        PET,
        "resolution.resolved",
        group="petitions",
    ),
    Indicator(
        "complaint_resolution_rate",
        _("Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo"),
        U.PERCENT,
        PET,
        aggregate=A.RATIO,
        ratio_of=("petitions_resolved_on_time", "petitions_due"),
        group="petitions",
        definition=_(
            "Số đơn khiếu nại, tố cáo đã giải quyết trên số đơn có hạn giải quyết rơi vào kỳ báo cáo."
        ),
    ),
    # Inspections (oversight register).
    Indicator(
        "administrative_inspections",
        _("Cuộc thanh tra hành chính"),
        U.COUNT,
        OVS,
        "administrative_inspections",
        group="oversight",
    ),
    Indicator(
        "administrative_inspection_subjects",
        _("Đơn vị được thanh tra hành chính"),
        U.COUNT,
        OVS,
        "administrative_inspection_subjects",
        group="oversight",
    ),
    Indicator(
        "inspections_total",
        _("Cuộc thanh tra, kiểm tra chuyên ngành"),
        U.COUNT,
        OVS,
        "inspections_total",
        group="oversight",
    ),
    Indicator(
        "inspections_led", _("Cuộc do cơ quan chủ trì"), U.COUNT, OVS, "inspections_led", group="oversight"
    ),
    Indicator("inspections_joint", _("Cuộc phối hợp"), U.COUNT, OVS, "inspections_joint", group="oversight"),
    Indicator(
        "inspection_subjects",
        _("Tổ chức, cá nhân thuộc đối tượng thanh tra, kiểm tra"),
        U.COUNT,
        OVS,
        "inspection_subjects",
        group="oversight",
    ),
    Indicator(
        "subjects_checked",
        _("Tổ chức, cá nhân được kiểm tra"),
        U.COUNT,
        OVS,
        "subjects_checked",
        group="oversight",
    ),
    Indicator(
        "subjects_in_violation",
        _("Tổ chức, cá nhân vi phạm"),
        U.COUNT,
        OVS,
        "subjects_in_violation",
        group="oversight",
    ),
    Indicator(
        "referrals",
        _("Trường hợp kiến nghị cơ quan cấp trên xử lý"),
        U.COUNT,
        OVS,
        "referrals",
        group="oversight",
    ),
    Indicator(
        "sanction_decisions",
        _("Quyết định xử phạt vi phạm hành chính"),
        U.COUNT,
        OVS,
        "sanction_decisions",
        group="oversight",
    ),
    Indicator(
        "fines_vnd", _("Số tiền xử phạt vi phạm hành chính"), U.MONEY, OVS, "fines_vnd", group="oversight"
    ),
    Indicator(
        "party_inspections",
        _("Cuộc kiểm tra của Đảng ủy, UBKT, chi bộ"),
        U.COUNT,
        OVS,
        "party_inspections",
        group="party",
    ),
    Indicator(
        "party_supervisions",
        _("Cuộc giám sát chuyên đề của Đảng ủy, UBKT, chi bộ"),
        U.COUNT,
        OVS,
        "party_supervisions",
        group="party",
    ),
    Indicator(
        "party_discipline_cases",
        _("Trường hợp thi hành kỷ luật Đảng"),
        U.COUNT,
        OVS,
        "party_discipline_cases",
        group="party",
    ),
    Indicator(
        "complaints_about_party_members",
        _("Đơn thư liên quan đến đảng viên, tổ chức đảng"),
        U.COUNT,
        OVS,
        "complaints_about_party_members",
        group="party",
    ),
    # Activities register: communication, funds, procedures, staffing.
    Indicator(
        "campaign_articles",
        _("Tin, bài tuyên truyền đã đăng"),
        U.COUNT,
        ACT,
        "campaign_articles",
        group="communication",
    ),
    Indicator(
        "campaign_documents",
        _("Văn bản đăng tải theo chiến dịch tuyên truyền"),
        U.COUNT,
        ACT,
        "campaign_documents",
        group="communication",
    ),
    Indicator(
        "fund_contributions_vnd",
        _("Tổng số tiền đóng góp các quỹ"),
        U.MONEY,
        ACT,
        "fund_contributions_vnd",
        group="funds",
    ),
    Indicator(
        "procedures_posted",
        _("Thủ tục hành chính được niêm yết"),
        U.COUNT,
        ACT,
        "procedures_posted",
        group="procedures",
    ),
    Indicator(
        "online_services_l34",
        _("Dịch vụ công trực tuyến mức độ 3, 4"),
        U.COUNT,
        ACT,
        "online_services_l34",
        group="procedures",
    ),
    Indicator(
        "online_services_l4",
        _("Dịch vụ công trực tuyến mức độ 4"),
        U.COUNT,
        ACT,
        "online_services_l4",
        group="procedures",
    ),
    Indicator(
        "service_centre_officials",
        _("Công chức trực tại Trung tâm phục vụ hành chính công"),
        U.COUNT,
        ACT,
        "service_centre_officials",
        group="procedures",
    ),
    Indicator(
        "staff_quota_civil_servants",
        _("Biên chế công chức được giao"),
        U.COUNT,
        ACT,
        "staff_quota_civil_servants",
        group="staffing",
    ),
    Indicator(
        "staff_quota_public_employees",
        _("Biên chế viên chức được giao"),
        U.COUNT,
        ACT,
        "staff_quota_public_employees",
        group="staffing",
    ),
    Indicator(
        "staff_reduced_civil_servants",
        _("Biên chế công chức đã tinh giản"),
        U.COUNT,
        ACT,
        "staff_reduced_civil_servants",
        group="staffing",
    ),
    Indicator(
        "staff_reduced_public_employees",
        _("Biên chế viên chức đã tinh giản"),
        U.COUNT,
        ACT,
        "staff_reduced_public_employees",
        group="staffing",
    ),
    Indicator(
        "staff_reduction_base",
        _("Biên chế làm căn cứ tính tỷ lệ tinh giản"),
        U.COUNT,
        ACT,
        "staff_reduction_base",
        group="staffing",
    ),
    Indicator(
        "staff_reduced_total",
        _("Tổng biên chế đã tinh giản"),
        U.COUNT,
        ACT,
        "staff_reduced_total",
        group="staffing",
    ),
    Indicator(
        "staff_reduction_pct",
        _("Tỷ lệ tinh giản biên chế"),
        U.PERCENT,
        ACT,
        aggregate=A.RATIO,
        ratio_of=("staff_reduced_total", "staff_reduction_base"),
        group="staffing",
        definition=_("Số biên chế đã tinh giản trên số biên chế được giao trước khi tinh giản."),
    ),
    # Participation register: postings, conferences, dissemination, consultations.
    Indicator(
        "degradation_signs_posted",
        _("Biểu hiện suy thoái được niêm yết, công khai"),
        U.COUNT,
        PAR,
        "degradation_signs_posted",
        group="participation",
    ),
    Indicator(
        "party_prohibitions_posted",
        _("Điều đảng viên không được làm được công khai"),
        U.COUNT,
        PAR,
        "party_prohibitions_posted",
        group="participation",
    ),
    Indicator("disclosures", _("Nội dung đã công khai"), U.COUNT, PAR, "disclosures", group="participation"),
    Indicator(
        "consultations_held",
        _("Đợt lấy ý kiến công chức, viên chức"),
        U.COUNT,
        PAR,
        "consultations_held",
        group="participation",
    ),
    Indicator(
        "staff_conferences_held",
        _("Hội nghị cán bộ, công chức, viên chức đã tổ chức"),
        U.COUNT,
        PAR,
        "conferences_held",
        group="participation",
    ),
    Indicator(
        "staff_conferences_required",
        _("Cơ quan, đơn vị phải tổ chức hội nghị"),
        U.COUNT,
        PAR,
        "conferences_required",
        group="participation",
    ),
    Indicator(
        "staff_conference_rate",
        _("Tỷ lệ tổ chức hội nghị cán bộ, công chức, viên chức"),
        U.PERCENT,
        PAR,
        aggregate=A.RATIO,
        ratio_of=("staff_conferences_held", "staff_conferences_required"),
        group="participation",
        definition=_("Số hội nghị đã tổ chức trên số cơ quan, đơn vị phải tổ chức."),
    ),
    Indicator(
        "staff_reached",
        _("Cán bộ, công chức, viên chức được phổ biến, quán triệt"),
        U.COUNT,
        PAR,
        "staff_reached",
        group="participation",
    ),
    Indicator(
        "staff_total",
        _("Tổng số cán bộ, công chức, viên chức"),
        U.COUNT,
        PAR,
        "staff_total",
        group="participation",
    ),
    Indicator(
        "dissemination_coverage_pct",
        _("Tỷ lệ cán bộ, công chức, viên chức được phổ biến, quán triệt"),
        U.PERCENT,
        PAR,
        aggregate=A.RATIO,
        ratio_of=("staff_reached", "staff_total"),
        group="participation",
    ),
]

BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
assert len(BY_CODE) == len(INDICATORS), "indicator codes must be unique"

GROUPS = {
    "petitions": _("Tiếp nhận, giải quyết đơn thư"),
    "oversight": _("Thanh tra, kiểm tra"),
    "party": _("Kiểm tra, giám sát của Đảng"),
    "communication": _("Thông tin, tuyên truyền"),
    "funds": _("Vận động đóng góp các quỹ"),
    "procedures": _("Cải cách thủ tục hành chính"),
    "staffing": _("Biên chế, tinh giản biên chế"),
    "participation": _("Công khai, tham gia ý kiến, hội nghị"),
}

# Lists the report prints from the registers' statistics dicts: name -> (register, key).
LISTS = {
    "campaigns": (ACT, "campaigns"),
    "funds": (ACT, "funds"),
    "inspections": (OVS, "inspections"),
}
