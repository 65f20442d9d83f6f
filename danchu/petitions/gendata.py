"""Synthetic letters and their lifecycles for `danchu gen-data` (danchu.core.gendata calls `generate`)."""

import datetime

from danchu.core import numbering
from danchu.core.gendata import PLACES

PETITION_TOPICS = {
    "complaint": [
        "Khiếu nại quyết định thu hồi đất tại {place}",
        "Khiếu nại việc bồi thường, hỗ trợ tái định cư tại {place}",
        "Khiếu nại quyết định xử phạt vi phạm hành chính",
        "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất tại {place}",
        "Khiếu nại quyết định kỷ luật viên chức",
    ],
    "denunciation": [
        "Tố cáo cán bộ gây khó khăn khi giải quyết hồ sơ tại {place}",
        "Tố cáo hành vi lấn chiếm đất công tại {place}",
        "Tố cáo sai phạm trong quản lý quỹ tại {place}",
        "Tố cáo hành vi nhũng nhiễu của công chức",
    ],
    "feedback": [
        "Phản ánh chất lượng sóng di động yếu tại {place}",
        "Kiến nghị sửa chữa tuyến đường hư hỏng tại {place}",
        "Phản ánh tiếng ồn của cơ sở kinh doanh tại {place}",
        "Kiến nghị niêm yết công khai thủ tục hành chính",
        "Phản ánh thông tin sai sự thật trên mạng xã hội",
        "Kiến nghị hỗ trợ hộ nghèo tại {place}",
    ],
}

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def petitions(gen, agencies, per_agency):
    from danchu.petitions.actions.shared import REFERENCE_PREFIX
    from danchu.petitions.models import Kind, Outcome, Petition, Status

    r = gen.rng
    rows = []
    as_of = min(gen.end, gen.today)
    prev_start = gen.start - datetime.timedelta(days=120)
    for org in agencies:
        seq = {}
        for _i in range(per_agency):
            kind = r.choices(["complaint", "denunciation", "feedback"], weights=[30, 15, 55])[0]
            # One letter in ten was received before the period and carried over.
            received = gen.day(prev_start, gen.start) if r.random() < 0.1 else gen.day()
            seq[received.year] = seq.get(received.year, 0) + 1
            channel = r.choices(
                ["web", "paper", "reception", "phone", "email", "transferred"],
                weights=[25, 35, 20, 5, 5, 10],
            )[0]
            place = r.choice(PLACES)
            p = Petition(
                uuid=gen.uuid(),
                organization=org,
                reference=f"{REFERENCE_PREFIX}-{received.year}-{seq[received.year]:04d}",
                tracking_code="".join(r.choice(CODE_ALPHABET) for _ in range(12)),
                kind=kind,
                channel=channel,
                received_on=received,
                subject=r.choice(PETITION_TOPICS[kind]).format(place=place),
                content=f"Ông (bà) {gen.person()}, cư trú tại {place}, trình bày sự việc và đề nghị xem xét.",
                is_anonymous=kind == Kind.DENUNCIATION and r.random() < 0.2,
                transferred_from="UBND huyện chuyển đến" if channel == "transferred" else "",
                accept_due=gen.plus(received, 10, 10),
                created_at=gen.moment(received),
            )
            p.fill_search_text()  # bulk_create does not call save()
            classified = gen.plus(received, 1, 9)
            if classified > gen.today:
                p.status, p.next_due = Status.RECEIVED, p.accept_due
                rows.append(p)
                continue
            p.classified_on = classified
            outcome = r.choices(
                [Outcome.ACCEPT, Outcome.FILE, Outcome.TRANSFER, Outcome.GUIDANCE],
                weights=[55, 15, 15, 15],
            )[0]
            p.outcome = outcome
            if outcome != Outcome.ACCEPT:
                p.is_eligible = False
                p.status = {
                    Outcome.FILE: Status.NOT_ELIGIBLE,
                    Outcome.TRANSFER: Status.TRANSFERRED,
                    Outcome.GUIDANCE: Status.GUIDANCE_SENT,
                }[outcome]
                p.eligibility_reason = "Không thuộc thẩm quyền hoặc không đủ điều kiện thụ lý."
                p.transferred_to = "UBND huyện" if outcome == Outcome.TRANSFER else ""
                p.finished_on = classified
                p.closed_at = gen.moment(classified)
                rows.append(p)
                continue
            p.is_eligible = True
            p.accepted_on = classified
            days = {"complaint": 30, "denunciation": 30, "feedback": 15}[kind]
            if kind == Kind.FEEDBACK:
                p.handler_due = gen.plus(classified, days, days)
            else:
                p.resolve_due = gen.plus(classified, days, days + 14)
            due = p.resolve_due or p.handler_due
            answered = gen.plus(classified, 5, days + 25)
            if answered <= as_of and r.random() < 0.9:
                p.status = Status.RESOLVED
                p.resolved_on = answered
                p.resolved_on_time = answered <= due
                p.finished_on = answered
                p.closed_at = gen.moment(answered)
                p.public_answer = "Cơ quan đã xem xét và trả lời bằng văn bản."
            else:
                p.status = Status.ACCEPTED
                p.next_due = due
            rows.append(p)
        # The references were given here, not by numbering.allocate: the org's sequences must
        # follow them, or the first letter registered in danchu would be numbered 0001 again.
        for year, issued in seq.items():
            numbering.raise_to(org, numbering.PETITION, year, issued)
        if len(rows) >= gen.batch:
            gen._bulk(Petition, rows)
            rows = []
    gen._bulk(Petition, rows)


def generate(gen, world):
    """This register's rows of the synthetic province (called by danchu.core.gendata)."""
    petitions(gen, world.agencies, world.shape.letters)
