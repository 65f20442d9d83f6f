"""Demo inspections and party oversight, from the seed's 2020 figures (Sở TT-TT Trà Vinh).

The figures are the seed's: 10 specialised inspections of 34 subjects (4 led with 3, 7, 1 and 15
subjects, on mobile subscribers, printing, radio frequencies and public gaming as the seed lists
them; 6 joint: one of 3 subjects with the regional radio frequency centre (khu vực IV), five of
one individual each with the provincial police on the use of social networks) and 1 administrative inspection of the ICT centre's finances and
assets; 9 subjects in violation, 3 referred to the Ministry's inspectorate, 6 sanction decisions
totalling 41.250.000 đồng; 8 party inspections and 3 thematic supervisions, no violations, no
discipline, no complaints. Names of subjects, dates and decision numbers are invented.

2026, Sở KH-CN Vĩnh Long (VL.SKHCN, the successor body, which took over the information and
communications fields): 1 administrative inspection (led), 3 led and 3 joint specialised
inspections of 28 subjects, 8 in violation, 6 sanction decisions (57.500.000 đồng), 2 referrals
to the Ministry's inspectorate; 3 inspections and 2 thematic supervisions of its Party committee,
and one letter about a party member (groundless). Fixed 2026 dates, each record only once its
date has come.
Everything is created through the actions; loading twice changes nothing.
"""

import datetime

from django.utils import timezone

from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Direction, Document

from . import actions
from .models import (
    Inspection,
    InspectionField,
    InspectionKind,
    InspectionMode,
    InspectionSubject,
    Outcome,
    OutcomeKind,
    PartyBody,
    PartyComplaint,
    PartyComplaintStatus,
    PartyOversight,
    PartyOversightKind,
    Recommendation,
    SubjectType,
)

D = datetime.date
MINISTRY = "Thanh tra Bộ Thông tin và Truyền thông"
RADIO_CENTRE = "Trung tâm Tần số vô tuyến điện khu vực IV"
POLICE = "Công an tỉnh Trà Vinh"

