"""Demo petitions, built through the action functions.

2020, Sở TT-TT Trà Vinh (TV.STTTT): the seed's 15 letters — 3 complaints (2 answered in
writing, 1 still being resolved at the end of the year), 2 denunciations (1 not eligible, 1
being handled), 10 feedback letters about false information posted on Facebook (4 answered, 6
not eligible) — plus one duplicate letter that is linked and not counted, and the year's
citizen reception sessions. The two cases still open at the end of 2020 are resolved in January
2021, within their deadlines, so the 2020 resolution rate is 100% by the definition in stats.py.

2026, Sở KH-CN Vĩnh Long (VL.SKHCN, the successor body): the year's letters at fixed dates from
January to early November 2026 — 4 complaints (3 answered, 1 not eligible), 3 denunciations (2
with a conclusion, 1 anonymous and not eligible), 9 feedback letters (6 answered, 3 not eligible),
all resolved within their deadlines — and the monthly citizen reception sessions; plus live cases
for the demo handler stttt.xuly, some due soon and one overdue (placed relative to today, so the
deadlines are live whenever the demo is loaded). A fixed-date record is only created once its
last date has come.

The tables (senders, topics, the 2026 letters, reception sessions) are in data/y2020.toml and
data/y2026.toml. Names, addresses and texts are invented.
"""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from danchu.documents.demo import ensure_document
from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Direction, Document

from .. import actions
from ..models import Channel, Kind, Outcome, Petition, ReceptionSession, SenderType

D = datetime.date
DATA = Path(__file__).parent / "data"


def _data(name):
    """A table of demo records from data/NAME.toml (see its header for the fields)."""
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def _doc(org, number, issued_on, subject, signer="Nguyễn Văn Nậy"):
    doc, _created = Document.objects.get_or_create(
        organization=org,
        direction=Direction.ISSUED,
        kind=DocumentKind.CV,
        number=str(number),
        symbol=f"{org.short_name}-TTra",
        issued_on=issued_on,
        defaults={"issuer_org": org, "issuer_name": org.name, "subject": subject, "signer_name": signer},
    )
    return doc


def _identity(senders, i):
    """The sender's identity: the senders of a data table are given in turn."""
    return dict(senders[i % len(senders)])


def _receptions(org, head, rows, official_name, official, today):
    """The citizen reception sessions of a data table not yet recorded whose day has come, each
    with the letter it gave rise to (by subject)."""
    held = set(
        ReceptionSession.objects.filter(organization=org, held_on__year=rows[0]["held_on"].year).values_list(
            "held_on", flat=True
        )
    )
    by_subject = {
        p.subject: p
        for p in Petition.objects.filter(organization=org, received_on__year=rows[0]["held_on"].year)
    }
    for row in rows:
        if row["held_on"] > today or row["held_on"] in held:
            continue
        linked = by_subject.get(row.get("letter"))
        actions.record_reception(
            org,
            actor=head,
            held_on=row["held_on"],
            official_name=official_name,
            official=official,
            visits=row["visits"],
            people=row["people"],
            matters=row["matters"],
            answered_on_the_spot=row["answered_on_the_spot"],
            letters=[linked] if linked else [],
        )


def load(ctx):
    orgs, users = ctx["orgs"], ctx["users"]
    load_2020(orgs["TV.STTTT"], users)
    load_2026_year(orgs["VL.SKHCN"], users)
    load_2026(orgs["VL.SKHCN"], users)


def _register(org, clerk, senders, row, **kw):
    """Register a letter of the data tables (`sender`: an index in `senders`; none: anonymous)."""
    sender = row.get("sender")
    return actions.register(
        org,
        actor=clerk,
        kind=Kind(row["kind"]),
        channel=Channel(row["channel"]),
        received_on=row["received"],
        subject=row["subject"],
        content=row["content"],
        is_anonymous=sender is None,
        identity=None if sender is None else _identity(senders, sender),
        **kw,
    )


def _last_day(row):
    """The last day a letter of the data tables is handled on (it is created once it has come)."""
    return row.get("closed") or row.get("answered") or row.get("accepted") or row["classified"]


