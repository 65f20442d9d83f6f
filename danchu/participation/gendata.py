"""Synthetic disclosures and their channels for `danchu gen-data` (danchu.core.gendata calls `generate`)."""

import datetime

DISCLOSURE_TITLES = [
    "Công khai dự toán ngân sách năm {year}",
    "Công khai kế hoạch tuyển dụng, nâng ngạch công chức",
    "Công khai kết quả thi đua, khen thưởng năm {year}",
    "Quán triệt nghị quyết của cấp ủy về phòng, chống tham nhũng",
    "Niêm yết quy tắc ứng xử của cán bộ, công chức",
    "Công khai quyết toán kinh phí năm {year}",
    "Công khai kế hoạch mua sắm tài sản công",
]


def disclosures(gen, agencies, per_agency, framework):
    from danchu.legal.models import Requirement
    from danchu.participation.models import (
        Channel,
        Disclosure,
        DisclosureChannel,
        DisclosureKind,
        DisclosureStatus,
    )

    r = gen.rng
    requirements = list(Requirement.objects.filter(framework=framework, area="disclosure").order_by("order"))
    if not requirements:
        raise ValueError("Chưa có danh mục nội dung phải công khai (chạy danchu migrate).")
    rows, channels = [], []
    for org in agencies:
        for i in range(per_agency):
            kind = r.choices(
                [DisclosureKind.DISCLOSURE, DisclosureKind.POSTING, DisclosureKind.DISSEMINATION],
                weights=[80, 10, 10],
            )[0]
            decided = gen.day(gen.start, gen.end - datetime.timedelta(days=10))
            published = gen.plus(decided, 0, 6)
            d = Disclosure(
                uuid=gen.uuid(),
                reference=f"CK-{gen.year}-{i + 1:04d}",
                organization=org,
                kind=kind,
                title=r.choice(DISCLOSURE_TITLES).format(year=gen.year),
                framework=framework,
                requirement=r.choice(requirements),
                decided_on=decided,
                published_on=published,
                due_on=gen.plus(decided, 5, 5),
                status=DisclosureStatus.PUBLISHED,
            )
            if kind == DisclosureKind.POSTING:
                d.posted_from, d.posted_to, d.item_count = (
                    published,
                    gen.plus(published, 30, 90),
                    r.randint(5, 80),
                )
            rows.append(d)
        if len(rows) >= gen.batch:
            gen._bulk(Disclosure, rows)
            channels += _channels(gen, rows, Channel, DisclosureChannel)
            rows = []
    gen._bulk(Disclosure, rows)
    channels += _channels(gen, rows, Channel, DisclosureChannel)
    gen._bulk(DisclosureChannel, channels)


def _channels(gen, disclosures, Channel, DisclosureChannel):
    out = []
    for d in disclosures:
        picked = gen.rng.sample(
            [Channel.NOTICE_BOARD, Channel.INTRANET, Channel.WEBSITE, Channel.CONFERENCE],
            gen.rng.randint(1, 2),
        )
        if d.kind == "posting" and Channel.NOTICE_BOARD not in picked:
            picked.append(Channel.NOTICE_BOARD)
        out += [DisclosureChannel(disclosure=d, channel=c) for c in picked]
    return out


def generate(gen, world):
    """This register's rows of the synthetic province (called by danchu.core.gendata)."""
    disclosures(gen, world.agencies, world.shape.disclosures, world.period.framework)
