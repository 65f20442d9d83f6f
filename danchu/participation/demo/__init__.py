"""Demo participation records, built through the actions from what the seed report says Sở TT-TT
Trà Vinh did in 2020: what it disclosed (pay raises, promotions, evaluations, rewards,
discipline, retirement, asset declarations, rules, procedures, the reception schedule), the
directives disseminated to every staff member, the 82 + 19 items posted, the consultation on the
internal spending regulation, and the two staff conferences (02/02). Plus a few records of
three other departments, and a live consultation and vote at the successor body (VL.SKHCN).
The narrative is ours; only the facts come from the seed. The disclosures and the conferences are
the tables of data/*.toml. Idempotent: each record is looked up by organisation and title before
it is created.
"""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from danchu.legal.frameworks import framework_for
from danchu.legal.models import Requirement
from danchu.orgs.models import Membership, Person, StaffCategory

from .. import actions
from ..models import (
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
DATA = Path(__file__).parent / "data"


def _data(name):
    """A table of demo records from data/NAME.toml (see its header for the fields)."""
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def _requirement(day, code):
    return Requirement.objects.get(framework=framework_for(day), area="disclosure", code=code)


def _disclose(org, actor, row):
    """A disclosure of the data tables, published, with its acknowledgements (unless it exists)."""
    title, decided, published = row["title"], row["decided"], row["published"]
    if Disclosure.objects.filter(organization=org, title=title).exists():
        return None
    channels = [Channel(c) for c in row["channels"]]
    posting = {Channel.NOTICE_BOARD, Channel.INTRANET, Channel.WEBSITE} & set(channels)
    disclosure = actions.create_disclosure(
        organization=org,
        actor=actor,
        title=title,
        content=row["content"],
        kind=DisclosureKind(row["kind"]),
        requirement=_requirement(decided, row["item"]),
        decided_on=decided,
        channels=channels,
        posted_from=published if posting else None,
        posted_to=published + datetime.timedelta(days=44) if posting else None,
        item_count=row.get("item_count"),
    )
    disclosure = actions.publish_disclosure(disclosure, actor=actor, published_on=published)
    recipients = list(disclosure.recipients.select_related("person").order_by("person_id"))
    for i, r in enumerate(recipients):
        if i < round(len(recipients) * row["ack"]):
            when = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9, 0)))
            actions.acknowledge(
                disclosure, actor=None, person=r.person, at=when + datetime.timedelta(hours=i % 30)
            )
    return disclosure


def _conference(org, actor, row):
    """A staff conference of the data tables, held and closed (unless that year's exists)."""
    year, held_on = row["year"], row["held_on"]
    existing = StaffConference.objects.filter(organization=org, year=year).first()
    if existing:
        return existing
    conference = actions.create_conference(
        organization=org,
        actor=actor,
        year=year,
        held_on=held_on,
        place=f"Hội trường {org.name}",
        chair=row["chair"],
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
    present = [a.person for a in attendees[: round(len(attendees) * row["present"])]]
    for person in present:
        actions.check_in(conference, actor=actor, person=person)
    n = len(present)
    for text in row["resolutions"]:
        actions.record_resolution(conference, actor=actor, text=text, votes_for=n - 1, abstentions=1)
    if row.get("board"):
        eligible = [p for p in present if actions.board_ineligible(conference, p) is None][:3]
        roles = [BoardRole.HEAD, BoardRole.DEPUTY, BoardRole.MEMBER]
        actions.elect_board(
            conference, actor=actor, members=[(p, r, n - 2) for p, r in zip(eligible, roles, strict=False)]
        )
    actions.close_conference(conference, actor=actor)
    return conference


def _consultation(org, clerk, row, staff):
    """A consultation of the data tables with the staff's comments and its published summary
    (unless it exists, or before the day after its publication)."""
    today = timezone.localdate()
    if (
        row["published_on"] >= today
        or Consultation.objects.filter(organization=org, title=row["title"]).exists()
    ):
        return
    consultation = actions.create_consultation(
        organization=org,
        actor=clerk,
        title=row["title"],
        topic=Requirement.objects.get(
            framework=framework_for(row["topic_on"]), area="consultation", code=row["topic"]
        ),
        description=row["description"],
        opens_on=row["opens_on"],
        closes_on=row["closes_on"],
        sections=[tuple(section) for section in row["sections"]],
    )
    sections, remarks = list(consultation.sections.all()), row["remarks"]
    for i, person in enumerate(staff):
        day = row["comments_from"] + datetime.timedelta(days=i % row["comment_days"])
        body = remarks[i % len(remarks)]
        actions.add_comment(
            consultation,
            actor=None,
            person=person,
            body=body,
            section=None if body == "Thống nhất với dự thảo." else sections[i % 3],
            today=day,
            at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(row["comment_hour"], i))),
        )
    result = actions.publish_consultation_summary(
        consultation,
        actor=clerk,
        summary=row["summary"].format(n=len(staff)),
        uptake=row["uptake"],
        channels=[Channel.INTRANET, Channel.CONFERENCE],
        published_on=row["published_on"],
        today=row["published_on"],
    )
    if row.get("read"):
        read_at = timezone.make_aware(datetime.datetime.combine(row["published_on"], datetime.time(14, 0)))
        for i, r in enumerate(result.recipients.select_related("person").order_by("person_id")):
            if i % 10 != 9:  # nine in ten read the result
                actions.acknowledge(
                    result, actor=None, person=r.person, at=read_at + datetime.timedelta(hours=i)
                )


