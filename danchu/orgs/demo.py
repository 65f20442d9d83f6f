"""Demo organisations, staff, users and periods, built from the seed report (Sở TT-TT Trà Vinh, 2020).

The facts (names of bodies, quotas of 28 civil servants and 28 public employees, the steering
committee of 10, the signer Nguyễn Văn Nậy) come from the seed; the other names are invented.
"""

import datetime

from django.contrib.auth import get_user_model

from .models import (
    Membership,
    Organization,
    PeriodKind,
    Person,
    ReportingPeriod,
    Role,
    RoleAssignment,
    StaffCategory,
)
from .models import (
    OrganizationKind as K,
)

DEMO_PASSWORD = "danchu-demo"

D = datetime.date

# code, name, short name, kind, parent code, place, valid_from, valid_to, successor code
ORGANIZATIONS = [
    ("TV", "Ủy ban nhân dân tỉnh Trà Vinh", "UBND", K.PROVINCE, None, "Trà Vinh", None, D(2025, 6, 30), "VL"),
    ("TV.SNV", "Sở Nội vụ", "SNV", K.DEPARTMENT, "TV", "Trà Vinh", None, D(2025, 6, 30), "VL.SNV"),
    (
        "TV.STTTT",
        "Sở Thông tin và Truyền thông",
        "STTTT",
        K.DEPARTMENT,
        "TV",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        "TV.SKHCN",
    ),
    ("TV.STTTT.VP", "Văn phòng Sở", "VP", K.OFFICE, "TV.STTTT", "Trà Vinh", None, D(2025, 2, 28), None),
    (
        "TV.STTTT.TTRA",
        "Thanh tra Sở",
        "TTra",
        K.INSPECTORATE,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.BCVT",
        "Phòng Bưu chính, Viễn thông",
        "BCVT",
        K.DIVISION,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.TTBCXB",
        "Phòng Thông tin - Báo chí - Xuất bản",
        "TTBCXB",
        K.DIVISION,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.CNTT",
        "Phòng Công nghệ thông tin",
        "CNTT",
        K.DIVISION,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.TTCNTT",
        "Trung tâm Công nghệ Thông tin và Truyền thông",
        "TTCNTT",
        K.CENTRE,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.DU",
        "Đảng ủy Sở Thông tin và Truyền thông",
        "ĐU",
        K.PARTY_COMMITTEE,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.DU.CB1",
        "Chi bộ Văn phòng - Thanh tra",
        "CB1",
        K.PARTY_CELL,
        "TV.STTTT.DU",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.DU.CB2",
        "Chi bộ các phòng chuyên môn",
        "CB2",
        K.PARTY_CELL,
        "TV.STTTT.DU",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.DU.CB3",
        "Chi bộ Trung tâm Công nghệ Thông tin và Truyền thông",
        "CB3",
        K.PARTY_CELL,
        "TV.STTTT.DU",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.CD",
        "Công đoàn cơ sở Sở Thông tin và Truyền thông",
        "CĐ",
        K.UNION,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.STTTT.BCD",
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và Phong trào thi đua “Dân vận khéo”",
        "BCĐ",
        K.COMMITTEE,
        "TV.STTTT",
        "Trà Vinh",
        None,
        D(2025, 2, 28),
        None,
    ),
    (
        "TV.SKHCN",
        "Sở Khoa học và Công nghệ",
        "SKHCN",
        K.DEPARTMENT,
        "TV",
        "Trà Vinh",
        None,
        D(2025, 6, 30),
        "VL.SKHCN",
    ),
    ("TV.STP", "Sở Tư pháp", "STP", K.DEPARTMENT, "TV", "Trà Vinh", None, D(2025, 6, 30), None),
    (
        "TV.SGDDT",
        "Sở Giáo dục và Đào tạo",
        "SGDĐT",
        K.DEPARTMENT,
        "TV",
        "Trà Vinh",
        None,
        D(2025, 6, 30),
        None,
    ),
    (
        "VL",
        "Ủy ban nhân dân tỉnh Vĩnh Long",
        "UBND",
        K.PROVINCE,
        None,
        "Vĩnh Long",
        D(2025, 7, 1),
        None,
        None,
    ),
    ("VL.SNV", "Sở Nội vụ", "SNV", K.DEPARTMENT, "VL", "Vĩnh Long", D(2025, 7, 1), None, None),
    (
        "VL.SKHCN",
        "Sở Khoa học và Công nghệ",
        "SKHCN",
        K.DEPARTMENT,
        "VL",
        "Vĩnh Long",
        D(2025, 7, 1),
        None,
        None,
    ),
    # The Party committee of the successor body, whose 2026 oversight and documents the demo records.
    (
        "VL.SKHCN.DU",
        "Đảng ủy Sở Khoa học và Công nghệ",
        "ĐU",
        K.PARTY_COMMITTEE,
        "VL.SKHCN",
        "Vĩnh Long",
        D(2025, 7, 1),
        None,
        None,
    ),
]

