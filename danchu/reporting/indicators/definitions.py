"""Every figure the report and the province use, defined once.

`source` names a register (see SOURCES in compute.py) and `key` the entry of its statistics dict
(dotted for nested dicts). A ratio indicator divides two other indicators, so that aggregating it
over organisations is the ratio of the sums, never the average of the ratios.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from .base import Aggregate as A
from .base import Indicator
from .base import Unit as U

PET = "petitions"
OVS = "oversight"
ACT = "activities"
PAR = "participation"

# fmt: off
# (code, label, unit, register, key in the register's stats dict, group)
PLAIN = [
    # Petitions: danchu.petitions.stats.petition_stats
    ("letters_received", _("Tổng số đơn tiếp nhận"), U.COUNT, PET, "letters_received", "petitions"),
    ("complaints_received", _("Đơn khiếu nại"), U.COUNT, PET, "complaints_received", "petitions"),
    ("complaints_answered", _("Đơn khiếu nại đã có văn bản trả lời"), U.COUNT, PET, "complaints_answered", "petitions"),
    ("complaints_in_progress", _("Đơn khiếu nại đang giải quyết"), U.COUNT, PET, "complaints_in_progress", "petitions"),
    ("complaints_not_eligible", _("Đơn khiếu nại không đủ điều kiện thụ lý"), U.COUNT, PET, "complaints_not_eligible", "petitions"),
    ("denunciations_received", _("Đơn tố cáo"), U.COUNT, PET, "denunciations_received", "petitions"),
    ("denunciations_answered", _("Đơn tố cáo đã có văn bản trả lời"), U.COUNT, PET, "denunciations_answered", "petitions"),
    ("denunciations_in_progress", _("Đơn tố cáo đang thụ lý"), U.COUNT, PET, "denunciations_in_progress", "petitions"),
    ("denunciations_not_eligible", _("Đơn tố cáo không đủ điều kiện thụ lý"), U.COUNT, PET, "denunciations_not_eligible", "petitions"),
    ("feedback_received", _("Đơn phản ánh, kiến nghị"), U.COUNT, PET, "feedback_received", "petitions"),
    ("feedback_answered", _("Đơn phản ánh, kiến nghị đã có văn bản trả lời"), U.COUNT, PET, "feedback_answered", "petitions"),
    ("feedback_in_progress", _("Đơn phản ánh, kiến nghị đang giải quyết"), U.COUNT, PET, "feedback_in_progress", "petitions"),
    ("feedback_not_eligible", _("Đơn phản ánh, kiến nghị không đủ điều kiện thụ lý"), U.COUNT, PET, "feedback_not_eligible", "petitions"),
    # Citizen reception (tiếp công dân): the same statistics, over reception sessions.
    ("reception_visits", _("Lượt tiếp công dân"), U.COUNT, PET, "reception_visits", "reception"),
    ("reception_people", _("Người được tiếp"), U.COUNT, PET, "reception_people", "reception"),
    ("reception_matters", _("Vụ việc được tiếp nhận qua tiếp công dân"), U.COUNT, PET, "reception_matters", "reception"),
    ("petitions_due", _("Đơn khiếu nại, tố cáo đã thụ lý có hạn giải quyết trong kỳ"), U.COUNT, PET, "resolution_base", "petitions"),
    ("petitions_resolved", _("Trong đó đã giải quyết"), U.COUNT, PET, "resolution_resolved", "petitions"),
    # Oversight: danchu.oversight.stats.stats_for
    ("administrative_inspections", _("Cuộc thanh tra hành chính"), U.COUNT, OVS, "administrative_inspections", "oversight"),
    ("administrative_subjects", _("Đơn vị được thanh tra hành chính"), U.COUNT, OVS, "administrative_subjects", "oversight"),
    ("inspections_total", _("Cuộc thanh tra, kiểm tra chuyên ngành"), U.COUNT, OVS, "inspections_total", "oversight"),
    ("inspections_led", _("Cuộc do cơ quan chủ trì"), U.COUNT, OVS, "inspections_led", "oversight"),
    ("inspections_joint", _("Cuộc phối hợp"), U.COUNT, OVS, "inspections_joint", "oversight"),
    ("inspection_subjects", _("Tổ chức, cá nhân thuộc đối tượng thanh tra, kiểm tra chuyên ngành"), U.COUNT, OVS, "inspection_subjects", "oversight"),
    ("subjects_checked", _("Tổ chức, cá nhân được kiểm tra"), U.COUNT, OVS, "subjects_checked", "oversight"),
    ("subjects_in_violation", _("Tổ chức, cá nhân vi phạm"), U.COUNT, OVS, "subjects_in_violation", "oversight"),
    ("referrals", _("Trường hợp kiến nghị cơ quan có thẩm quyền xử lý"), U.COUNT, OVS, "referrals", "oversight"),
    ("sanction_decisions", _("Quyết định xử phạt vi phạm hành chính"), U.COUNT, OVS, "sanction_decisions", "oversight"),
    ("fines_vnd", _("Số tiền xử phạt vi phạm hành chính"), U.MONEY, OVS, "fines_vnd", "oversight"),
    ("party_inspections", _("Cuộc kiểm tra của Đảng ủy, UBKT, chi bộ"), U.COUNT, OVS, "party_inspections", "party"),
    ("party_supervisions", _("Cuộc giám sát chuyên đề của Đảng ủy, UBKT, chi bộ"), U.COUNT, OVS, "party_supervisions", "party"),
    ("party_discipline_cases", _("Trường hợp thi hành kỷ luật Đảng"), U.COUNT, OVS, "party_discipline_cases", "party"),
    ("complaints_about_party_members", _("Đơn thư liên quan đến đảng viên, tổ chức đảng"), U.COUNT, OVS, "complaints_about_party_members", "party"),
    # Activities: danchu.activities.stats.stats_for
    ("campaign_articles", _("Tin, bài tuyên truyền đã đăng"), U.COUNT, ACT, "campaign_articles", "communication"),
    ("campaign_documents", _("Văn bản đăng tải theo chiến dịch tuyên truyền"), U.COUNT, ACT, "campaign_documents", "communication"),
    ("fund_contributions_vnd", _("Tổng số tiền đóng góp các quỹ"), U.MONEY, ACT, "fund_contributions_vnd", "funds"),
    ("procedures_posted", _("Thủ tục hành chính được niêm yết"), U.COUNT, ACT, "procedures_posted", "procedures"),
    ("online_services_l34", _("Dịch vụ công trực tuyến mức độ 3, 4"), U.COUNT, ACT, "online_services_l34", "procedures"),
    ("online_services_l4", _("Dịch vụ công trực tuyến mức độ 4"), U.COUNT, ACT, "online_services_l4", "procedures"),
    ("service_centre_officials", _("Công chức trực tại Trung tâm Phục vụ hành chính công"), U.COUNT, ACT, "service_centre_officials", "procedures"),
    ("staff_quota_civil_servants", _("Biên chế công chức được giao"), U.COUNT, ACT, "staff_quota_civil_servants", "staffing"),
    ("staff_quota_public_employees", _("Biên chế viên chức được giao"), U.COUNT, ACT, "staff_quota_public_employees", "staffing"),
    ("staff_reduced_civil_servants", _("Biên chế công chức đã tinh giản"), U.COUNT, ACT, "staff_reduction_civil_servants", "staffing"),
    ("staff_reduced_public_employees", _("Biên chế viên chức đã tinh giản"), U.COUNT, ACT, "staff_reduction_public_employees", "staffing"),
    ("staff_reduced_total", _("Tổng biên chế đã tinh giản"), U.COUNT, ACT, "staff_reduction_count", "staffing"),
    # Participation: danchu.participation.stats.stats_for
    ("items_posted", _("Nội dung niêm yết tại trụ sở, mạng nội bộ"), U.COUNT, PAR, "items_posted", "participation"),
    ("disclosures", _("Nội dung đã công khai"), U.COUNT, PAR, "disclosures_total", "participation"),
    ("consultations_held", _("Đợt lấy ý kiến công chức, viên chức"), U.COUNT, PAR, "consultations_held", "participation"),
    ("staff_conferences_held", _("Cơ quan, đơn vị đã tổ chức hội nghị cán bộ, công chức, viên chức"), U.COUNT, PAR, "conferences_held_by_required", "participation"),
    ("staff_conferences_required", _("Cơ quan, đơn vị phải tổ chức hội nghị"), U.COUNT, PAR, "conferences_required", "participation"),
    ("staff_reached", _("Người được phổ biến, quán triệt (đã xác nhận)"), U.COUNT, PAR, "disseminated_to", "participation"),
    ("staff_total", _("Người phải được phổ biến, quán triệt"), U.COUNT, PAR, "dissemination_audience", "participation"),
]

# (code, label, register, numerator, denominator, group, definition)
RATIOS = [
    ("complaint_resolution_rate", _("Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo"), PET, "petitions_resolved", "petitions_due", "petitions",
     _("Số đơn khiếu nại, tố cáo đã thụ lý có hạn giải quyết rơi vào kỳ và đã giải quyết, trên tổng số đơn khiếu nại, tố cáo đã thụ lý có hạn giải quyết rơi vào kỳ.")),
    ("staff_reduction_pct", _("Tỷ lệ tinh giản biên chế"), ACT, "staff_reduced_total", "staff_reduction_base", "staffing",
     _("Số biên chế đã tinh giản trên tổng biên chế được giao cộng số đã tinh giản (như sổ biên chế tính).")),
    ("staff_conference_rate", _("Tỷ lệ tổ chức hội nghị cán bộ, công chức, viên chức"), PAR, "staff_conferences_held", "staff_conferences_required", "participation",
     _("Số cơ quan, đơn vị đã tổ chức hội nghị trên số cơ quan, đơn vị phải tổ chức.")),
    ("dissemination_coverage_pct", _("Tỷ lệ cán bộ, công chức, viên chức được phổ biến, quán triệt"), PAR, "staff_reached", "staff_total", "participation",
     _("Số người đã xác nhận được phổ biến trên số người phải được phổ biến.")),
]
# fmt: on

# (code, label, register, the indicators it adds up, group): figures the registers do not give directly.
SUMS = [
    (
        "staff_reduction_base",
        _("Biên chế làm căn cứ tính tỷ lệ tinh giản (biên chế giao cộng số đã tinh giản)"),
        ACT,
        ("staff_quota_civil_servants", "staff_quota_public_employees", "staff_reduced_total"),
        "staffing",
    ),
]

INDICATORS = (
    [
        Indicator(code, label, unit, source, key, group=group)
        for code, label, unit, source, key, group in PLAIN
    ]
    + [
        Indicator(code, label, U.COUNT, source, sum_of=parts, group=group)
        for code, label, source, parts, group in SUMS
    ]
    + [
        Indicator(
            code,
            label,
            U.PERCENT,
            source,
            aggregate=A.RATIO,
            ratio_of=(num, den),
            group=group,
            definition=definition,
        )
        for code, label, source, num, den, group, definition in RATIOS
    ]
)

BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
assert len(BY_CODE) == len(INDICATORS), "indicator codes must be unique"

GROUPS = {
    "petitions": _("Tiếp nhận, giải quyết đơn thư"),
    "reception": _("Tiếp công dân"),
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
    "led_subjects": (OVS, "inspections_led_subjects"),
    "led_inspections": (OVS, "inspections_led_list"),
    "administrative_inspections": (OVS, "administrative_list"),
    "joint_by_partner": (OVS, "joint_by_partner"),
    "referred_to": (OVS, "referred_to"),
    "postings": (PAR, "items_posted_list"),
}


# Nghị định 42/2022/NĐ-CP (24/06/2022, in force 15/08/2022, replacing Nghị định 43/2011/NĐ-CP)
# has two levels of online public services, "toàn trình" and "một phần", instead of levels 1–4.
# The register keeps levels 3, 4 and the new ones together (activities.models.LEVELS_3_4, LEVELS_4),
# so the same figures carry the wording of the period they describe: level 4 ≈ toàn trình,
# level 3 ≈ một phần (docs/legal.md).
ND42_2022_IN_FORCE = datetime.date(2022, 8, 15)

# code -> [(from day, label)], newest last: the label an indicator carries for periods that end on
# or after that day.
DATED_LABELS = {
    "online_services_l34": [
        (ND42_2022_IN_FORCE, _("Dịch vụ công trực tuyến (toàn trình và một phần)")),
    ],
    "online_services_l4": [
        (ND42_2022_IN_FORCE, _("Dịch vụ công trực tuyến toàn trình")),
    ],
}


def online_services_current(day):
    """True when `day` (a date, an ISO string or None for today's law) falls under Nghị định 42/2022."""
    if day is None:
        return True
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day[:10])
    return day >= ND42_2022_IN_FORCE


def label_on(code, day):
    """The label of indicator `code` for a period whose figures run to `day` (date or ISO string;
    None: the current wording)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day[:10])
    label = BY_CODE[code].label
    for since, dated in DATED_LABELS.get(code, []):
        if day is None or day >= since:
            label = dated
    return label