# ref, kind, mode, partner, field, subject line, start, end,
# subjects: (name, type, violation text or "", outcome) with outcome None, ("referral",) or ("fine", amount, decision no, day)
STTTT_INSPECTIONS = [
    (
        "TTr-01/2020",
        InspectionKind.ADMINISTRATIVE,
        InspectionMode.LED,
        "",
        InspectionField.FINANCE_ASSETS,
        "Thanh tra việc quản lý, sử dụng tài chính, tài sản công năm 2019 của Trung tâm Công nghệ Thông tin và Truyền thông",
        D(2020, 3, 9),
        D(2020, 4, 10),
        [("Trung tâm Công nghệ Thông tin và Truyền thông", SubjectType.ORGANISATION, "", None)],
    ),
    (
        "KT-01/2020",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.MOBILE_SUBSCRIBERS,
        "Thanh tra việc chấp hành các quy định của pháp luật về quản lý thuê bao di động",
        D(2020, 5, 12),
        D(2020, 5, 22),
        [
            (f"Điểm cung cấp dịch vụ viễn thông {n}", SubjectType.ORGANISATION, v, ("referral",))
            for n, v in (
                (
                    "Viettel Trà Vinh - cửa hàng Càng Long",
                    "Bán SIM thuê bao đã kích hoạt sẵn, thông tin không chính chủ.",
                ),
                (
                    "VNPT Trà Vinh - điểm giao dịch Cầu Ngang",
                    "Đăng ký thông tin thuê bao không đúng giấy tờ tùy thân.",
                ),
                ("MobiFone - đại lý Trà Cú", "Lưu giữ phiếu đăng ký thông tin thuê bao không đầy đủ."),
            )
        ],
    ),
    (
        "KT-02/2020",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.PRINTING,
        "Kiểm tra về hoạt động in trên địa bàn tỉnh",
        D(2020, 6, 8),
        D(2020, 6, 19),
        [
            (
                "Cơ sở in Phương Nam",
                SubjectType.ORGANISATION,
                "Không đăng ký hoạt động cơ sở in theo quy định.",
                ("fine", 10_000_000, "12", D(2020, 6, 26)),
            ),
            (
                "Công ty TNHH In Ánh Dương",
                SubjectType.ORGANISATION,
                "Không lập sổ theo dõi ấn phẩm nhận in.",
                ("fine", 7_500_000, "13", D(2020, 6, 26)),
            ),
            ("Cơ sở photocopy Minh Tâm", SubjectType.INDIVIDUAL, "", None),
            ("Doanh nghiệp in Hoàng Long", SubjectType.ORGANISATION, "", None),
            ("Cơ sở in lụa Thanh Bình", SubjectType.INDIVIDUAL, "", None),
            ("Nhà in Trà Vinh", SubjectType.ORGANISATION, "", None),
            ("Cơ sở sao chụp Ngọc Hân", SubjectType.INDIVIDUAL, "", None),
        ],
    ),
    (
        "KT-03/2020",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.RADIO_FREQUENCIES,
        "Kiểm tra việc chấp hành các quy định của pháp luật về tần số và thiết bị vô tuyến điện",
        D(2020, 8, 4),
        D(2020, 8, 7),
        [("Đài Truyền thanh huyện Cầu Kè", SubjectType.ORGANISATION, "", None)],
    ),
    (
        "KT-04/2020",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.PUBLIC_GAMING,
        "Kiểm tra việc chấp hành quy định về cung cấp, sử dụng dịch vụ trò chơi điện tử công cộng",
        D(2020, 9, 14),
        D(2020, 9, 30),
        [
            (f"Điểm trò chơi điện tử công cộng số {i:02d}", SubjectType.INDIVIDUAL, violation, outcome)
            for i, violation, outcome in [
                (1, "Hoạt động quá giờ quy định.", ("fine", 5_000_000, "21", D(2020, 10, 9))),
                (
                    2,
                    "Không có giấy chứng nhận đủ điều kiện hoạt động.",
                    ("fine", 6_250_000, "22", D(2020, 10, 9)),
                ),
                (
                    3,
                    "Cho người chơi dưới 18 tuổi chơi trò chơi không phù hợp.",
                    ("fine", 7_500_000, "23", D(2020, 10, 12)),
                ),
                (
                    4,
                    "Không niêm yết nội quy tại điểm cung cấp dịch vụ.",
                    ("fine", 5_000_000, "24", D(2020, 10, 12)),
                ),
            ]
            + [(i, "", None) for i in range(5, 16)]
        ],
    ),
    (
        "PH-01/2020",
        InspectionKind.SPECIALISED,
        InspectionMode.JOINT,
        RADIO_CENTRE,
        InspectionField.RADIO_FREQUENCIES,
        "Kiểm tra việc chấp hành các quy định của pháp luật về tần số và thiết bị vô tuyến điện",
        D(2020, 7, 13),
        D(2020, 7, 15),
        [
            ("Đài Truyền thanh huyện Tiểu Cần", SubjectType.ORGANISATION, "", None),
            ("Đài Truyền thanh huyện Duyên Hải", SubjectType.ORGANISATION, "", None),
            ("Công ty TNHH Vận tải Hải Đăng", SubjectType.ORGANISATION, "", None),
        ],
    ),
]
POLICE_CHECKS = [
    (
        "PH-02/2020",
        InspectionField.SOCIAL_NETWORKS,
        "Phối hợp kiểm tra vi phạm quy định sử dụng dịch vụ mạng xã hội (facebook)",
        D(2020, 2, 18),
        "Chủ tài khoản mạng xã hội T.V.H",
    ),
    (
        "PH-03/2020",
        InspectionField.SOCIAL_NETWORKS,
        "Phối hợp kiểm tra tài khoản mạng xã hội đăng tin sai sự thật về dịch Covid-19",
        D(2020, 3, 27),
        "Chủ tài khoản mạng xã hội N.V.T",
    ),
    (
        "PH-04/2020",
        InspectionField.SOCIAL_NETWORKS,
        "Phối hợp kiểm tra việc đăng thông tin sai sự thật trên mạng xã hội",
        D(2020, 4, 16),
        "Chủ tài khoản mạng xã hội L.T.H",
    ),
    (
        "PH-05/2020",
        InspectionField.SOCIAL_NETWORKS,
        "Phối hợp kiểm tra vi phạm quy định sử dụng dịch vụ mạng xã hội (facebook)",
        D(2020, 10, 20),
        "Chủ tài khoản mạng xã hội P.T.L",
    ),
    (
        "PH-06/2020",
        InspectionField.SOCIAL_NETWORKS,
        "Phối hợp kiểm tra vi phạm quy định sử dụng dịch vụ mạng xã hội (facebook)",
        D(2020, 11, 24),
        "Chủ tài khoản mạng xã hội N.T.K",
    ),
]

