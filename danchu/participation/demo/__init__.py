"""Demo participation records, built through the actions from what the seed report says Sở TT-TT
Trà Vinh did in 2020: what it disclosed (pay raises, promotions, evaluations, rewards,
discipline, retirement, asset declarations, rules, procedures, the reception schedule), the
directives disseminated to every staff member, the 82 + 19 items posted, the consultation on the
internal spending regulation, and the two staff conferences (02/02). Plus a few records of
three other departments, and a live consultation and vote at the successor body (VL.SKHCN).
The narrative is ours; only the facts come from the seed. Idempotent: each record is looked up
by organisation and title before it is created.
"""

import datetime

from django.utils import timezone

from danchu.legal.frameworks import framework_for
from danchu.legal.models import Requirement
from danchu.orgs.models import Membership, Person, StaffCategory

from . import actions
from .models import (
    BoardRole,
    Channel,
    ConferenceDocumentKind,
    Consultation,
    Disclosure,
    DisclosureKind,
    Recommendation,
    StaffConference,
    Vote,
    VoteKind,
)

D = datetime.date
C = Channel

# title, kind, ND 04/2015 Art. 7 item, decided, published, channels, item count, content
STTTT_2020 = [
    (
        "Quyết định nâng bậc lương thường xuyên quý I năm 2020",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2020, 3, 2),
        D(2020, 3, 4),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Danh sách công chức, viên chức được nâng bậc lương thường xuyên từ ngày 01/3/2020.",
    ),
    (
        "Kết quả xét nâng ngạch công chức năm 2020",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2020, 6, 15),
        D(2020, 6, 17),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Kết quả thi nâng ngạch chuyên viên chính và danh sách công chức được bổ nhiệm ngạch mới.",
    ),
    (
        "Kết quả đánh giá, xếp loại công chức, viên chức năm 2019",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2020, 1, 6),
        D(2020, 1, 8),
        [C.INTRANET, C.CONFERENCE],
        None,
        "Kết quả đánh giá, xếp loại chất lượng công chức, viên chức và người lao động năm 2019.",
    ),
    (
        "Quyết định khen thưởng tập thể, cá nhân năm 2019",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2020, 1, 15),
        D(2020, 1, 17),
        [C.INTRANET, C.NOTICE_BOARD, C.CONFERENCE],
        None,
        "Danh hiệu thi đua và hình thức khen thưởng năm 2019 của tập thể, cá nhân thuộc Sở.",
    ),
    (
        "Kết quả xem xét kỷ luật công chức, viên chức năm 2020",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2020, 11, 2),
        D(2020, 11, 4),
        [C.INTRANET],
        None,
        "Trong năm không có công chức, viên chức bị xử lý kỷ luật.",
    ),
    (
        "Thông báo nghỉ hưu và thôi việc năm 2020",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2020, 4, 1),
        D(2020, 4, 3),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Thông báo thời điểm nghỉ hưu, thôi việc của công chức, viên chức trong năm 2020.",
    ),
    (
        "Bản kê khai tài sản, thu nhập năm 2019 của người có nghĩa vụ kê khai",
        DisclosureKind.DISCLOSURE,
        "5",
        D(2020, 3, 20),
        D(2020, 3, 24),
        [C.NOTICE_BOARD, C.CONFERENCE],
        None,
        "Niêm yết bản kê khai tài sản, thu nhập tại trụ sở cơ quan theo Luật Phòng, chống tham nhũng.",
    ),
    (
        "Quy chế thực hiện dân chủ trong hoạt động của cơ quan (sửa đổi)",
        DisclosureKind.DISCLOSURE,
        "7",
        D(2020, 2, 10),
        D(2020, 2, 12),
        [C.INTRANET, C.WEBSITE],
        None,
        "Quy chế dân chủ của Sở ban hành theo Nghị định 04/2015/NĐ-CP, bản sửa đổi năm 2020.",
    ),
    (
        "Nội quy cơ quan và quy tắc ứng xử của công chức, viên chức",
        DisclosureKind.DISCLOSURE,
        "7",
        D(2020, 2, 10),
        D(2020, 2, 12),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Nội quy làm việc, giờ giấc, văn hóa công sở và quy tắc ứng xử.",
    ),
    (
        "Bộ thủ tục hành chính thuộc thẩm quyền giải quyết của Sở (Quyết định 2627/QĐ-UBND)",
        DisclosureKind.DISCLOSURE,
        "1",
        D(2020, 7, 3),
        D(2020, 7, 7),
        [C.INTRANET, C.NOTICE_BOARD, C.WEBSITE],
        None,
        "Các thủ tục hành chính lĩnh vực bưu chính, xuất bản, in và phát hành được công bố mới, bãi bỏ.",
    ),
    (
        "Lịch tiếp công dân của Giám đốc Sở năm 2020",
        DisclosureKind.DISCLOSURE,
        "7",
        D(2020, 1, 2),
        D(2020, 1, 3),
        [C.NOTICE_BOARD, C.WEBSITE],
        None,
        "Giám đốc Sở tiếp công dân định kỳ vào ngày thứ Năm của tuần thứ hai mỗi tháng.",
    ),
    (
        "Kế hoạch công tác năm 2020 của Sở",
        DisclosureKind.DISCLOSURE,
        "2",
        D(2020, 1, 10),
        D(2020, 1, 14),
        [C.INTRANET, C.CONFERENCE],
        None,
        "Kế hoạch công tác năm, phân công nhiệm vụ cho các phòng, trung tâm.",
    ),
    (
        "Quán triệt Kế hoạch 18-KH/ĐU về công tác dân vận, quy chế dân chủ năm 2020",
        DisclosureKind.DISSEMINATION,
        "9",
        D(2020, 3, 25),
        D(2020, 3, 27),
        [C.INTRANET, C.PARTY_UNION, C.SUB_UNIT_HEADS],
        None,
        "Triển khai đến toàn thể công chức, viên chức kế hoạch của Đảng ủy về dân vận, quy chế dân chủ "
        "và phong trào thi đua “Dân vận khéo” năm 2020.",
    ),
    (
        "Quán triệt các văn bản của cấp trên về phòng, chống tham nhũng và công tác dân vận",
        DisclosureKind.DISSEMINATION,
        "9",
        D(2020, 5, 11),
        D(2020, 5, 13),
        [C.INTRANET, C.SUB_UNIT_HEADS],
        None,
        "Các nghị quyết, chỉ thị của Trung ương và của tỉnh về phòng, chống tham nhũng và công tác dân vận.",
    ),
    (
        "Niêm yết 82 biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”",
        DisclosureKind.POSTING,
        "1",
        D(2020, 1, 6),
        D(2020, 1, 8),
        [C.NOTICE_BOARD, C.INTRANET],
        82,
        "Niêm yết tại trụ sở và trên mạng nội bộ theo Nghị quyết Trung ương 4 (khóa XII).",
    ),
    (
        "Công khai 19 điều đảng viên không được làm",
        DisclosureKind.POSTING,
        "1",
        D(2020, 1, 6),
        D(2020, 1, 8),
        [C.INTRANET],
        19,
        "Công khai trên mạng nội bộ cùng các quy định về trách nhiệm nêu gương của cán bộ, đảng viên.",
    ),
]