def _handle(p, row, clerk, handler, document):
    """What became of a letter of the data tables: filed (`reason`), or accepted, then verified,
    answered in writing (`document(number, day, subject)` gives the answer) and closed as far as
    its dates go."""
    if "reason" in row:
        actions.classify(p, actor=clerk, outcome=Outcome.FILE, on=row["classified"], reason=row["reason"])
        return
    actions.classify(p, actor=clerk, outcome=Outcome.ACCEPT, on=row["classified"])
    actions.assign(p, actor=clerk, handler=handler, on=row["classified"])
    actions.accept(p, actor=handler, on=row["accepted"], answer_due=row.get("answer_due"))
    if "verified" in row:
        actions.record_verification(p, actor=handler, on=row["verified"], note=row["verification"])
    if "answered" in row:
        _answer(p, handler, row["answered"], row, document)
    if "closed" in row:
        actions.close(p, actor=handler, on=row["closed"])


def _answer(p, handler, on, row, document):
    subject = row.get("answer_subject") or f"V/v trả lời đơn: {p.subject}"
    actions.answer(
        p, actor=handler, on=on, document=document(row["number"], on, subject), public_answer=row["answer"]
    )


def load_2020(org, users):
    if Petition.objects.filter(organization=org, received_on__year=2020).exists():
        return
    clerk, handler, head = users["stttt.vanthu"], users["stttt.xuly"], users["stttt.giamdoc"]
    data = _data("y2020")
    topics, senders = data["facebook_topics"], data["senders"]

    def document(number, day, subject):
        return _doc(org, number, day, subject)

    # Complaints: two answered in writing, one still being resolved at the end of 2020.
    # Denunciations: one not eligible, one being handled at the end of 2020.
    for row in data["letters"]:
        _handle(_register(org, clerk, senders, row), row, clerk, handler, document)

    # Feedback about false information on Facebook: 4 answered, 6 not eligible.
    months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]
    channels = [Channel.EMAIL, Channel.WEB, Channel.PAPER, Channel.PHONE]
    for n, (topic, month) in enumerate(zip(topics, months, strict=True)):
        received = D(2020, month, 5 + n)
        accepted = received + datetime.timedelta(days=4)
        row = {
            "kind": Kind.FEEDBACK,
            "received": received,
            "channel": channels[n % 4],
            "sender": n + 4,
            "subject": topic,
            "content": "Người dân phản ánh thông tin không đúng sự thật đăng trên mạng xã hội Facebook và đề nghị "
            "Sở xử lý.",
        }
        if n < 4:
            row |= {
                "classified": received + datetime.timedelta(days=2),
                "accepted": accepted,
                "answer_due": accepted + datetime.timedelta(days=20),
                "answered": accepted + datetime.timedelta(days=12),
                "number": 300 + 40 * n,
                "answer_subject": f"V/v trả lời phản ánh: {topic}",
                "answer": "Sở đã phối hợp Công an tỉnh xác minh, yêu cầu gỡ bỏ thông tin sai sự thật và xử lý "
                "theo quy định.",
            }
        else:
            row |= {
                "classified": received + datetime.timedelta(days=3),
                "reason": "Không đủ thông tin để xác định tài khoản, đường dẫn bài viết; đơn lưu theo quy định.",
            }
        _handle(_register(org, clerk, senders, row), row, clerk, handler, document)

    # A second copy of a letter already received: linked, not counted again.
    dup = _register(
        org,
        clerk,
        senders,
        {
            "kind": Kind.FEEDBACK,
            "received": D(2020, 1, 20),
            "channel": Channel.PAPER,
            "sender": 4,
            "subject": topics[0],
            "content": "Gửi lại lần hai cùng nội dung phản ánh đã gửi qua thư điện tử.",
        },
    )
    original = Petition.objects.get(
        organization=org, subject=topics[0], duplicate_of__isnull=True, received_on=D(2020, 1, 5)
    )
    actions.link_duplicate(dup, actor=clerk, original=original, on=D(2020, 1, 21))

    # Citizen reception sessions of 2020 (the letters arising from them are linked).
    _receptions(
        org,
        head,
        data["receptions"],
        "Nguyễn Văn Nậy, Phó Giám đốc",
        users["stttt.pgd"],
        timezone.localdate(),
    )
    actions.publish_schedule(
        org,
        actor=head,
        text="Lãnh đạo Sở tiếp công dân định kỳ vào sáng thứ Năm của tuần thứ hai và tuần thứ tư mỗi tháng; "
        "Thanh tra Sở tiếp công dân thường xuyên trong giờ hành chính các ngày làm việc.",
        place="Phòng tiếp công dân, Sở Thông tin và Truyền thông, số 1 Lê Thánh Tôn, TP. Trà Vinh",
    )

    # Early 2021: the two cases open at the end of 2020 are resolved within their deadlines.
    for row in data["answers_2021"]:
        p = Petition.objects.get(organization=org, subject=row["letter"])
        _answer(p, handler, p.resolve_due if row.get("on_due") else row["answered"], row, document)