PARTY_WORK = [
    # (cell code or None for the committee, kind, body, subject, day)
    (
        None,
        PartyOversightKind.INSPECTION,
        PartyBody.INSPECTION_COMMITTEE,
        "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát của Chi bộ Văn phòng - Thanh tra",
        D(2020, 3, 17),
    ),
    (
        None,
        PartyOversightKind.INSPECTION,
        PartyBody.INSPECTION_COMMITTEE,
        "Kiểm tra việc thu, nộp, quản lý đảng phí tại Chi bộ các phòng chuyên môn",
        D(2020, 4, 21),
    ),
    (
        None,
        PartyOversightKind.INSPECTION,
        PartyBody.COMMITTEE,
        "Kiểm tra việc chấp hành nguyên tắc tập trung dân chủ tại Chi bộ Trung tâm Công nghệ Thông tin và Truyền thông",
        D(2020, 6, 9),
    ),
    (
        None,
        PartyOversightKind.INSPECTION,
        PartyBody.INSPECTION_COMMITTEE,
        "Kiểm tra việc thu, nộp, quản lý đảng phí tại Chi bộ Trung tâm Công nghệ Thông tin và Truyền thông",
        D(2020, 9, 15),
    ),
    (
        "TV.STTTT.DU.CB1",
        PartyOversightKind.INSPECTION,
        PartyBody.CELL,
        "Kiểm tra đảng viên trong việc thực hiện nhiệm vụ được giao",
        D(2020, 5, 19),
    ),
    (
        "TV.STTTT.DU.CB2",
        PartyOversightKind.INSPECTION,
        PartyBody.CELL,
        "Kiểm tra đảng viên trong việc giữ gìn phẩm chất đạo đức, lối sống",
        D(2020, 7, 7),
    ),
    (
        "TV.STTTT.DU.CB3",
        PartyOversightKind.INSPECTION,
        PartyBody.CELL,
        "Kiểm tra đảng viên trong việc thực hiện quy định những điều đảng viên không được làm",
        D(2020, 8, 11),
    ),
    (
        "TV.STTTT.DU.CB3",
        PartyOversightKind.INSPECTION,
        PartyBody.CELL,
        "Kiểm tra đảng viên trong việc thực hiện nghĩa vụ nơi cư trú",
        D(2020, 10, 13),
    ),
    (
        None,
        PartyOversightKind.THEMATIC_SUPERVISION,
        PartyBody.COMMITTEE,
        "Giám sát chuyên đề việc thực hiện Quy chế dân chủ ở cơ sở tại Chi bộ Văn phòng - Thanh tra",
        D(2020, 7, 21),
    ),
    (
        None,
        PartyOversightKind.THEMATIC_SUPERVISION,
        PartyBody.INSPECTION_COMMITTEE,
        "Giám sát chuyên đề việc kê khai tài sản, thu nhập của đảng viên là cán bộ lãnh đạo",
        D(2020, 8, 25),
    ),
    (
        None,
        PartyOversightKind.THEMATIC_SUPERVISION,
        PartyBody.COMMITTEE,
        "Giám sát chuyên đề việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        D(2020, 11, 3),
    ),
]

# A few inspections of the other demo departments, so consolidation has figures.
OTHER_INSPECTIONS = {
    "TV.SKHCN": [
        (
            "KT-01/2020",
            InspectionKind.SPECIALISED,
            InspectionMode.LED,
            "",
            InspectionField.OTHER,
            "Kiểm tra đo lường tại các cửa hàng xăng dầu",
            D(2020, 5, 5),
            4,
            1,
        ),
        (
            "KT-02/2020",
            InspectionKind.SPECIALISED,
            InspectionMode.JOINT,
            "Cục Quản lý thị trường tỉnh",
            InspectionField.OTHER,
            "Kiểm tra nhãn hàng hóa mùa Tết",
            D(2020, 1, 8),
            2,
            0,
        ),
    ],
    "TV.STP": [
        (
            "TTr-01/2020",
            InspectionKind.ADMINISTRATIVE,
            InspectionMode.LED,
            "",
            InspectionField.FINANCE_ASSETS,
            "Thanh tra công tác tài chính của Trung tâm Trợ giúp pháp lý",
            D(2020, 8, 17),
            1,
            0,
        ),
    ],
    "TV.SGDDT": [
        (
            "KT-01/2020",
            InspectionKind.SPECIALISED,
            InspectionMode.LED,
            "",
            InspectionField.OTHER,
            "Kiểm tra dạy thêm, học thêm",
            D(2020, 10, 6),
            6,
            2,
        ),
    ],
}