OTHERS_2020 = {
    "TV.SKHCN": [
        ("Kết quả đánh giá, xếp loại công chức năm 2019", "4", D(2020, 1, 9), D(2020, 1, 13)),
        ("Quy chế chi tiêu nội bộ năm 2020", "7", D(2020, 2, 3), D(2020, 2, 5)),
    ],
    "TV.STP": [
        ("Quyết định nâng bậc lương năm 2020", "4", D(2020, 4, 6), D(2020, 4, 8)),
        ("Kế hoạch công tác năm 2020", "2", D(2020, 1, 8), D(2020, 1, 10)),
    ],
    "TV.SGDDT": [
        ("Quyết định khen thưởng năm học 2019-2020", "4", D(2020, 8, 10), D(2020, 8, 19)),
        ("Dự toán ngân sách năm 2020", "3", D(2020, 1, 15), D(2020, 1, 17)),
    ],
}


def _requirement(day, code):
    return Requirement.objects.get(framework=framework_for(day), area="disclosure", code=code)


def _disclose(org, actor, title, kind, code, decided, published, channels, items, content, ack=1.0):
    if Disclosure.objects.filter(organization=org, title=title).exists():
        return None
    posting = {Channel.NOTICE_BOARD, Channel.INTRANET, Channel.WEBSITE} & set(channels)
    disclosure = actions.create_disclosure(
        organization=org,
        actor=actor,
        title=title,
        content=content,
        kind=kind,
        requirement=_requirement(decided, code),
        decided_on=decided,
        channels=channels,
        posted_from=published if posting else None,
        posted_to=published + datetime.timedelta(days=44) if posting else None,
        item_count=items,
    )
    disclosure = actions.publish_disclosure(disclosure, actor=actor, published_on=published)
    recipients = list(disclosure.recipients.select_related("person").order_by("person_id"))
    for i, r in enumerate(recipients):
        if i < round(len(recipients) * ack):
            when = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9, 0)))
            actions.acknowledge(
                disclosure, actor=None, person=r.person, at=when + datetime.timedelta(hours=i % 30)
            )
    return disclosure