def _answer_letter(org, number, issued_on, subject):
    """The agency's written answer, entered in its register of outgoing documents."""
    return ensure_document(
        org, DocumentKind.CV, str(number), f"{org.short_name}-TTra", False, issued_on, org, org.name, subject
    )


def load_2026_year(org, users):
    """The year's letters of Sở KH-CN Vĩnh Long at fixed dates; each only once its last date has come."""
    today = timezone.localdate()
    clerk, handler, head = users["stttt.vanthu"], users["stttt.xuly"], users["stttt.giamdoc"]
    data = _data("y2026")
    done = set(
        Petition.objects.filter(organization=org, received_on__year=2026).values_list("subject", flat=True)
    )

    def document(number, day, subject):
        return _answer_letter(org, number, day, subject)

    feedback = []
    for n, row in enumerate(data["feedback"]):
        received = row["received"]
        classified, accepted = received + datetime.timedelta(days=2), received + datetime.timedelta(days=4)
        row = row | {
            "kind": Kind.FEEDBACK,
            "sender": n,
            "content": "Người dân phản ánh, kiến nghị và đề nghị Sở xem xét, xử lý theo thẩm quyền.",
            "classified": classified,
        }
        if "number" in row:
            answered = accepted + datetime.timedelta(days=10 + n % 5)
            row |= {
                "accepted": accepted,
                "answer_due": accepted + datetime.timedelta(days=20),
                "answered": answered,
                "answer": "Sở đã xác minh, xử lý theo thẩm quyền và thông tin kết quả đến người phản ánh.",
                "closed": answered + datetime.timedelta(days=3),
            }
        else:
            row["reason"] = (
                "Không đủ thông tin để xác minh (không có số điện thoại, đường dẫn hoặc địa điểm cụ thể); lưu đơn."
            )
        feedback.append(row)

    for row in data["letters"] + feedback:
        if row["subject"] not in done and _last_day(row) <= today:
            _handle(_register(org, clerk, data["senders"], row), row, clerk, handler, document)

    _receptions(org, head, data["receptions"], f"{head.get_full_name()}, Lãnh đạo Sở", head, today)