MOST_INSPECTORATE = "Thanh tra Bộ Khoa học và Công nghệ"
VL_MARKET = "Chi cục Quản lý thị trường tỉnh Vĩnh Long"
VL_POLICE = "Công an tỉnh Vĩnh Long"

# The same form as STTTT_INSPECTIONS; a referral goes to MOST_INSPECTORATE.
VL_SKHCN_2026 = [
    (
        "TTr-01/2026",
        InspectionKind.ADMINISTRATIVE,
        InspectionMode.LED,
        "",
        InspectionField.FINANCE_ASSETS,
        "Thanh tra việc quản lý, sử dụng kinh phí sự nghiệp khoa học và công nghệ năm 2025 của Trung tâm "
        "Ứng dụng tiến bộ khoa học và công nghệ",
        D(2026, 4, 6),
        D(2026, 5, 8),
        [("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", SubjectType.ORGANISATION, "", None)],
    ),
    (
        "KT-01/2026",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.OTHER,
        "Kiểm tra nhà nước về đo lường, chất lượng xăng dầu tại các cửa hàng bán lẻ",
        D(2026, 3, 2),
        D(2026, 3, 20),
        [
            (
                "Cửa hàng xăng dầu Phú Thịnh 2",
                SubjectType.ORGANISATION,
                "Cột đo xăng dầu sai số vượt giới hạn cho phép.",
                ("fine", 15_000_000, "07", D(2026, 3, 27)),
            ),
            (
                "Cửa hàng xăng dầu Bình Minh",
                SubjectType.ORGANISATION,
                "Sử dụng phương tiện đo chưa được kiểm định lại đúng thời hạn.",
                ("fine", 12_500_000, "08", D(2026, 3, 27)),
            ),
        ]
        + [(f"Cửa hàng xăng dầu số {i:02d}", SubjectType.ORGANISATION, "", None) for i in range(3, 11)],
    ),
    (
        "KT-02/2026",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.MOBILE_SUBSCRIBERS,
        "Kiểm tra việc cập nhật, lưu giữ thông tin thuê bao di động tại các điểm cung cấp dịch vụ viễn thông",
        D(2026, 6, 8),
        D(2026, 6, 19),
        [
            (
                "Điểm cung cấp dịch vụ viễn thông Thành Đạt",
                SubjectType.ORGANISATION,
                "Kích hoạt thuê bao khi thông tin không trùng khớp cơ sở dữ liệu quốc gia về dân cư.",
                ("referral",),
            ),
            (
                "Đại lý viễn thông Minh Khang",
                SubjectType.ORGANISATION,
                "Bán SIM thuê bao đã kích hoạt sẵn.",
                ("referral",),
            ),
            ("Cửa hàng viễn thông Hòa Bình", SubjectType.ORGANISATION, "", None),
            ("Đại lý SIM thẻ Ngọc Trâm", SubjectType.INDIVIDUAL, "", None),
            ("Điểm giao dịch viễn thông phường Long Châu", SubjectType.ORGANISATION, "", None),
        ],
    ),
    (
        "KT-03/2026",
        InspectionKind.SPECIALISED,
        InspectionMode.LED,
        "",
        InspectionField.OTHER,
        "Kiểm tra việc chấp hành quy định về an toàn bức xạ trong y tế tại các cơ sở X-quang",
        D(2026, 8, 10),
        D(2026, 8, 21),
        [
            (
                "Phòng khám đa khoa tư nhân An Phước",
                SubjectType.ORGANISATION,
                "Nhân viên bức xạ không được trang bị liều kế cá nhân.",
                ("fine", 10_000_000, "21", D(2026, 8, 28)),
            ),
            ("Phòng khám đa khoa Hòa Hảo", SubjectType.ORGANISATION, "", None),
            ("Phòng khám nha khoa Sài Gòn - Vĩnh Long", SubjectType.ORGANISATION, "", None),
            ("Trung tâm y tế khu vực Tam Bình", SubjectType.ORGANISATION, "", None),
        ],
    ),
    (
        "PH-01/2026",
        InspectionKind.SPECIALISED,
        InspectionMode.JOINT,
        VL_MARKET,
        InspectionField.OTHER,
        "Phối hợp kiểm tra nhãn hàng hóa, chất lượng hàng hóa dịp Tết Nguyên đán Bính Ngọ 2026",
        D(2026, 1, 12),
        D(2026, 1, 23),
        [
            (
                "Cửa hàng bánh kẹo Kim Thành",
                SubjectType.INDIVIDUAL,
                "Kinh doanh hàng hóa nhập khẩu không có nhãn phụ bằng tiếng Việt.",
                ("fine", 7_500_000, "02", D(2026, 2, 2)),
            ),
            ("Siêu thị mini Phước Thịnh", SubjectType.ORGANISATION, "", None),
            ("Cửa hàng thực phẩm Út Hiền", SubjectType.INDIVIDUAL, "", None),
            ("Đại lý phân phối Đồng Tiến", SubjectType.ORGANISATION, "", None),
        ],
    ),
    (
        "PH-02/2026",
        InspectionKind.SPECIALISED,
        InspectionMode.JOINT,
        VL_POLICE,
        InspectionField.SOCIAL_NETWORKS,
        "Phối hợp xác minh, xử lý tài khoản mạng xã hội đăng tin sai sự thật về sắp xếp đơn vị hành chính",
        D(2026, 5, 4),
        D(2026, 5, 8),
        [
            (
                "Chủ tài khoản mạng xã hội T.V.H",
                SubjectType.INDIVIDUAL,
                "Đăng tải thông tin sai sự thật, gây hoang mang trong Nhân dân.",
                ("fine", 7_500_000, "15", D(2026, 5, 14)),
            ),
            (
                "Chủ tài khoản mạng xã hội N.T.K",
                SubjectType.INDIVIDUAL,
                "Chia sẻ thông tin sai sự thật.",
                ("fine", 5_000_000, "16", D(2026, 5, 14)),
            ),
        ],
    ),
    (
        "PH-03/2026",
        InspectionKind.SPECIALISED,
        InspectionMode.JOINT,
        RADIO_CENTRE,
        InspectionField.RADIO_FREQUENCIES,
        "Phối hợp kiểm tra việc chấp hành quy định về sử dụng tần số và thiết bị vô tuyến điện",
        D(2026, 9, 21),
        D(2026, 9, 25),
        [
            ("Đài Truyền thanh xã Càng Long", SubjectType.ORGANISATION, "", None),
            ("Công ty TNHH Vận tải thủy Mekong", SubjectType.ORGANISATION, "", None),
            ("Đài Truyền thanh xã Trà Ôn", SubjectType.ORGANISATION, "", None),
        ],
    ),
]