def _conference(org, actor, year, held_on, present_ratio, chair, resolutions, board=False):
    existing = StaffConference.objects.filter(organization=org, year=year).first()
    if existing:
        return existing
    conference = actions.create_conference(
        organization=org,
        actor=actor,
        year=year,
        held_on=held_on,
        place=f"Hội trường {org.name}",
        chair=chair,
        secretary="Văn phòng",
        agenda=(
            "1. Báo cáo kết quả thực hiện nhiệm vụ năm trước và phương hướng năm nay;\n"
            "2. Báo cáo của Ban Chấp hành công đoàn;\n"
            "3. Báo cáo hoạt động của Ban Thanh tra nhân dân;\n"
            "4. Công khai tài chính, sửa đổi quy chế chi tiêu nội bộ;\n"
            "5. Thảo luận, biểu quyết nghị quyết hội nghị."
        ),
    )
    for kind, title in (
        (ConferenceDocumentKind.HEAD_REPORT, f"Báo cáo tổng kết công tác năm {year} của thủ trưởng cơ quan"),
        (ConferenceDocumentKind.UNION_REPORT, f"Báo cáo của Ban Chấp hành công đoàn cơ sở năm {year}"),
        (ConferenceDocumentKind.BOARD_REPORT, f"Báo cáo hoạt động của Ban Thanh tra nhân dân năm {year}"),
    ):
        actions.add_conference_document(conference, actor=actor, kind=kind, title=title)
    attendees = list(conference.attendees.select_related("person").order_by("person_id"))
    present = [a.person for a in attendees[: round(len(attendees) * present_ratio)]]
    for person in present:
        actions.check_in(conference, actor=actor, person=person)
    n = len(present)
    for text in resolutions:
        actions.record_resolution(conference, actor=actor, text=text, votes_for=n - 1, abstentions=1)
    if board:
        eligible = [p for p in present if actions.board_ineligible(conference, p) is None][:3]
        roles = [BoardRole.HEAD, BoardRole.DEPUTY, BoardRole.MEMBER]
        actions.elect_board(
            conference, actor=actor, members=[(p, r, n - 2) for p, r in zip(eligible, roles, strict=False)]
        )
    actions.close_conference(conference, actor=actor)
    return conference


# Staff of the successor body since 01/07/2025: (username or source organisation, how many, position).
# The demo users who moved there, staff of the former Sở KH-CN Trà Vinh, and staff of the former
# Sở TT-TT Trà Vinh (merged into it on 01/03/2025). Each keeps the staff category they had.
VL_SKHCN_STAFF_FROM = (("TV.SKHCN", 20), ("TV.STTTT.BCVT", 3), ("TV.STTTT.CNTT", 3), ("TV.STTTT.TTBCXB", 2))


def _vl_skhcn_staff(ctx):
    """The successor body has staff since 01/07/2025: the demo users who moved there and others.

    Idempotent per person, so that memberships created elsewhere (its head and deputies, set up
    by the orgs demo) are kept and not duplicated."""
    org = ctx.orgs["VL.SKHCN"]
    people = list(
        Person.objects.filter(
            user__username__in=["stttt.giamdoc", "stttt.vanthu", "stttt.xuly", "stttt.nhanvien"]
        ).select_related("user")
    )
    for code, count in VL_SKHCN_STAFF_FROM:
        people += list(
            Person.objects.filter(memberships__organization=ctx.orgs[code], user__isnull=True)
            .exclude(memberships__position__startswith="Trưởng")
            .order_by("pk")
            .distinct()[:count]
        )
    category_of = dict(
        Membership.objects.filter(person__in=people)
        .exclude(organization=org)
        .order_by("-pk")
        .values_list("person_id", "staff_category")
    )
    for person in people:
        if Membership.objects.filter(person=person, organization=org).exists():
            continue
        head = person.user_id and person.user.username == "stttt.giamdoc"
        Membership.objects.create(
            person=person,
            organization=org,
            position="Giám đốc" if head else "Chuyên viên",
            is_head=bool(head),
            staff_category=category_of.get(person.pk) or StaffCategory.CIVIL_SERVANT,
            is_party_member=person.pk % 3 != 2,
            start=D(2025, 7, 1),
        )