# username, full name, role, organisation code
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", Role.SYSTEM_ADMIN, "TV"),
    ("snv.chuyenvien", "Lê Thị Thu Hà", Role.PROVINCE_OFFICER, "TV"),
    ("stttt.giamdoc", "Trần Minh Khôi", Role.AGENCY_HEAD, "TV.STTTT"),
    ("stttt.pgd", "Nguyễn Văn Nậy", Role.AGENCY_HEAD, "TV.STTTT"),
    ("stttt.vanthu", "Phạm Thị Ngọc Lan", Role.CLERK, "TV.STTTT"),
    ("stttt.xuly", "Huỳnh Văn Phúc", Role.PETITION_HANDLER, "TV.STTTT"),
    ("stttt.thanhtra", "Thạch Thị Sô Phia", Role.INSPECTOR, "TV.STTTT"),
    ("stttt.nhanvien", "Kim Văn Sang", Role.STAFF, "TV.STTTT"),
    ("skhcn.vanthu", "Đặng Thị Mỹ Tiên", Role.CLERK, "TV.SKHCN"),
    ("stp.vanthu", "Võ Hoàng Nam", Role.CLERK, "TV.STP"),
    ("sgddt.vanthu", "Lâm Thị Bích Trâm", Role.CLERK, "TV.SGDDT"),
]
# Successor organisations where the same people keep working after the 2025 mergers.
SUCCESSOR_ROLES = {
    "stttt.giamdoc": "VL.SKHCN",
    "stttt.xuly": "VL.SKHCN",
    "stttt.vanthu": "VL.SKHCN",
    "stttt.nhanvien": "VL.SKHCN",
    "snv.chuyenvien": "VL",
    "admin": "VL",
}

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Trương",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Thạch",
    "Kim",
    "Lâm",
    "Dương",
    "Ngô",
]
MIDDLE_M = ["Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Hữu", "Công", "Đức"]
MIDDLE_F = ["Thị", "Ngọc", "Thị Thanh", "Thị Kim", "Thị Mỹ", "Thùy"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hiếu",
    "Khang",
    "Long",
    "Nghĩa",
    "Phong",
    "Quang",
    "Sơn",
    "Tài",
    "Thắng",
    "Toàn",
    "Vinh",
]
GIVEN_F = [
    "Anh",
    "Châu",
    "Diễm",
    "Dung",
    "Hằng",
    "Hoa",
    "Hương",
    "Linh",
    "Loan",
    "Mai",
    "Nhung",
    "Oanh",
    "Phượng",
    "Thảo",
    "Trang",
    "Yến",
]