VL_PARTY_2026 = [
    (
        PartyOversightKind.INSPECTION,
        PartyBody.INSPECTION_COMMITTEE,
        "Kiểm tra việc thu, nộp, quản lý, sử dụng đảng phí năm 2025",
        D(2026, 3, 17),
    ),
    (
        PartyOversightKind.INSPECTION,
        PartyBody.COMMITTEE,
        "Kiểm tra việc thực hiện nguyên tắc tập trung dân chủ và quy chế làm việc của Đảng ủy sau hợp nhất",
        D(2026, 6, 16),
    ),
    (
        PartyOversightKind.INSPECTION,
        PartyBody.INSPECTION_COMMITTEE,
        "Kiểm tra đảng viên trong việc thực hiện nhiệm vụ được giao và kê khai tài sản, thu nhập",
        D(2026, 9, 15),
    ),
    (
        PartyOversightKind.THEMATIC_SUPERVISION,
        PartyBody.COMMITTEE,
        "Giám sát chuyên đề việc thực hiện dân chủ ở cơ sở trong cơ quan theo Luật số 10/2022/QH15",
        D(2026, 7, 14),
    ),
    (
        PartyOversightKind.THEMATIC_SUPERVISION,
        PartyBody.INSPECTION_COMMITTEE,
        "Giám sát chuyên đề việc thực hiện Nghị quyết số 57-NQ/TW tại các phòng chuyên môn",
        D(2026, 10, 20),
    ),
]