# --- The 2026 year of Sở KH-CN Vĩnh Long (Luật 10/2022/QH15, Nghị định 59/2023/NĐ-CP) -----------
# title, kind, Law 2022 Art. 46 item (the catalog's code), decided, published, channels, items, content
VL_SKHCN_2026 = [
    (
        "Kế hoạch công tác năm 2026 của Sở Khoa học và Công nghệ",
        DisclosureKind.DISCLOSURE,
        "2",
        D(2026, 1, 8),
        D(2026, 1, 9),
        [C.INTRANET, C.CONFERENCE],
        None,
        "Kế hoạch công tác năm, chỉ tiêu và phân công nhiệm vụ cho các phòng, đơn vị sau khi hợp nhất.",
    ),
    (
        "Dự toán ngân sách nhà nước năm 2026 được giao",
        DisclosureKind.DISCLOSURE,
        "3",
        D(2026, 1, 12),
        D(2026, 1, 14),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Dự toán chi thường xuyên, chi sự nghiệp khoa học và công nghệ năm 2026 được Ủy ban nhân dân tỉnh giao.",
    ),
    (
        "Kết quả đánh giá, xếp loại chất lượng công chức, viên chức năm 2025",
        DisclosureKind.DISCLOSURE,
        "6",
        D(2026, 1, 15),
        D(2026, 1, 19),
        [C.INTRANET, C.CONFERENCE],
        None,
        "Kết quả đánh giá, xếp loại chất lượng công chức, viên chức và người lao động năm 2025.",
    ),
    (
        "Quy chế thực hiện dân chủ ở cơ sở của Sở Khoa học và Công nghệ",
        DisclosureKind.DISCLOSURE,
        "9",
        D(2026, 2, 2),
        D(2026, 2, 4),
        [C.INTRANET, C.WEBSITE, C.NOTICE_BOARD],
        None,
        "Quy chế ban hành theo Luật Thực hiện dân chủ ở cơ sở năm 2022 và Nghị định số 59/2023/NĐ-CP, "
        "thay thế quy chế của các cơ quan trước hợp nhất.",
    ),
    (
        "Kế hoạch mua sắm, sửa chữa tài sản công năm 2026",
        DisclosureKind.DISCLOSURE,
        "4",
        D(2026, 3, 2),
        D(2026, 3, 4),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Danh mục tài sản mua sắm, sửa chữa và định mức sử dụng trang thiết bị làm việc năm 2026.",
    ),
    (
        "Bản kê khai tài sản, thu nhập năm 2025 của người có nghĩa vụ kê khai",
        DisclosureKind.DISCLOSURE,
        "7",
        D(2026, 3, 16),
        D(2026, 3, 18),
        [C.NOTICE_BOARD, C.CONFERENCE],
        None,
        "Niêm yết bản kê khai tài sản, thu nhập tại trụ sở cơ quan theo Luật Phòng, chống tham nhũng.",
    ),
    (
        "Quyết định điều động, bổ nhiệm lại công chức lãnh đạo cấp phòng",
        DisclosureKind.DISCLOSURE,
        "6",
        D(2026, 4, 6),
        D(2026, 4, 8),
        [C.INTRANET, C.WRITTEN],
        None,
        "Các quyết định điều động, bổ nhiệm lại sau khi sắp xếp các phòng chuyên môn của Sở.",
    ),
    (
        "Văn bản của Ủy ban nhân dân tỉnh về sắp xếp đơn vị sự nghiệp công lập thuộc Sở",
        DisclosureKind.DISCLOSURE,
        "11",
        D(2026, 5, 11),
        D(2026, 5, 13),
        [C.INTRANET, C.SUB_UNIT_HEADS],
        None,
        "Văn bản chỉ đạo của cấp trên về phương án sắp xếp các trung tâm trực thuộc Sở.",
    ),
    (
        "Quyết toán ngân sách năm 2025",
        DisclosureKind.DISCLOSURE,
        "3",
        D(2026, 7, 20),
        D(2026, 7, 22),
        [C.INTRANET, C.NOTICE_BOARD],
        None,
        "Quyết toán thu, chi ngân sách năm 2025 đã được cơ quan tài chính thẩm định.",
    ),
    (
        "Kết quả giải quyết khiếu nại, tố cáo và kết luận thanh tra 6 tháng đầu năm 2026",
        DisclosureKind.DISCLOSURE,
        "8",
        D(2026, 7, 6),
        D(2026, 7, 8),
        [C.INTRANET],
        None,
        "Tổng hợp kết quả giải quyết đơn thư và kết luận các cuộc thanh tra, kiểm tra trong cơ quan.",
    ),
    (
        "Quán triệt Luật Thực hiện dân chủ ở cơ sở và Nghị định số 59/2023/NĐ-CP",
        DisclosureKind.DISSEMINATION,
        "1",
        D(2026, 1, 20),
        D(2026, 1, 22),
        [C.INTRANET, C.PARTY_UNION, C.SUB_UNIT_HEADS],
        None,
        "Phổ biến đến toàn thể công chức, viên chức, người lao động những nội dung phải công khai, tham gia "
        "ý kiến, quyết định và kiểm tra, giám sát theo Luật số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP.",
    ),
    (
        "Quán triệt Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số quốc gia",
        DisclosureKind.DISSEMINATION,
        "1",
        D(2026, 3, 9),
        D(2026, 3, 11),
        [C.INTRANET, C.PARTY_UNION],
        None,
        "Triển khai Nghị quyết và kế hoạch thực hiện của tỉnh đến toàn thể công chức, viên chức.",
    ),
    (
        "Niêm yết 19 điều đảng viên không được làm",
        DisclosureKind.POSTING,
        "1",
        D(2026, 1, 5),
        D(2026, 1, 6),
        [C.NOTICE_BOARD, C.INTRANET],
        19,
        "Niêm yết tại trụ sở và trên hệ thống thông tin nội bộ cùng các quy định về trách nhiệm nêu gương.",
    ),
    (
        "Niêm yết quy tắc ứng xử của công chức, viên chức, người lao động",
        DisclosureKind.POSTING,
        "9",
        D(2026, 2, 2),
        D(2026, 2, 4),
        [C.NOTICE_BOARD, C.INTRANET],
        12,
        "Quy tắc ứng xử trong thi hành công vụ và trong giao tiếp với tổ chức, cá nhân.",
    ),
]