def load_2026(org, users):
    if Petition.objects.filter(
        organization=org, subject="Tố cáo việc sử dụng xe công vào việc riêng"
    ).exists():
        return
    clerk, handler = users["stttt.vanthu"], users["stttt.xuly"]
    senders = _data("y2020")["senders"]
    today = timezone.localdate()
    # Dates are placed relative to today so the deadlines are live whenever the demo is loaded.
    from danchu.legal import calendar as workcal

    def back(n):
        return today - datetime.timedelta(days=n)

    def new(kind, received, subject, content, i=0, **kw):
        return actions.register(
            org,
            actor=clerk,
            kind=kind,
            channel=kw.pop("channel", Channel.WEB),
            received_on=received,
            subject=subject,
            content=content,
            identity=None if kw.get("is_anonymous") else _identity(senders, i),
            **kw,
        )

    def to_handler(p, on):
        actions.classify(p, actor=clerk, outcome=Outcome.ACCEPT, on=on)
        return actions.assign(p, actor=clerk, handler=handler, on=on)

    # 1. A complaint waiting for acceptance, due within 3 working days (7 working days from 01/07/2026).
    received = today
    while workcal.add_working_days(received, 7) > workcal.add_working_days(today, 2):
        received -= datetime.timedelta(days=1)
    p1 = new(
        Kind.COMPLAINT,
        received,
        "Khiếu nại việc từ chối cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
        "Tổ chức khiếu nại văn bản từ chối cấp giấy chứng nhận vì cho rằng hồ sơ đã đầy đủ.",
        i=0,
    )
    to_handler(p1, received)

    # 2. A denunciation accepted 31 days ago: its 30-day resolution period has run out (overdue).
    accepted = back(31)
    while workcal.add_calendar_days(accepted, 30) >= today:
        accepted -= datetime.timedelta(days=1)
    p2 = new(
        Kind.DENUNCIATION,
        accepted - datetime.timedelta(days=6),
        "Tố cáo cán bộ thẩm định hồ sơ đòi hỏi chi phí ngoài quy định",
        "Người tố cáo nêu cụ thể thời gian, địa điểm và số tiền bị đòi khi nộp hồ sơ.",
        i=3,
        channel=Channel.PAPER,
    )
    to_handler(p2, accepted - datetime.timedelta(days=2))
    actions.accept(p2, actor=handler, on=accepted)

    # 3. A complaint accepted so that its 30 days end within the next 3 working days (due soon).
    soon = workcal.add_working_days(today, 2)
    accepted3 = soon - datetime.timedelta(days=30)
    p3 = new(
        Kind.COMPLAINT,
        accepted3 - datetime.timedelta(days=5),
        "Khiếu nại quyết định xử phạt về đo lường tại cửa hàng xăng dầu",
        "Cửa hàng khiếu nại vì cho rằng thiết bị đo đã được kiểm định còn hiệu lực.",
        i=1,
    )
    to_handler(p3, accepted3 - datetime.timedelta(days=3))
    actions.accept(p3, actor=handler, on=accepted3)
    actions.record_verification(
        p3,
        actor=handler,
        on=accepted3 + datetime.timedelta(days=7),
        note="Kiểm tra hồ sơ kiểm định cột đo xăng dầu.",
    )

    # 4. Feedback with an answer date set by the handler, three weeks ahead.
    p4 = new(
        Kind.FEEDBACK,
        back(10),
        "Kiến nghị công khai danh mục nhiệm vụ khoa học cấp tỉnh năm 2027",
        "Đề nghị Sở công khai sớm danh mục để các tổ chức chuẩn bị hồ sơ.",
        i=4,
        channel=Channel.EMAIL,
    )
    to_handler(p4, back(8))
    actions.accept(p4, actor=handler, on=back(7), answer_due=today + datetime.timedelta(days=21))

    # 5. A staff complaint about a disciplinary decision, accepted, then suspended while an
    #    opinion is awaited from the Department of Home Affairs.
    p5 = new(
        Kind.COMPLAINT,
        back(40),
        "Khiếu nại quyết định kỷ luật khiển trách",
        "Viên chức khiếu nại quyết định kỷ luật vì cho rằng chưa được giải trình.",
        i=5,
        sender_type=SenderType.STAFF,
        channel=Channel.PAPER,
    )
    to_handler(p5, back(38))
    actions.accept(p5, actor=handler, on=back(35))
    actions.suspend(
        p5, actor=handler, on=back(12), reason="Chờ ý kiến của Sở Nội vụ về thẩm quyền xử lý kỷ luật."
    )

    # 6. An anonymous denunciation just received, for the clerk to classify.
    new(
        Kind.DENUNCIATION,
        back(1),
        "Tố cáo việc sử dụng xe công vào việc riêng",
        "Thư không ký tên, nêu biển số xe và ngày giờ xe được dùng vào việc riêng.",
        is_anonymous=True,
        channel=Channel.WEB,
    )
    actions.publish_schedule(
        org,
        actor=users["stttt.giamdoc"],
        text="Giám đốc Sở tiếp công dân định kỳ vào ngày 15 hằng tháng (nếu trùng ngày nghỉ thì vào ngày làm việc kế tiếp); "
        "Văn phòng Sở tiếp công dân thường xuyên trong giờ hành chính.",
        place="Trụ sở Sở Khoa học và Công nghệ tỉnh Vĩnh Long",
    )
    # Raise today's reminders so the handler's home page shows them (the cron job does this daily).
    from ..reminders import raise_reminders

    raise_reminders()