def _recommend(head, answer, answered_on, **fields):
    """A recommendation to the head, registered and answered: the year's first from the board or
    from staff (`from_board`), once its answer's day has come."""
    if (
        answered_on > timezone.localdate()
        or Recommendation.objects.filter(
            organization=fields["organization"],
            from_board=fields.get("from_board", False),
            received_on__year=fields["received_on"].year,
        ).exists()
    ):
        return
    rec = actions.send_recommendation(addressee="head", **fields)
    actions.answer_recommendation(rec, actor=head, answer=answer, answered_on=answered_on)


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
def _vl_skhcn_2026(ctx):
    """The year of the successor body: what it disclosed, consulted, decided and supervised in 2026.

    Records are at fixed 2026 dates; one is only created once its date has come (the demo runs on
    the day it is run), and each is looked up by its title first, so loading twice changes nothing."""
    org, users = ctx.orgs["VL.SKHCN"], ctx.users
    clerk, head = users["stttt.vanthu"], users["stttt.giamdoc"]
    today = timezone.localdate()

    for row in _data("disclosures")["vl_skhcn_2026"]:
        if row["published"] <= today:
            _disclose(org, clerk, row)

    # The internal spending regulation, consulted before the conference (Law 2022 Art. 53).
    staff = list(Person.objects.filter(memberships__organization=org).order_by("pk").distinct()[:14])
    _consultation(org, clerk, _data("consultations")["vl_skhcn_2026"][0], staff)

    # The annual staff conference, in the first quarter (Nghị định 59/2023/NĐ-CP), the first of the
    # merged department: it elects the people's inspection board.
    (row,) = _data("conferences")["vl_skhcn_2026"]
    conference = StaffConference.objects.filter(organization=org, year=row["year"]).first()
    if conference is None and row["held_on"] <= today:
        conference = _conference(org, clerk, row)
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
    if board:
        _recommend(
            head,
            organization=org,
            actor=clerk,
            person=board.person,
            from_board=True,
            subject="Kiến nghị công khai tiến độ giải ngân kinh phí nhiệm vụ khoa học và công nghệ",
            body="Ban Thanh tra nhân dân đề nghị công khai trên hệ thống thông tin nội bộ tiến độ giải ngân "
            "kinh phí các nhiệm vụ khoa học và công nghệ cấp tỉnh 5 tháng đầu năm.",
            received_on=D(2026, 5, 12),
            answer="Văn phòng Sở đã công khai tiến độ giải ngân trên hệ thống thông tin nội bộ ngày 19/5/2026 "
            "và sẽ cập nhật hằng quý.",
            answered_on=D(2026, 5, 20),
        )
    staff_person = Person.objects.filter(user=users["stttt.nhanvien"]).first()
    if staff_person:
        _recommend(
            head,
            organization=org,
            actor=users["stttt.nhanvien"],
            person=staff_person,
            subject="Đề nghị bố trí lại phòng làm việc sau hợp nhất",
            body="Đề nghị bố trí lại phòng làm việc của các phòng chuyên môn để thuận tiện phối hợp công việc.",
            received_on=D(2026, 9, 8),
            answer="Văn phòng Sở đã bố trí lại phòng làm việc tại tầng 2 và tầng 3 từ ngày 15/9/2026.",
            answered_on=D(2026, 9, 18),
        )


def load(ctx):
    orgs, users = ctx.orgs, ctx.users
    clerk = users["stttt.vanthu"]
    sttt = orgs["TV.STTTT"]

    disclosures = _data("disclosures")
    for row in disclosures["stttt_2020"]:
        _disclose(sttt, clerk, row)

    # The internal spending regulation, discussed before the conference.
    staff = list(Person.objects.filter(memberships__organization__path__startswith=sttt.path).distinct()[:12])
    _consultation(sttt, clerk, _data("consultations")["stttt_2020"][0], staff)

    conferences = _data("conferences")
    for row in conferences["stttt_2020"]:
        _conference(orgs[row["org"]], users[row["actor"]], row)

    board = actions.current_board(sttt, D(2020, 6, 1)).select_related("person__user").first()
    if board:
        # The board's written recommendation, registered by the clerk.
        _recommend(
            users["stttt.giamdoc"],
            organization=sttt,
            actor=clerk,
            person=board.person,
            from_board=True,
            subject="Kiến nghị công khai chi tiết quyết toán kinh phí hội nghị",
            body="Ban Thanh tra nhân dân đề nghị công khai chi tiết các khoản chi hội nghị quý II.",
            received_on=D(2020, 7, 6),
            answer="Văn phòng Sở đã công khai chi tiết trên mạng nội bộ ngày 15/7/2020.",
            answered_on=D(2020, 7, 16),
        )

    for row in conferences["others_2020"]:
        org, actor = orgs[row["org"]], users[row["actor"]]
        for disclosure in disclosures["others_2020"]:
            if disclosure["org"] == row["org"]:
                _disclose(org, actor, disclosure)
        _conference(org, actor, row)

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