# (organisation code, count, staff category, positions for the first members)
STAFF_PLAN = [
    ("TV.STTTT", 3, StaffCategory.CIVIL_SERVANT, ["Giám đốc", "Phó Giám đốc", "Phó Giám đốc"]),
    ("TV.STTTT.VP", 8, StaffCategory.CIVIL_SERVANT, ["Chánh Văn phòng", "Phó Chánh Văn phòng"]),
    ("TV.STTTT.TTRA", 5, StaffCategory.CIVIL_SERVANT, ["Chánh Thanh tra", "Phó Chánh Thanh tra"]),
    ("TV.STTTT.BCVT", 4, StaffCategory.CIVIL_SERVANT, ["Trưởng phòng"]),
    ("TV.STTTT.TTBCXB", 4, StaffCategory.CIVIL_SERVANT, ["Trưởng phòng"]),
    ("TV.STTTT.CNTT", 4, StaffCategory.CIVIL_SERVANT, ["Trưởng phòng"]),
    ("TV.STTTT.TTCNTT", 28, StaffCategory.PUBLIC_EMPLOYEE, ["Giám đốc Trung tâm", "Phó Giám đốc Trung tâm"]),
]


def staff_names(n):
    """Deterministic, varied Vietnamese names."""
    names = []
    for i in range(n):
        female = i % 2 == 1
        surname = SURNAMES[(i * 7) % len(SURNAMES)]
        middle = (MIDDLE_F if female else MIDDLE_M)[(i * 3) % (len(MIDDLE_F) if female else len(MIDDLE_M))]
        given = (GIVEN_F if female else GIVEN_M)[(i * 5 + i // 16) % 16]
        names.append((f"{surname} {middle} {given}", "f" if female else "m"))
    return names


def load(ctx):
    orgs = {}
    for code, name, short, kind, parent, place, vfrom, vto, _succ in ORGANIZATIONS:
        org, _ = Organization.objects.update_or_create(
            code=code,
            defaults=dict(
                name=name,
                short_name=short,
                kind=kind,
                parent=orgs.get(parent),
                place_name=place,
                valid_from=vfrom,
                valid_to=vto,
            ),
        )
        orgs[code] = org
    for code, *_rest, successor in ORGANIZATIONS:
        if successor and orgs[code].successor_id != orgs[successor].pk:
            orgs[code].successor = orgs[successor]
            orgs[code].save()
    ctx["orgs"] = orgs

    User = get_user_model()
    users = {}
    for username, full_name, role, org_code in DEMO_USERS:
        # Vietnamese names are written surname first: keep the whole name in first_name so that
        # get_full_name() reads "Nguyễn Văn Nậy", not "Nậy Nguyễn Văn".
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": full_name,
                "last_name": "",
                "is_staff": role == Role.SYSTEM_ADMIN,
                "is_superuser": role == Role.SYSTEM_ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        RoleAssignment.objects.get_or_create(user=user, organization=orgs[org_code], role=role)
        if username in SUCCESSOR_ROLES:
            RoleAssignment.objects.get_or_create(
                user=user, organization=orgs[SUCCESSOR_ROLES[username]], role=role
            )
        users[username] = user
    ctx["users"] = users

    # 56 staff of Sở TT-TT: 28 civil servants, 28 public employees (the seed's quotas).
    people = {}
    if not Membership.objects.filter(organization__code__startswith="TV.STTTT").exists():
        names = iter(staff_names(60))
        named = {
            "Giám đốc": ("Trần Minh Khôi", "stttt.giamdoc"),
            "Phó Giám đốc#1": ("Nguyễn Văn Nậy", "stttt.pgd"),
            "Chánh Thanh tra": ("Huỳnh Văn Phúc", "stttt.xuly"),
        }
        seen_positions = {}
        clerk_done = inspector_done = staff_done = False
        for org_code, count, category, positions in STAFF_PLAN:
            for i in range(count):
                position = (
                    positions[i]
                    if i < len(positions)
                    else ("Chuyên viên" if category == StaffCategory.CIVIL_SERVANT else "Viên chức")
                )
                key = position
                seen_positions[position] = seen_positions.get(position, 0) + 1
                if position == "Phó Giám đốc":
                    key = f"Phó Giám đốc#{seen_positions[position]}"
                user = None
                if key in named:
                    full_name, username = named[key]
                    gender = "m"
                    user = users[username]
                else:
                    full_name, gender = next(names)
                    if org_code == "TV.STTTT.VP" and not clerk_done and position == "Chuyên viên":
                        full_name, gender, user, clerk_done = (
                            "Phạm Thị Ngọc Lan",
                            "f",
                            users["stttt.vanthu"],
                            True,
                        )
                    elif org_code == "TV.STTTT.TTRA" and not inspector_done and position == "Chuyên viên":
                        full_name, gender, user, inspector_done = (
                            "Thạch Thị Sô Phia",
                            "f",
                            users["stttt.thanhtra"],
                            True,
                        )
                    elif org_code == "TV.STTTT.TTCNTT" and not staff_done and position == "Viên chức":
                        full_name, gender, user, staff_done = (
                            "Kim Văn Sang",
                            "m",
                            users["stttt.nhanvien"],
                            True,
                        )
                person = Person.objects.create(full_name=full_name, gender=gender, user=user)
                Membership.objects.create(
                    person=person,
                    organization=orgs[org_code],
                    position=position,
                    staff_category=category,
                    is_party_member=(i % 3 != 2),
                    is_head=(i == 0 and org_code != "TV.STTTT") or key == "Giám đốc",
                    is_deputy=position.startswith("Phó"),
                    start=D(2015, 1, 1),
                )
                people[full_name] = person
        # Party committee, union and steering committee memberships (10 members, the secretary heads it).
        leaders = list(
            Membership.objects.filter(organization__code__startswith="TV.STTTT", is_party_member=True)
            .select_related("person")
            .order_by("pk")[:10]
        )
        for idx, m in enumerate(leaders):
            Membership.objects.create(
                person=m.person,
                organization=orgs["TV.STTTT.BCD"],
                position="Trưởng ban" if idx == 0 else ("Phó Trưởng ban" if idx == 1 else "Thành viên"),
                staff_category=m.staff_category,
                is_party_member=True,
                is_head=idx == 0,
                start=D(2020, 10, 1),
            )
            if idx < 5:
                Membership.objects.create(
                    person=m.person,
                    organization=orgs["TV.STTTT.DU"],
                    position="Bí thư" if idx == 0 else ("Phó Bí thư" if idx == 1 else "Đảng ủy viên"),
                    staff_category=m.staff_category,
                    is_party_member=True,
                    is_head=idx == 0,
                    start=D(2020, 1, 1),
                )
    ctx["people"] = people

    # Staff of the other departments, so their conferences and reports have an electorate.
    for code, size in (("TV.SKHCN", 34), ("TV.STP", 30), ("TV.SGDDT", 60)):
        if not Membership.objects.filter(organization=orgs[code]).exists():
            for i, (full_name, gender) in enumerate(staff_names(size)):
                person = Person.objects.create(full_name=full_name, gender=gender)
                Membership.objects.create(
                    person=person,
                    organization=orgs[code],
                    position="Giám đốc" if i == 0 else "Chuyên viên",
                    is_head=i == 0,
                    staff_category=StaffCategory.CIVIL_SERVANT
                    if i % 2 == 0
                    else StaffCategory.PUBLIC_EMPLOYEE,
                    is_party_member=i % 2 == 0,
                    start=D(2015, 1, 1),
                )
    for username in ("skhcn.vanthu", "stp.vanthu", "sgddt.vanthu", "snv.chuyenvien"):
        full_name = next(u[1] for u in DEMO_USERS if u[0] == username)
        org_code = (
            "TV.SNV" if username == "snv.chuyenvien" else next(u[3] for u in DEMO_USERS if u[0] == username)
        )
        if not Person.objects.filter(user=users[username]).exists():
            person = Person.objects.create(full_name=full_name, user=users[username])
            Membership.objects.create(
                person=person, organization=orgs[org_code], position="Chuyên viên", start=D(2015, 1, 1)
            )

    _signing_settings(ctx, orgs, users)

    periods = {}
    for year in (2020, 2025, 2026):
        periods[str(year)], _ = ReportingPeriod.objects.update_or_create(
            code=str(year),
            defaults=dict(
                name=f"Năm {year}",
                kind=PeriodKind.ANNUAL,
                year=year,
                start=D(year, 1, 1),
                end=D(year, 12, 31),
                cutoff_start=D(year - 1, 12, 15),
                cutoff_end=D(year, 12, 14),
            ),
        )
    ctx["periods"] = periods


# What each agency's documents need (the settings page sets these; the demo goes through the
# same actions). TV.STTTT: the seed's block "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Văn Nậy" and its
# recipients; VL.SKHCN: an invented head and deputy in office in 2026 (the seed's people stay with
# TV.STTTT).
SETTINGS = {
    "TV.STTTT": (
        "Giám đốc",
        "Sở Nội vụ (b/c)\nBan Giám đốc Sở\nTrang TTĐT Sở\nLãnh đạo các phòng, trung tâm\nVăn phòng Sở\nLưu: VT",
    ),
    "VL.SKHCN": ("Giám đốc", "Sở Nội vụ (b/c)\nBan Giám đốc Sở\nLưu: VT, VP."),
    "VL.SNV": ("Giám đốc", "UBND tỉnh (b/c)\nBộ Nội vụ (b/c)\nBan Giám đốc Sở\nLưu: VT, XDCQ&CTTN."),
    "TV.SNV": ("Giám đốc", "UBND tỉnh (b/c)\nBộ Nội vụ (b/c)\nBan Giám đốc Sở\nLưu: VT, XDCQ&CTTN."),
}
# The leaders who sign: full name, gender, position, head, deputy, in office from, to. VL.SKHCN's and
# both Sở Nội vụ's are invented (the province's report is signed by its Sở Nội vụ: a 2020 one for
# Trà Vinh, a 2026 one for Vĩnh Long).
LEADERS = {
    "VL.SKHCN": [
        ("Lâm Quốc Thịnh", "m", "Giám đốc", True, False, D(2025, 7, 1), None),
        ("Võ Thị Ngọc Hân", "f", "Phó Giám đốc", False, True, D(2025, 7, 1), None),
    ],
    "TV.SNV": [("Thạch Văn Sơn", "m", "Giám đốc", True, False, D(2016, 1, 1), D(2025, 6, 30))],
    "VL.SNV": [("Huỳnh Thị Mỹ Linh", "f", "Giám đốc", True, False, D(2025, 7, 1), None)],
}


def _signing_settings(ctx, orgs, users):
    from . import actions

    admin = users["admin"]
    for code, leaders in LEADERS.items():
        org = orgs[code]
        existing = set(
            Membership.objects.filter(organization=org).values_list("person__full_name", flat=True)
        )
        for full_name, gender, position, is_head, is_deputy, start, end in leaders:
            if full_name not in existing:
                actions.add_member(
                    org,
                    actor=admin,
                    full_name=full_name,
                    gender=gender,
                    position=position,
                    is_head=is_head,
                    is_deputy=is_deputy,
                    is_party_member=True,
                    start=start,
                    end=end,
                )
    for code, (head_title, recipients) in SETTINGS.items():
        org = Organization.objects.get(pk=orgs[code].pk)
        fields = {}
        if org.head_title != head_title:
            fields["head_title"] = head_title
        if org.default_recipients != recipients:
            fields["default_recipients"] = recipients
        if code == "TV.STTTT" and org.default_signer_id is None:
            fields["default_signer"] = Membership.objects.filter(
                organization=org, person__full_name="Nguyễn Văn Nậy"
            ).first()
        if code == "VL.SKHCN" and org.default_signer_id is None:
            fields["default_signer"] = Membership.objects.filter(organization=org, is_head=True).first()
        if fields:
            orgs[code] = actions.update_organization(org, actor=admin, **fields)
