"""Synthetic data at scale for tests and benchmarks (`danchu gen-data`).

Realistic enough for every statistics function and list page: Vietnamese names and subjects, a
province with its agencies, letters that go through plausible lifecycles (classified, accepted,
resolved on time or late, filed, transferred, still in progress), documents, disclosures with
their channels, inspections with subjects, violations and fines, and a report request the agencies
answered with frozen figures. Deterministic for a seed (uuids and tracking codes included). Rows
are written with bulk_create, never through the actions: generated data carries no audit trail.
"""

import datetime
import random
import uuid
from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

SURNAMES = (
    "Nguyễn Trần Lê Phạm Huỳnh Hoàng Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thạch Kim Sơn Trịnh".split()
)
MIDDLE = "Văn Thị Minh Thanh Ngọc Hữu Đức Thu Kim Quốc Hoài Bảo Gia Xuân".split()
GIVEN = (
    "An Bình Cường Dũng Hà Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Nga Ngân "
    "Nhung Phong Phúc Phương Quang Quân Sang Sơn Tâm Thảo Thắng Thủy Trang Trung Tuấn Vân Vinh Yến"
).split()
PLACES = [
    "phường 1, TP Trà Vinh",
    "xã Long Đức",
    "thị trấn Càng Long",
    "xã Hiếu Tử, huyện Tiểu Cần",
    "xã Đôn Châu, huyện Trà Cú",
    "thị trấn Cầu Ngang",
    "xã Long Hữu, thị xã Duyên Hải",
    "xã Phước Hảo, huyện Châu Thành",
]
AGENCY_NAMES = [
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("Sở Nội vụ", "SNV"),
    ("Sở Tài chính", "STC"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Tư pháp", "STP"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Y tế", "SYT"),
    ("Sở Tài nguyên và Môi trường", "STNMT"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Giao thông vận tải", "SGTVT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"),
    ("Sở Công Thương", "SCT"),
    ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Thanh tra tỉnh", "TTr"),
]
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
DOCUMENT_SUBJECTS = [
    "Kế hoạch thực hiện dân chủ ở cơ sở năm {year}",
    "Quyết định kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở",
    "Hướng dẫn công khai thông tin tại cơ quan năm {year}",
    "Kế hoạch tổ chức hội nghị cán bộ, công chức, viên chức năm {year}",
    "Quy chế dân chủ trong hoạt động của cơ quan",
    "Kế hoạch tuyên truyền cải cách hành chính năm {year}",
    "Báo cáo kết quả công tác tiếp công dân quý",
    "Công văn về việc góp ý dự thảo văn bản",
    "Thông báo lịch tiếp công dân của lãnh đạo",
    "Kế hoạch kiểm tra chuyên ngành năm {year}",
]
DISCLOSURE_TITLES = [
    "Công khai dự toán ngân sách năm {year}",
    "Công khai kế hoạch tuyển dụng, nâng ngạch công chức",
    "Công khai kết quả thi đua, khen thưởng năm {year}",
    "Quán triệt nghị quyết của cấp ủy về phòng, chống tham nhũng",
    "Niêm yết quy tắc ứng xử của cán bộ, công chức",
    "Công khai quyết toán kinh phí năm {year}",
    "Công khai kế hoạch mua sắm tài sản công",
]
INSPECTION_SUBJECTS = [
    "Kiểm tra việc chấp hành quy định về thuê bao di động trả trước",
    "Thanh tra hoạt động in, xuất bản, phát hành",
    "Kiểm tra điểm cung cấp trò chơi điện tử công cộng",
    "Thanh tra việc quản lý, sử dụng tài chính, tài sản",
    "Kiểm tra hoạt động quảng cáo ngoài trời",
    "Kiểm tra chất lượng dịch vụ viễn thông",
]
BUSINESSES = [
    "Cửa hàng điện thoại {name}",
    "Cơ sở in {name}",
    "Đại lý Internet {name}",
    "Công ty TNHH {name}",
    "Điểm kinh doanh trò chơi {name}",
]
PARTNERS = ["Công an tỉnh", "Sở Công Thương", "Cục Quản lý thị trường", "Sở Văn hóa, Thể thao và Du lịch"]
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class Shape:
    agencies: int
    letters: int  # per agency
    documents: int
    disclosures: int
    inspections: int

    def scaled(self, factor):
        return replace(
            self,
            letters=round(self.letters * factor),
            documents=round(self.documents * factor),
            disclosures=round(self.disclosures * factor),
            inspections=round(self.inspections * factor),
        )

    @property
    def total_letters(self):
        return self.agencies * self.letters


PRESETS = {
    "small": Shape(agencies=10, letters=100, documents=20, disclosures=10, inspections=5),
    "province": Shape(agencies=100, letters=1000, documents=500, disclosures=200, inspections=50),
    "large": Shape(agencies=1000, letters=1000, documents=50, disclosures=20, inspections=5),
}


@dataclass
class Generated:
    root: object
    agencies: list
    period: object
    request: object
    counts: dict


class Generator:
    def __init__(self, seed=1, year=2025, prefix="GEN", batch_size=5000):
        self.rng = random.Random(f"{seed}:{prefix}")  # two provinces in one database never collide
        self.year = year
        self.prefix = prefix
        self.batch = batch_size
        self.start = datetime.date(year - 1, 12, 15)
        self.end = datetime.date(year, 12, 14)
        self.today = timezone.localdate()
        self.counts = {}

    # Small helpers, all drawing on the seeded generator.

    def uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def person(self):
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def day(self, start=None, end=None):
        start, end = start or self.start, end or self.end
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days + 1))

    def plus(self, day, low, high):
        return day + datetime.timedelta(days=self.rng.randint(low, high))

    def moment(self, day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + self.rng.randrange(9))))

    def _bulk(self, model, rows):
        model.objects.bulk_create(rows, batch_size=self.batch)
        key = model._meta.label
        self.counts[key] = self.counts.get(key, 0) + len(rows)
        return rows

    # The organisation tree, the period, the users.

    def organizations(self, n):
        from danchu.orgs.models import Organization, OrganizationKind

        if Organization.objects.filter(code=self.prefix).exists():
            raise ValueError(f"Đã có dữ liệu sinh với mã “{self.prefix}”; dùng --prefix khác.")
        root = Organization(
            uuid=self.uuid(),
            code=self.prefix,
            name=f"UBND tỉnh mẫu {self.prefix}",
            short_name="UBND",
            kind=OrganizationKind.PROVINCE,
            place_name="Trà Vinh",
        )
        root.save()
        agencies = []
        for i in range(n):
            name, short = AGENCY_NAMES[i % len(AGENCY_NAMES)]
            suffix = f" {i // len(AGENCY_NAMES) + 1}" if i >= len(AGENCY_NAMES) else ""
            agencies.append(
                Organization(
                    uuid=self.uuid(),
                    code=f"{self.prefix}.A{i + 1:04d}",
                    name=f"{name}{suffix}",
                    short_name=f"{short}{suffix.strip()}",
                    kind=OrganizationKind.DEPARTMENT,
                    parent=root,
                    place_name="Trà Vinh",
                )
            )
        self._bulk(Organization, agencies)
        for org in agencies:
            org.path, org.depth = f"{root.path}{org.pk}/", 1
        Organization.objects.bulk_update(agencies, ["path", "depth"], batch_size=self.batch)
        units = [
            Organization(
                uuid=self.uuid(),
                code=f"{org.code}.VP",
                name=f"Văn phòng {org.name}",
                short_name="VP",
                kind=OrganizationKind.OFFICE,
                parent=org,
                staff_required_conference=False,
            )
            for org in agencies
        ]
        self._bulk(Organization, units)
        for unit, org in zip(units, agencies, strict=True):
            unit.path, unit.depth = f"{org.path}{unit.pk}/", 2
        Organization.objects.bulk_update(units, ["path", "depth"], batch_size=self.batch)
        return root, agencies

    def period(self):
        from danchu.orgs.models import ReportingPeriod

        period, _created = ReportingPeriod.objects.get_or_create(
            code=str(self.year),
            defaults={
                "name": f"Năm {self.year}",
                "year": self.year,
                "start": datetime.date(self.year, 1, 1),
                "end": datetime.date(self.year, 12, 31),
                "cutoff_start": self.start,
                "cutoff_end": self.end,
            },
        )
        return period

    def users(self, root, agencies, password):
        from danchu.orgs.models import Person, Role, RoleAssignment

        User = get_user_model()
        made = []
        for username, role, org in [
            (f"{self.prefix.lower()}.head", Role.AGENCY_HEAD, root),
            (f"{self.prefix.lower()}.officer", Role.PROVINCE_OFFICER, root),
            (f"{self.prefix.lower()}.clerk1", Role.CLERK, agencies[0]),
        ]:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(username=username, password=password, first_name=username)
                Person.objects.create(full_name=self.person(), user=user)
            RoleAssignment.objects.get_or_create(user=user, organization=org, role=role)
            made.append(user)
        return made

    # The registers.

    def petitions(self, agencies, per_agency):
        from danchu.petitions.models import Kind, Outcome, Petition, Status

        r = self.rng
        rows = []
        as_of = min(self.end, self.today)
        prev_start = self.start - datetime.timedelta(days=120)
        for org in agencies:
            seq = {}
            for _i in range(per_agency):
                kind = r.choices(["complaint", "denunciation", "feedback"], weights=[30, 15, 55])[0]
                # One letter in ten was received before the period and carried over.
                received = self.day(prev_start, self.start) if r.random() < 0.1 else self.day()
                seq[received.year] = seq.get(received.year, 0) + 1
                channel = r.choices(
                    ["web", "paper", "reception", "phone", "email", "transferred"],
                    weights=[25, 35, 20, 5, 5, 10],
                )[0]
                place = r.choice(PLACES)
                p = Petition(
                    uuid=self.uuid(),
                    organization=org,
                    reference=f"ĐT-{received.year}-{seq[received.year]:05d}",
                    tracking_code="".join(r.choice(CODE_ALPHABET) for _ in range(12)),
                    kind=kind,
                    channel=channel,
                    received_on=received,
                    subject=r.choice(PETITION_TOPICS[kind]).format(place=place),
                    content=f"Ông (bà) {self.person()}, cư trú tại {place}, trình bày sự việc và đề nghị xem xét.",
                    is_anonymous=kind == Kind.DENUNCIATION and r.random() < 0.2,
                    transferred_from="UBND huyện chuyển đến" if channel == "transferred" else "",
                    accept_due=self.plus(received, 10, 10),
                    created_at=self.moment(received),
                )
                classified = self.plus(received, 1, 9)
                if classified > self.today:
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
                    p.closed_at = self.moment(classified)
                    rows.append(p)
                    continue
                p.is_eligible = True
                p.accepted_on = classified
                days = {"complaint": 30, "denunciation": 30, "feedback": 15}[kind]
                if kind == Kind.FEEDBACK:
                    p.handler_due = self.plus(classified, days, days)
                else:
                    p.resolve_due = self.plus(classified, days, days + 14)
                due = p.resolve_due or p.handler_due
                answered = self.plus(classified, 5, days + 25)
                if answered <= as_of and r.random() < 0.9:
                    p.status = Status.RESOLVED
                    p.resolved_on = answered
                    p.resolved_on_time = answered <= due
                    p.finished_on = answered
                    p.closed_at = self.moment(answered)
                    p.public_answer = "Cơ quan đã xem xét và trả lời bằng văn bản."
                else:
                    p.status = Status.ACCEPTED
                    p.next_due = due
                rows.append(p)
            if len(rows) >= self.batch:
                self._bulk(Petition, rows)
                rows = []
        self._bulk(Petition, rows)

    def documents(self, agencies, per_agency):
        from danchu.documents.models import Direction, Document, compose_ref

        r = self.rng
        kinds_issued = ["KH", "QĐ", "HD", "CV", "BC", "TB", "QC", "CTr"]
        rows = []
        for org in agencies:
            for i in range(per_agency):
                issued = r.random() < 0.6
                kind = r.choice(kinds_issued if issued else ["CV", "QĐ", "KH", "TB", "CT"])
                day = self.day()
                number = str(i + 1)
                symbol = f"{kind}-{org.short_name}" if issued else f"{kind}-UBND"
                issuer = org.name if issued else f"UBND tỉnh mẫu {self.prefix}"
                rows.append(
                    Document(
                        uuid=self.uuid(),
                        organization=org,
                        direction=Direction.ISSUED if issued else Direction.RECEIVED,
                        kind=kind,
                        number=number,
                        symbol=symbol,
                        ref=compose_ref(number, symbol, False),
                        issued_on=day,
                        year=day.year,
                        issuer_org=org if issued else None,
                        issuer_name=issuer,
                        subject=r.choice(DOCUMENT_SUBJECTS).format(year=self.year),
                        signer_name=self.person(),
                    )
                )
            if len(rows) >= self.batch:
                self._bulk(Document, rows)
                rows = []
        self._bulk(Document, rows)

    def disclosures(self, agencies, per_agency, framework):
        from danchu.legal.models import Requirement
        from danchu.participation.models import (
            Channel,
            Disclosure,
            DisclosureChannel,
            DisclosureKind,
            DisclosureStatus,
        )

        r = self.rng
        requirements = list(
            Requirement.objects.filter(framework=framework, area="disclosure").order_by("order")
        )
        if not requirements:
            raise ValueError("Chưa có danh mục nội dung phải công khai (chạy danchu migrate).")
        rows, channels = [], []
        for org in agencies:
            for i in range(per_agency):
                kind = r.choices(
                    [DisclosureKind.DISCLOSURE, DisclosureKind.POSTING, DisclosureKind.DISSEMINATION],
                    weights=[80, 10, 10],
                )[0]
                decided = self.day(self.start, self.end - datetime.timedelta(days=10))
                published = self.plus(decided, 0, 6)
                d = Disclosure(
                    uuid=self.uuid(),
                    reference=f"CK-{self.year}-{i + 1:04d}",
                    organization=org,
                    kind=kind,
                    title=r.choice(DISCLOSURE_TITLES).format(year=self.year),
                    framework=framework,
                    requirement=r.choice(requirements),
                    decided_on=decided,
                    published_on=published,
                    due_on=self.plus(decided, 5, 5),
                    status=DisclosureStatus.PUBLISHED,
                )
                if kind == DisclosureKind.POSTING:
                    d.posted_from, d.posted_to, d.item_count = (
                        published,
                        self.plus(published, 30, 90),
                        r.randint(5, 80),
                    )
                rows.append(d)
            if len(rows) >= self.batch:
                self._bulk(Disclosure, rows)
                channels += self._channels(rows, Channel, DisclosureChannel)
                rows = []
        self._bulk(Disclosure, rows)
        channels += self._channels(rows, Channel, DisclosureChannel)
        self._bulk(DisclosureChannel, channels)

    def _channels(self, disclosures, Channel, DisclosureChannel):
        out = []
        for d in disclosures:
            picked = self.rng.sample(
                [Channel.NOTICE_BOARD, Channel.INTRANET, Channel.WEBSITE, Channel.CONFERENCE],
                self.rng.randint(1, 2),
            )
            if d.kind == "posting" and Channel.NOTICE_BOARD not in picked:
                picked.append(Channel.NOTICE_BOARD)
            out += [DisclosureChannel(disclosure=d, channel=c) for c in picked]
        return out

    def inspections(self, agencies, per_agency):
        from danchu.oversight.models import (
            Inspection,
            InspectionField,
            InspectionKind,
            InspectionMode,
            InspectionStatus,
            InspectionSubject,
            Outcome,
            OutcomeKind,
            SubjectType,
        )

        r = self.rng
        inspections, subjects, outcomes = [], [], []
        for org in agencies:
            for i in range(per_agency):
                start = self.day(self.start, self.end - datetime.timedelta(days=20))
                kind = InspectionKind.SPECIALISED if r.random() < 0.85 else InspectionKind.ADMINISTRATIVE
                mode = InspectionMode.LED if r.random() < 0.7 else InspectionMode.JOINT
                insp = Inspection(
                    uuid=self.uuid(),
                    organization=org,
                    ref=f"KT-{self.year}-{i + 1:03d}",
                    kind=kind,
                    mode=mode,
                    partner=r.choice(PARTNERS) if mode == InspectionMode.JOINT else "",
                    field=r.choice(InspectionField.values),
                    subject_line=r.choice(INSPECTION_SUBJECTS),
                    start=start,
                    end=self.plus(start, 1, 15),
                    status=InspectionStatus.CONCLUDED,
                )
                inspections.append(insp)
                for _j in range(r.randint(1, 3)):
                    violation = r.random() < 0.3
                    subjects.append(
                        (
                            insp,
                            InspectionSubject(
                                uuid=self.uuid(),
                                name=r.choice(BUSINESSES).format(name=r.choice(GIVEN)),
                                subject_type=SubjectType.ORGANISATION,
                                address=r.choice(PLACES),
                                in_violation=violation,
                                violation="Không lưu giữ thông tin thuê bao theo quy định."
                                if violation
                                else "",
                            ),
                        )
                    )
        self._bulk(Inspection, inspections)
        for insp, subject in subjects:
            subject.inspection = insp
        self._bulk(InspectionSubject, [s for _i, s in subjects])
        for insp, subject in subjects:
            if subject.in_violation:
                sanction = r.random() < 0.7
                outcomes.append(
                    Outcome(
                        uuid=self.uuid(),
                        subject=subject,
                        kind=OutcomeKind.SANCTION_DECISION if sanction else OutcomeKind.REFERRAL,
                        referred_to="" if sanction else r.choice(PARTNERS),
                        fine_vnd=r.choice([2, 5, 7, 10, 15]) * 1_000_000 if sanction else 0,
                        date=insp.end,
                    )
                )
        self._bulk(Outcome, outcomes)

    # The province's request and the agencies' frozen answers.

    def submissions(self, root, agencies, period, actor):
        from danchu.consolidation.figures import fill_ratios
        from danchu.consolidation.models import (
            ReportRequest,
            RequestTarget,
            Submission,
            SubmissionKind,
            SubmissionStatus,
            TargetMode,
        )
        from danchu.reporting.indicators import INDICATORS, Unit

        r = self.rng
        request = ReportRequest.objects.create(
            uuid=self.uuid(),
            requesting_org=root,
            reference=f"{r.randint(100, 2000)}/SNV-XDCQ",
            issued_on=datetime.date(self.year, 11, 5),
            title=f"Báo cáo kết quả thực hiện dân chủ ở cơ sở năm {self.year}",
            period=period,
            data_start=self.start,
            data_end=self.end,
            deadline=datetime.date(self.year, 12, 20),
            target_mode=TargetMode.SUBTREE,
            target_root=root,
            created_by=actor,
        )
        self._bulk(RequestTarget, [RequestTarget(request=request, organization=org) for org in agencies])
        subs = []
        for org in agencies:
            values = {}
            for ind in INDICATORS:
                if ind.ratio_of or ind.sum_of:
                    continue
                values[ind.code] = (
                    r.randint(0, 200) * 500_000 if ind.unit == Unit.MONEY else r.randint(0, 120)
                )
            values["petitions_resolved"] = min(values["petitions_resolved"], values["petitions_due"])
            values["staff_conferences_held"] = min(
                values["staff_conferences_held"], values["staff_conferences_required"]
            )
            values["staff_reached"] = min(values["staff_reached"], values["staff_total"])
            values["staff_reduction_base"] = (
                values["staff_quota_civil_servants"]
                + values["staff_quota_public_employees"]
                + values["staff_reduced_total"]
            )
            late = r.random() < 0.1
            subs.append(
                Submission(
                    uuid=self.uuid(),
                    request=request,
                    organization=org,
                    kind=SubmissionKind.UPLOAD,
                    values=fill_ratios(values),
                    status=SubmissionStatus.ACCEPTED if r.random() < 0.7 else SubmissionStatus.SUBMITTED,
                    submitted_at=self.moment(
                        self.plus(request.deadline, 1, 10)
                        if late
                        else self.day(request.issued_on, request.deadline)
                    ),
                    submitted_by=actor,
                    is_late=late,
                )
            )
        self._bulk(Submission, subs)
        return request


def analyze():
    """Refresh the planner's statistics after a bulk load (PostgreSQL docs, "Populating a
    Database"): until autovacuum gets to it, the planner believes the tables are as small as
    before the load and may sort every row of a list instead of reading its index."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@transaction.atomic
def generate(shape, *, seed=1, year=2025, prefix="GEN", password="danchu-bench", progress=None):
    """Write one synthetic province of `shape`; returns what was made and the row counts."""
    progress = progress or (lambda message: None)
    gen = Generator(seed=seed, year=year, prefix=prefix)
    period = gen.period()
    root, agencies = gen.organizations(shape.agencies)
    head, _officer, _clerk = gen.users(root, agencies, password)
    progress("orgs")
    gen.petitions(agencies, shape.letters)
    progress("petitions")
    gen.documents(agencies, shape.documents)
    progress("documents")
    gen.disclosures(agencies, shape.disclosures, period.framework)
    progress("disclosures")
    gen.inspections(agencies, shape.inspections)
    progress("inspections")
    request = gen.submissions(root, agencies, period, head)
    progress("submissions")
    return Generated(root=root, agencies=agencies, period=period, request=request, counts=gen.counts)