VL_CONFERENCE_RESOLUTIONS = [
    "Thông qua báo cáo kết quả thực hiện nhiệm vụ năm 2025 và phương hướng, nhiệm vụ năm 2026.",
    "Thông qua Quy chế chi tiêu nội bộ năm 2026.",
    "Thông qua Quy chế thực hiện dân chủ ở cơ sở của Sở.",
    "Thông qua mức đóng góp quỹ tương trợ của công chức, viên chức, người lao động năm 2026.",
]


def _vl_skhcn_2026(ctx):
    """The year of the successor body: what it disclosed, consulted, decided and supervised in 2026.

    Records are at fixed 2026 dates; one is only created once its date has come (the demo runs on
    the day it is run), and each is looked up by its title first, so loading twice changes nothing."""
    org, users = ctx.orgs["VL.SKHCN"], ctx.users
    clerk, head = users["stttt.vanthu"], users["stttt.giamdoc"]
    today = timezone.localdate()

    for title, kind, code, decided, published, channels, items, content in VL_SKHCN_2026:
        if published > today:
            continue
        # Everyone confirmed the Law's dissemination; nine in ten read the rest.
        ack = 1.0 if title.startswith("Quán triệt Luật") else 0.9
        _disclose(org, clerk, title, kind, code, decided, published, channels, items, content, ack=ack)

    # The internal spending regulation, consulted before the conference (Law 2022 Art. 53).
    title = "Dự thảo Quy chế chi tiêu nội bộ năm 2026"
    if D(2026, 1, 16) <= today and not Consultation.objects.filter(organization=org, title=title).exists():
        spending = actions.create_consultation(
            organization=org,
            actor=clerk,
            title=title,
            topic=Requirement.objects.get(
                framework=framework_for(D(2026, 1, 5)), area="consultation", code="9"
            ),
            description="Lấy ý kiến công chức, viên chức, người lao động trước khi trình hội nghị cán bộ, "
            "công chức, viên chức, người lao động năm 2026.",
            opens_on=D(2026, 1, 5),
            closes_on=D(2026, 1, 12),
            sections=[
                ("Chương I. Quy định chung", "Phạm vi, đối tượng, nguyên tắc chi tiêu."),
                ("Chương II. Định mức chi", "Công tác phí, hội nghị, thuê khoán chuyên môn, văn phòng phẩm."),
                ("Chương III. Sử dụng kinh phí tiết kiệm", "Thu nhập tăng thêm, khen thưởng, phúc lợi."),
            ],
        )
        sections = list(spending.sections.all())
        staff = list(Person.objects.filter(memberships__organization=org).order_by("pk").distinct()[:14])
        remarks = [
            "Đề nghị thống nhất mức khoán công tác phí giữa công chức hai cơ quan trước hợp nhất.",
            "Nên bổ sung định mức chi cho hoạt động thẩm định, nghiệm thu nhiệm vụ khoa học.",
            "Đề nghị quy định rõ chi hỗ trợ công chức đi công tác các xã xa trung tâm tỉnh.",
            "Thống nhất với dự thảo.",
            "Đề nghị tăng tỷ lệ chi thu nhập tăng thêm từ kinh phí tiết kiệm được.",
        ]
        for i, person in enumerate(staff):
            day = D(2026, 1, 5 + i % 7)
            actions.add_comment(
                spending,
                actor=None,
                person=person,
                body=remarks[i % len(remarks)],
                section=sections[i % 3] if i % 5 != 3 else None,
                today=day,
                at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, i))),
            )
        result = actions.publish_consultation_summary(
            spending,
            actor=clerk,
            summary=f"{len(staff)} ý kiến; đa số thống nhất với dự thảo, một số đề nghị về công tác phí "
            "và định mức chi thẩm định, nghiệm thu nhiệm vụ khoa học.",
            uptake="Tiếp thu thống nhất mức khoán công tác phí và bổ sung định mức chi thẩm định; "
            "tỷ lệ chi thu nhập tăng thêm giữ như dự thảo để bảo đảm nguồn.",
            channels=[Channel.INTRANET, Channel.CONFERENCE],
            published_on=D(2026, 1, 15),
            today=D(2026, 1, 15),
        )
        read_at = timezone.make_aware(datetime.datetime(2026, 1, 15, 14, 0))
        for i, r in enumerate(result.recipients.select_related("person").order_by("person_id")):
            if i % 10 != 9:  # nine in ten read the result
                actions.acknowledge(
                    result, actor=None, person=r.person, at=read_at + datetime.timedelta(hours=i)
                )

    # The annual staff conference, in the first quarter (Nghị định 59/2023/NĐ-CP), the first of the
    # merged department: it elects the people's inspection board.
    held_on = D(2026, 1, 23)
    conference = StaffConference.objects.filter(organization=org, year=2025).first()
    if conference is None and held_on <= today:
        conference = _conference(
            org,
            clerk,
            2025,
            held_on,
            0.88,
            "Giám đốc Sở; Chủ tịch Công đoàn cơ sở",
            VL_CONFERENCE_RESOLUTIONS,
            board=True,
        )
    # The six-monthly review of the resolution (Nghị định 59/2023/NĐ-CP), by the head and the union.
    if conference is not None and D(2026, 7, 21) <= today:
        review = conference.follow_ups.order_by("due_on").first()
        if review is not None and review.done_on is None:
            actions.record_follow_up(
                review,
                actor=clerk,
                done_on=D(2026, 7, 21),
                result="Sơ kết 6 tháng: 4/4 nội dung nghị quyết đang được thực hiện; quy chế chi tiêu nội bộ "
                "và quy chế dân chủ đã ban hành, áp dụng từ tháng 02/2026; quỹ tương trợ đã thu đủ 6 tháng.",
            )

    # The board's recommendation to the head, answered within its 15 days, and staff feedback.
    board = actions.current_board(org, D(2026, 5, 12)).order_by("role", "pk").first()
    if (
        board
        and D(2026, 5, 20) <= today
        and not Recommendation.objects.filter(
            organization=org, from_board=True, received_on__year=2026
        ).exists()
    ):
        rec = actions.send_recommendation(
            organization=org,
            actor=clerk,
            person=board.person,
            addressee="head",
            from_board=True,
            subject="Kiến nghị công khai tiến độ giải ngân kinh phí nhiệm vụ khoa học và công nghệ",
            body="Ban Thanh tra nhân dân đề nghị công khai trên hệ thống thông tin nội bộ tiến độ giải ngân "
            "kinh phí các nhiệm vụ khoa học và công nghệ cấp tỉnh 5 tháng đầu năm.",
            received_on=D(2026, 5, 12),
        )
        actions.answer_recommendation(
            rec,
            actor=head,
            answer="Văn phòng Sở đã công khai tiến độ giải ngân trên hệ thống thông tin nội bộ ngày 19/5/2026 "
            "và sẽ cập nhật hằng quý.",
            answered_on=D(2026, 5, 20),
        )
    staff_person = Person.objects.filter(user=users["stttt.nhanvien"]).first()
    if (
        staff_person
        and D(2026, 9, 18) <= today
        and not Recommendation.objects.filter(
            organization=org, from_board=False, received_on__year=2026
        ).exists()
    ):
        rec = actions.send_recommendation(
            organization=org,
            actor=users["stttt.nhanvien"],
            person=staff_person,
            addressee="head",
            subject="Đề nghị bố trí lại phòng làm việc sau hợp nhất",
            body="Đề nghị bố trí lại phòng làm việc của các phòng chuyên môn để thuận tiện phối hợp công việc.",
            received_on=D(2026, 9, 8),
        )
        actions.answer_recommendation(
            rec,
            actor=head,
            answer="Văn phòng Sở đã bố trí lại phòng làm việc tại tầng 2 và tầng 3 từ ngày 15/9/2026.",
            answered_on=D(2026, 9, 18),
        )