def _decision(org, number, day, subject_name, actor):
    doc, _created = Document.objects.get_or_create(
        organization=org,
        ref=f"{number}/QĐ-XPVPHC",
        defaults={
            "direction": Direction.ISSUED,
            "kind": DocumentKind.QD,
            "number": number,
            "symbol": "QĐ-XPVPHC",
            "issued_on": day,
            "issuer_org": org,
            "issuer_name": org.name,
            "subject": f"Quyết định xử phạt vi phạm hành chính đối với {subject_name}",
            "signer_name": "Nguyễn Văn Nậy",
        },
    )
    return doc


def _inspection(
    org, actor, ref, kind, mode, partner, field, line, start, end, subjects, referred_to=MINISTRY, decide=None
):
    if Inspection.objects.filter(organization=org, ref=ref).exists():
        return
    inspection = actions.save_inspection(
        Inspection(
            organization=org,
            ref=ref,
            kind=kind,
            mode=mode,
            partner=partner,
            field=field,
            subject_line=line,
            start=start,
            end=end,
        ),
        actor=actor,
    )
    for name, subject_type, violation, outcome in subjects:
        subject = actions.save_subject(
            InspectionSubject(
                inspection=inspection,
                name=name,
                subject_type=subject_type,
                in_violation=bool(violation),
                violation=violation,
            ),
            actor=actor,
        )
        if outcome is None:
            continue
        if outcome[0] == "referral":
            actions.save_outcome(
                Outcome(subject=subject, kind=OutcomeKind.REFERRAL, referred_to=referred_to, date=end),
                actor=actor,
            )
        else:
            _fine, amount, number, day = outcome
            actions.save_outcome(
                Outcome(
                    subject=subject,
                    kind=OutcomeKind.SANCTION_DECISION,
                    decision=(decide or _decision)(org, number, day, name, actor),
                    fine_vnd=amount,
                    date=day,
                ),
                actor=actor,
            )
    return inspection


def load(ctx):
    orgs, users = ctx["orgs"], ctx["users"]
    stttt, inspector, clerk = orgs["TV.STTTT"], users["stttt.thanhtra"], users["stttt.vanthu"]

    for ref, kind, mode, partner, field, line, start, end, subjects in STTTT_INSPECTIONS:
        inspection = _inspection(
            stttt, inspector, ref, kind, mode, partner, field, line, start, end, subjects
        )
        if inspection is not None and kind == InspectionKind.ADMINISTRATIVE:
            actions.save_recommendation(
                Recommendation(
                    inspection=inspection,
                    text="Cập nhật đầy đủ sổ theo dõi tài sản cố định, hoàn thiện hồ sơ thanh lý tài sản.",
                    due=D(2020, 6, 30),
                    done_on=D(2020, 6, 15),
                    follow_up="Trung tâm đã báo cáo kết quả khắc phục.",
                ),
                actor=inspector,
            )
    for ref, field, line, start, subject in POLICE_CHECKS:
        _inspection(
            stttt,
            inspector,
            ref,
            InspectionKind.SPECIALISED,
            InspectionMode.JOINT,
            POLICE,
            field,
            line,
            start,
            start + datetime.timedelta(days=1),
            [(subject, SubjectType.INDIVIDUAL, "", None)],
        )

    committee = orgs["TV.STTTT.DU"]
    if not PartyOversight.objects.filter(
        organization__path__startswith=committee.path, date__year=2020
    ).exists():
        for cell, kind, body, subject, day in PARTY_WORK:
            actions.save_party_oversight(
                PartyOversight(
                    organization=orgs[cell] if cell else committee,
                    kind=kind,
                    body=body,
                    subject=subject,
                    date=day,
                    violations_found=False,
                    conclusion="Không phát hiện vi phạm; tổ chức đảng và đảng viên được kiểm tra, giám sát chấp hành tốt.",
                ),
                actor=clerk,
            )

    for code, items in OTHER_INSPECTIONS.items():
        org = orgs[code]
        actor = users.get(f"{code.split('.')[-1].lower()}.vanthu")
        for ref, kind, mode, partner, field, line, start, n_subjects, n_violations in items:
            subjects = [
                (
                    f"Đối tượng {i + 1} ({line.lower()})",
                    SubjectType.ORGANISATION,
                    "Vi phạm quy định quản lý chuyên ngành." if i < n_violations else "",
                    ("fine", 2_500_000, f"{i + 1:02d}", start + datetime.timedelta(days=20))
                    if i < n_violations
                    else None,
                )
                for i in range(n_subjects)
            ]
            _inspection(
                org,
                actor,
                ref,
                kind,
                mode,
                partner,
                field,
                line,
                start,
                start + datetime.timedelta(days=10),
                subjects,
            )

    load_2026(orgs["VL.SKHCN"], orgs["VL.SKHCN.DU"], users["stttt.vanthu"])


