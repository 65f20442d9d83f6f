"""Synthetic data at scale for tests and benchmarks (`danchu gen-data`).

Realistic enough for every statistics function and list page: Vietnamese names and subjects, a
province with its agencies, letters that go through plausible lifecycles (classified, accepted,
resolved on time or late, filed, transferred, still in progress), documents, disclosures with
their channels, inspections with subjects, violations and fines, and a report request the agencies
answered with frozen figures. Deterministic for a seed (uuids and tracking codes included). Rows
are written with bulk_create, never through the actions: generated data carries no audit trail.

This module makes the province, its agencies, the period and the users; each register adds its
own rows in its `gendata.py` (`generate(gen, world)`), run in INSTALLED_APPS order.
"""

import datetime
import random
import uuid
from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.utils import timezone

from danchu.core import transactions
from danchu.core.plugins import app_modules

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
class World:
    """What the registers' generators share: the shape, the province and its agencies, the period
    and the province's head; a generator may add what a later one reads (the request)."""

    shape: Shape
    root: object
    agencies: list
    period: object
    head: object
    request: object = None


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


def analyze():
    """Refresh the planner's statistics and the visibility map after a bulk load (PostgreSQL docs,
    "Populating a Database"): until autovacuum gets to it, the planner believes the tables are as small as
    before the load and may sort every row of a list instead of reading its index."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # VACUUM also marks the new pages all-visible, so the lists' index-only scans read
            # no table page (autovacuum would, later); it cannot run inside a transaction.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")


@transactions.batch()
def generate(shape, *, seed=1, year=2025, prefix="GEN", password="danchu-bench", progress=None):
    """Write one synthetic province of `shape`; returns what was made and the row counts."""
    progress = progress or (lambda message: None)
    gen = Generator(seed=seed, year=year, prefix=prefix)
    period = gen.period()
    root, agencies = gen.organizations(shape.agencies)
    head, _officer, _clerk = gen.users(root, agencies, password)
    progress("orgs")
    world = World(shape=shape, root=root, agencies=agencies, period=period, head=head)
    for config, module in app_modules("gendata"):
        if config.name != "danchu.core":
            module.generate(gen, world)
            progress(config.label)
    return Generated(root=root, agencies=agencies, period=period, request=world.request, counts=gen.counts)