def load(ctx):
    orgs, users = ctx.orgs, ctx.users
    clerk = users["stttt.vanthu"]
    sttt = orgs["TV.STTTT"]

    for title, kind, code, decided, published, channels, items, content in STTTT_2020:
        ack = 1.0 if kind == DisclosureKind.DISSEMINATION else 0.95
        _disclose(sttt, clerk, title, kind, code, decided, published, channels, items, content, ack=ack)

    # The internal spending regulation, discussed before the conference.
    spending = Consultation.objects.filter(
        organization=sttt, title__startswith="Dự thảo Quy chế chi tiêu"
    ).first()
    if spending is None:
        topic = Requirement.objects.get(framework=framework_for(D(2020, 1, 2)), area="consultation", code="9")
        spending = actions.create_consultation(
            organization=sttt,
            actor=clerk,
            title="Dự thảo Quy chế chi tiêu nội bộ năm 2020",
            topic=topic,
            description="Lấy ý kiến công chức, viên chức trước khi trình hội nghị cán bộ, công chức, viên chức.",
            opens_on=D(2020, 1, 2),
            closes_on=D(2020, 1, 9),
            sections=[
                ("Chương I. Quy định chung", "Phạm vi, đối tượng, nguyên tắc chi tiêu."),
                ("Chương II. Mức chi cụ thể", "Công tác phí, hội nghị, văn phòng phẩm, điện thoại."),
                ("Chương III. Sử dụng kinh phí tiết kiệm", "Chi thu nhập tăng thêm, khen thưởng, phúc lợi."),
            ],
        )
        sections = list(spending.sections.all())
        staff = list(
            Person.objects.filter(memberships__organization__path__startswith=sttt.path).distinct()[:12]
        )
        remarks = [
            "Đề nghị nâng mức khoán công tác phí cho cán bộ thường xuyên đi cơ sở.",
            "Nên quy định rõ định mức văn phòng phẩm theo từng phòng.",
            "Đề nghị ưu tiên chi phúc lợi cho người lao động có hoàn cảnh khó khăn.",
            "Thống nhất với dự thảo.",
        ]
        for i, person in enumerate(staff):
            actions.add_comment(
                spending,
                actor=None,
                person=person,
                body=remarks[i % len(remarks)],
                section=sections[i % 3] if i % 4 != 3 else None,
                today=D(2020, 1, 3 + i % 6),
                at=timezone.make_aware(datetime.datetime(2020, 1, 3 + i % 6, 10, i)),
            )
        actions.publish_consultation_summary(
            spending,
            actor=clerk,
            summary="12 ý kiến; đa số thống nhất, một số đề nghị điều chỉnh công tác phí và định mức văn phòng phẩm.",
            uptake="Tiếp thu điều chỉnh mức khoán công tác phí; định mức văn phòng phẩm giữ như dự thảo.",
            channels=[Channel.INTRANET, Channel.CONFERENCE],
            published_on=D(2020, 1, 13),
            today=D(2020, 1, 13),
        )

    _conference(
        sttt,
        clerk,
        2019,
        D(2020, 1, 17),
        0.9,
        "Trần Minh Khôi, Giám đốc Sở; Chủ tịch Công đoàn cơ sở",
        [
            "Thông qua báo cáo tổng kết năm 2019 và phương hướng, nhiệm vụ năm 2020.",
            "Thông qua Quy chế chi tiêu nội bộ năm 2020.",
            "Thông qua Quy chế thực hiện dân chủ trong hoạt động của cơ quan (sửa đổi).",
        ],
        board=True,
    )
    _conference(
        orgs["TV.STTTT.TTCNTT"],
        clerk,
        2019,
        D(2020, 1, 21),
        0.86,
        "Giám đốc Trung tâm; Tổ trưởng công đoàn",
        ["Thông qua kế hoạch hoạt động năm 2020 và phương án tự chủ tài chính của Trung tâm."],
    )

    board = actions.current_board(sttt, D(2020, 6, 1)).select_related("person__user").first()
    if board and not Recommendation.objects.filter(organization=sttt, from_board=True).exists():
        # The board's written recommendation, registered by the clerk.
        rec = actions.send_recommendation(
            organization=sttt,
            actor=clerk,
            person=board.person,
            addressee="head",
            from_board=True,
            subject="Kiến nghị công khai chi tiết quyết toán kinh phí hội nghị",
            body="Ban Thanh tra nhân dân đề nghị công khai chi tiết các khoản chi hội nghị quý II.",
            received_on=D(2020, 7, 6),
        )
        actions.answer_recommendation(
            rec,
            actor=users["stttt.giamdoc"],
            answer="Văn phòng Sở đã công khai chi tiết trên mạng nội bộ ngày 15/7/2020.",
            answered_on=D(2020, 7, 16),
        )

    for code, items in OTHERS_2020.items():
        org = orgs[code]
        actor = users[{"TV.SKHCN": "skhcn.vanthu", "TV.STP": "stp.vanthu", "TV.SGDDT": "sgddt.vanthu"}[code]]
        for title, req, decided, published in items:
            _disclose(
                org, actor, title, DisclosureKind.DISCLOSURE, req, decided, published,
                [Channel.INTRANET, Channel.NOTICE_BOARD], None, title, ack=0.8,
            )  # fmt: skip
        _conference(
            org,
            actor,
            2019,
            D(2020, 1, 20) if code != "TV.SGDDT" else D(2020, 4, 10),
            0.8,
            "Giám đốc Sở; Chủ tịch Công đoàn",
            ["Thông qua phương hướng, nhiệm vụ năm 2020."],
        )

    # The successor body's staff and its 2026 year; then, live, a consultation and a vote.
    _vl_skhcn_staff(ctx)
    _vl_skhcn_2026(ctx)
    vl = orgs["VL.SKHCN"]
    today = timezone.localdate()
    vl_clerk = users["stttt.vanthu"]
    if not Consultation.objects.filter(
        organization=vl, title__startswith="Dự thảo Quy chế thực hiện dân chủ"
    ).exists():
        actions.create_consultation(
            organization=vl,
            actor=vl_clerk,
            title=f"Dự thảo Quy chế thực hiện dân chủ ở cơ sở năm {today.year + 1}",
            topic=Requirement.objects.get(framework=framework_for(today), area="consultation", code="8"),
            description="Góp ý cho toàn văn hoặc từng chương của dự thảo trước khi trình hội nghị.",
            opens_on=today - datetime.timedelta(days=7),
            closes_on=today + datetime.timedelta(days=14),
            sections=[
                ("Chương I. Những quy định chung", "Phạm vi, đối tượng, nguyên tắc thực hiện dân chủ."),
                ("Chương II. Những nội dung phải công khai", "Nội dung, hình thức, thời điểm công khai."),
                (
                    "Chương III. Những nội dung cán bộ tham gia ý kiến",
                    "Trình tự lấy ý kiến, tổng hợp, tiếp thu.",
                ),
            ],
        )
    if not Vote.objects.filter(organization=vl, title__startswith="Mức đóng góp").exists():
        actions.create_vote(
            organization=vl,
            actor=vl_clerk,
            title="Mức đóng góp quỹ tương trợ ngoài quy định năm tới",
            description="Biểu quyết kín về mức đóng góp tự nguyện hằng tháng của mỗi người.",
            kind=VoteKind.OPTIONS,
            secret=True,
            opens_on=today - datetime.timedelta(days=2),
            closes_on=today + datetime.timedelta(days=8),
            options=["50.000 đồng/tháng", "100.000 đồng/tháng", "Không đóng góp"],
        )