def _sanction_decision(org, number, day, subject_name):
    """A 2026 sanction decision, entered in the agency's register of outgoing documents."""
    from danchu.documents.actions import create_document

    existing = Document.objects.alive().filter(organization=org, ref=f"{number}/QĐ-XPHC").first()
    if existing is not None:
        return existing
    return create_document(
        actor=None,
        organization=org,
        direction=Direction.ISSUED,
        kind=DocumentKind.QD,
        number=number,
        symbol="QĐ-XPHC",
        issued_on=day,
        issuer_org=org,
        issuer_name=org.name,
        subject=f"Xử phạt vi phạm hành chính đối với {subject_name}",
    )


def load_2026(org, committee, actor):
    """Sở KH-CN Vĩnh Long's 2026 inspections and its Party committee's oversight."""
    today = timezone.localdate()
    for ref, kind, mode, partner, field, line, start, end, subjects in VL_SKHCN_2026:
        last = max([end] + [o[3] for *_s, o in subjects if o and o[0] == "fine"])
        if last > today or Inspection.objects.filter(organization=org, ref=ref).exists():
            continue
        inspection = _inspection(
            org,
            actor,
            ref,
            kind,
            mode,
            partner,
            field,
            line,
            start,
            end,
            subjects,
            referred_to=MOST_INSPECTORATE,
            decide=lambda org, number, day, name, _actor: _sanction_decision(org, number, day, name),
        )
        if kind == InspectionKind.ADMINISTRATIVE:
            actions.save_recommendation(
                Recommendation(
                    inspection=inspection,
                    text="Hoàn thiện hồ sơ thanh quyết toán kinh phí nhiệm vụ khoa học, công nghệ; cập nhật sổ "
                    "theo dõi tài sản hình thành từ nhiệm vụ.",
                    due=D(2026, 7, 31),
                    done_on=D(2026, 7, 15) if D(2026, 7, 15) <= today else None,
                    follow_up="Trung tâm đã báo cáo kết quả khắc phục." if D(2026, 7, 15) <= today else "",
                ),
                actor=actor,
            )
    done = set(
        PartyOversight.objects.filter(organization=committee, date__year=2026).values_list(
            "subject", flat=True
        )
    )
    for kind, body, subject, day in VL_PARTY_2026:
        if subject in done or day > today:
            continue
        actions.save_party_oversight(
            PartyOversight(
                organization=committee,
                kind=kind,
                body=body,
                subject=subject,
                date=day,
                violations_found=False,
                conclusion="Không phát hiện vi phạm; tổ chức đảng và đảng viên chấp hành tốt.",
            ),
            actor=actor,
        )
    # A letter about a party member, which the inspection committee found groundless.
    received = D(2026, 8, 12)
    if (
        received <= today
        and not PartyComplaint.objects.filter(organization=committee, received_on=received).exists()
    ):
        actions.save_party_complaint(
            PartyComplaint(
                organization=committee,
                received_on=received,
                about="Đảng viên công tác tại Phòng Quản lý chuyên ngành",
                summary="Đơn phản ánh đảng viên không gương mẫu chấp hành quy định nơi cư trú.",
                status=PartyComplaintStatus.RESOLVED,
                result="Ủy ban Kiểm tra Đảng ủy xác minh: nội dung phản ánh không có cơ sở; đã thông báo kết quả.",
            ),
            actor=actor,
        )
