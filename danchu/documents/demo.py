"""Demo documents: everything the seed report cites, registered with number, symbol, date and
issuer (LEGAL.md's canonical dates win over the seed's where they differ), plus a few 2020
documents of the other demo departments. Subjects are written here from the facts; idempotent."""

import datetime

from .actions import add_relation, create_document
from .models import Direction, Document, DocumentRelation, RelationKind

D = datetime.date

# registry org code (None: shared), kind, number, symbol, party?, date, issuer org code, issuer name, subject
SEED_DOCUMENTS = [
    # Sở TT-TT's own plans (direction issued).
    (
        "TV.STTTT",
        "KH",
        "420",
        "KH-STTTT-VP",
        False,
        D(2016, 4, 15),
        "TV.STTTT",
        "",
        "Kế hoạch thực hiện công tác dân vận chính quyền của Sở giai đoạn 2016-2020",
    ),
    (
        "TV.STTTT",
        "KH",
        "545",
        "KH-STTTT-VP",
        False,
        D(2020, 4, 16),
        "TV.STTTT",
        "",
        "Kế hoạch thực hiện công tác dân vận chính quyền của Sở năm 2020",
    ),
    (
        "TV.STTTT",
        "KH",
        "1335",
        "KH-STTTT-VP",
        False,
        D(2019, 8, 30),
        "TV.STTTT",
        "",
        "Triển khai phong trào thi đua thực hiện văn hóa công sở trong công chức, viên chức của Sở, giai đoạn 2019-2025",
    ),
    (
        "TV.STTTT",
        "KH",
        "1374",
        "KH-STTTT-VP",
        False,
        D(2019, 9, 6),
        "TV.STTTT",
        "",
        "Triển khai việc tổ chức hội nghị điển hình tiên tiến và Đại hội Thi đua yêu nước tỉnh lần thứ V tại Sở",
    ),
    (
        "TV.STTTT",
        "KH",
        "1669",
        "KH-STTTT-TTBCXB",
        False,
        D(2019, 10, 29),
        "TV.STTTT",
        "",
        "Thông tin, tuyên truyền các hoạt động kỷ niệm 120 năm Ngày thành lập tỉnh Trà Vinh",
    ),
    # The Party committee of Sở TT-TT.
    (
        "TV.STTTT.DU",
        "KH",
        "18",
        "KH/ĐU",
        True,
        D(2020, 3, 25),
        "TV.STTTT.DU",
        "",
        "Công tác dân vận, thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” năm 2020",
    ),
    (
        "TV.STTTT.DU",
        "HD",
        "39",
        "HD/BCĐ",
        True,
        D(2020, 10, 7),
        "TV.STTTT.BCD",
        "",
        "Tiêu chí đánh giá việc thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”",
    ),
    (
        "TV.STTTT.DU",
        "QĐ",
        "02",
        "QĐ/ĐU",
        True,
        D(2020, 10, 1),
        "TV.STTTT.DU",
        "",
        "Kiện toàn Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” (10 thành viên)",
    ),
    (
        "TV.STTTT.DU",
        "QĐ",
        "04",
        "QĐ/ĐU",
        True,
        D(2020, 10, 30),
        "TV.STTTT.DU",
        "",
        "Giao Phó Bí thư Đảng ủy phụ trách công tác dân chủ ở cơ sở và phong trào “Dân vận khéo”",
    ),
    (
        "TV.STTTT.DU",
        "QĐ",
        "05",
        "QĐ/ĐU",
        True,
        D(2020, 10, 30),
        "TV.STTTT.DU",
        "",
        "Quy chế hoạt động của Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào “Dân vận khéo”",
    ),
    (
        "TV.STTTT.DU",
        "KH",
        "48",
        "KH/ĐU",
        True,
        D(2019, 8, 13),
        "TV.STTTT.DU",
        "",
        "Thực hiện kế hoạch của Tỉnh ủy về đại hội đảng bộ các cấp, hướng tới Đại hội XIII của Đảng",
    ),
    # Provincial documents (shared).
    (
        None,
        "CV",
        "1457",
        "SNV-XDCQCTTN",
        False,
        D(2020, 11, 5),
        "TV.SNV",
        "",
        "Đề nghị báo cáo kết quả xây dựng, thực hiện Quy chế dân chủ ở cơ sở năm 2020",
    ),
    (
        None,
        "QĐ",
        "2627",
        "QĐ-UBND",
        False,
        D(2020, 7, 3),
        "TV",
        "Chủ tịch UBND tỉnh Trà Vinh",
        "Công bố thủ tục hành chính mới, bãi bỏ thủ tục về bưu chính, xuất bản, in và phát hành thuộc Sở TT-TT",
    ),
    (
        None,
        "QĐ",
        "2329",
        "QĐ-UBND",
        False,
        D(2020, 6, 2),
        "TV",
        "Chủ tịch UBND tỉnh Trà Vinh",
        "Phê duyệt quy trình nội bộ giải quyết thủ tục hành chính thuộc Sở Thông tin và Truyền thông",
    ),
    (
        None,
        "QĐ",
        "638",
        "QĐ-UBND",
        False,
        D(2018, 4, 5),
        "TV",
        "",
        "Sắp xếp tổ chức bộ máy của Sở Thông tin và Truyền thông",
    ),
    (
        None,
        "QĐ",
        "639",
        "QĐ-UBND",
        False,
        D(2018, 4, 5),
        "TV",
        "",
        "Sắp xếp các đơn vị trực thuộc Sở Thông tin và Truyền thông",
    ),
    (
        None,
        "KH",
        "66",
        "KH-UBND",
        False,
        D(2019, 8, 20),
        "TV",
        "",
        "Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025",
    ),
    (
        None,
        "KH",
        "65",
        "KH-UBND",
        False,
        D(2019, 8, 20),
        "TV",
        "",
        "Hội nghị điển hình tiên tiến các cấp và Đại hội Thi đua yêu nước tỉnh Trà Vinh lần thứ V",
    ),
    (
        None,
        "KH",
        "134",
        "KH/TU",
        True,
        D(2019, 7, 10),
        None,
        "Ban Thường vụ Tỉnh ủy Trà Vinh",
        "Đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    ),
    (
        None,
        "ĐA",
        "05",
        "ĐA/TU",
        True,
        D(2018, 6, 21),
        None,
        "Ban Thường vụ Tỉnh ủy Trà Vinh",
        "Sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị tỉnh",
    ),
    (
        None,
        "KH",
        "71",
        "KH/TU",
        True,
        None,
        None,
        "Ban Thường vụ Tỉnh ủy Trà Vinh",
        "Sắp xếp tổ chức bộ máy các cơ quan, đơn vị của tỉnh (ngày ban hành chưa rõ)",
    ),
    (
        None,
        "KH",
        "72",
        "KH/TU",
        True,
        None,
        None,
        "Ban Thường vụ Tỉnh ủy Trà Vinh",
        "Sắp xếp tổ chức bộ máy các đơn vị sự nghiệp công lập của tỉnh (ngày ban hành chưa rõ)",
    ),
    (
        None,
        "KH",
        "05",
        "KH/TU",
        True,
        D(2018, 6, 28),
        None,
        "Ban Thường vụ Tỉnh ủy Trà Vinh",
        "Giảm biên chế của tỉnh Trà Vinh năm 2018 và đến năm 2021",
    ),
    # Central texts (shared).
    (
        None,
        "NQ",
        "25",
        "NQ/TW",
        True,
        D(2013, 6, 3),
        None,
        "Ban Chấp hành Trung ương Đảng (khóa XI)",
        "Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
    ),
    (
        None,
        "KL",
        "114",
        "KL/TW",
        True,
        D(2015, 7, 14),
        None,
        "Ban Bí thư Trung ương Đảng (khóa XI)",
        "Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp",
    ),
    (
        None,
        "KL",
        "03",
        "KL/TW",
        True,
        D(2016, 5, 13),
        None,
        "Ban Bí thư",
        "Tiếp tục thực hiện Quyết định 290 của Bộ Chính trị về Quy chế công tác dân vận của hệ thống chính trị",
    ),
    (
        None,
        "CT",
        "16",
        "CT-TTg",
        False,
        D(2016, 5, 16),
        None,
        "Thủ tướng Chính phủ",
        "Tăng cường, đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp",
    ),
    (
        None,
        "QĐ",
        "99",
        "QĐ/TW",
        True,
        D(2017, 10, 3),
        None,
        "Ban Bí thư",
        "Hướng dẫn khung phát huy vai trò của Nhân dân trong ngăn chặn, đẩy lùi suy thoái, “tự diễn biến”, “tự chuyển hóa”",
    ),
    (
        None,
        "QĐi",
        "124",
        "QĐ/TW",
        True,
        None,
        None,
        "Ban Bí thư",
        "Giám sát của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và Nhân dân đối với việc rèn luyện đạo đức, "
        "lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên",
    ),
    (
        None,
        "QĐi",
        "11",
        "QĐi/TW",
        True,
        D(2019, 2, 18),
        None,
        "Ban Bí thư",
        "Trách nhiệm của người đứng đầu cấp ủy trong tiếp dân, đối thoại trực tiếp với dân và xử lý phản ánh, kiến nghị",
    ),
    (
        None,
        "CT",
        "05",
        "CT/TW",
        True,
        None,
        None,
        "Bộ Chính trị",
        "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
]

# Invented 2020 documents of the other demo departments, so their registries are not empty.
OTHER_DEPARTMENTS = [
    ("TV.SKHCN", "KH", "112", "KH-SKHCN", D(2020, 3, 10), "Thực hiện công tác dân vận chính quyền năm 2020"),
    (
        "TV.SKHCN",
        "QĐ",
        "45",
        "QĐ-SKHCN",
        D(2020, 5, 22),
        "Ban hành Quy chế thực hiện dân chủ trong hoạt động của Sở",
    ),
    (
        "TV.SKHCN",
        "BC",
        "388",
        "BC-SKHCN",
        D(2020, 11, 12),
        "Kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2020",
    ),
    ("TV.STP", "KH", "75", "KH-STP", D(2020, 2, 27), "Tổ chức hội nghị cán bộ, công chức năm 2020"),
    (
        "TV.STP",
        "TB",
        "210",
        "TB-STP",
        D(2020, 9, 8),
        "Công khai kết quả đánh giá, xếp loại công chức 6 tháng đầu năm",
    ),
    ("TV.STP", "BC", "402", "BC-STP", D(2020, 11, 13), "Kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2020"),
    (
        "TV.SGDDT",
        "KH",
        "530",
        "KH-SGDĐT",
        D(2020, 4, 2),
        "Thực hiện dân chủ trong các cơ sở giáo dục công lập năm 2020",
    ),
    ("TV.SGDDT", "QĐ", "1120", "QĐ-SGDĐT", D(2020, 8, 18), "Kiện toàn Ban Thanh tra nhân dân cơ quan Sở"),
    (
        "TV.SGDDT",
        "BC",
        "2045",
        "BC-SGDĐT",
        D(2020, 11, 16),
        "Kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2020",
    ),
]

# The 2026 year of Sở KH-CN Vĩnh Long (the successor body), in the same form as SEED_DOCUMENTS:
# its plans and decisions, its Party committee's, and the provincial decisions its registers cite.
# Numbers and dates are invented; the subjects follow Luật 10/2022/QH15 and Nghị định 59/2023/NĐ-CP.
VL_SKHCN_2026 = [
    ("VL.SKHCN", "KH", "05", "KH-SKHCN", False, D(2026, 1, 6), "VL.SKHCN", "",
     "Tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động năm 2026"),
    ("VL.SKHCN", "KH", "11", "KH-SKHCN", False, D(2026, 1, 12), "VL.SKHCN", "",
     "Công tác thanh tra, kiểm tra chuyên ngành khoa học và công nghệ năm 2026"),
    ("VL.SKHCN", "KH", "18", "KH-SKHCN", False, D(2026, 1, 20), "VL.SKHCN", "",
     "Thực hiện dân chủ ở cơ sở năm 2026"),
    ("VL.SKHCN", "QĐ", "35", "QĐ-SKHCN", False, D(2026, 2, 2), "VL.SKHCN", "",
     "Ban hành Quy chế thực hiện dân chủ ở cơ sở của Sở Khoa học và Công nghệ"),
    ("VL.SKHCN", "QĐ", "36", "QĐ-SKHCN", False, D(2026, 2, 2), "VL.SKHCN", "",
     "Ban hành Quy chế chi tiêu nội bộ năm 2026"),
    ("VL.SKHCN", "KH", "62", "KH-SKHCN", False, D(2026, 3, 20), "VL.SKHCN", "",
     "Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
     "chuyển đổi số quốc gia tại Sở"),
    ("VL.SKHCN", "QĐ", "148", "QĐ-SKHCN", False, D(2026, 6, 1), "VL.SKHCN", "",
     "Kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở của Sở Khoa học và Công nghệ"),
    ("VL.SKHCN.DU", "NQ", "01", "NQ/ĐU", True, D(2026, 1, 9), "VL.SKHCN.DU", "",
     "Lãnh đạo thực hiện nhiệm vụ chính trị năm 2026"),
    ("VL.SKHCN.DU", "KH", "07", "KH/ĐU", True, D(2026, 2, 10), "VL.SKHCN.DU", "",
     "Lãnh đạo thực hiện dân chủ ở cơ sở và công tác dân vận năm 2026"),
    ("VL.SKHCN.DU", "KH", "09", "KH/ĐU", True, D(2026, 3, 2), "VL.SKHCN.DU", "",
     "Kiểm tra, giám sát của Đảng ủy năm 2026"),
    (None, "QĐ", "1872", "QĐ-UBND", False, D(2025, 8, 14), "VL", "",
     "Công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Khoa học và Công nghệ "
     "tỉnh Vĩnh Long"),
    (None, "QĐ", "4215", "QĐ-UBND", False, D(2025, 12, 26), "VL", "",
     "Giao biên chế công chức và số lượng người làm việc trong cơ quan, tổ chức hành chính, đơn vị sự "
     "nghiệp công lập của tỉnh năm 2026"),
]  # fmt: skip

# source ref, target ref, relation
RELATIONS = [
    ("545/KH-STTTT-VP", "420/KH-STTTT-VP", RelationKind.IMPLEMENTS),
    ("545/KH-STTTT-VP", "16/CT-TTg", RelationKind.CITES),
    ("420/KH-STTTT-VP", "114-KL/TW", RelationKind.CITES),
    ("1335/KH-STTTT-VP", "66/KH-UBND", RelationKind.IMPLEMENTS),
    ("1374/KH-STTTT-VP", "65/KH-UBND", RelationKind.IMPLEMENTS),
    ("48-KH/ĐU", "134-KH/TU", RelationKind.IMPLEMENTS),
    ("18-KH/ĐU", "25-NQ/TW", RelationKind.CITES),
    ("18-KH/ĐU", "04/2015/NĐ-CP", RelationKind.CITES),
    ("39-HD/BCĐ", "18-KH/ĐU", RelationKind.IMPLEMENTS),
    ("05-QĐ/ĐU", "02-QĐ/ĐU", RelationKind.IMPLEMENTS),
    ("18/KH-SKHCN", "10/2022/QH15", RelationKind.CITES),
    ("18/KH-SKHCN", "59/2023/NĐ-CP", RelationKind.CITES),
    ("35/QĐ-SKHCN", "59/2023/NĐ-CP", RelationKind.CITES),
    ("18/KH-SKHCN", "07-KH/ĐU", RelationKind.IMPLEMENTS),
]


def ensure_document(
    organization, kind, number, symbol, is_party, issued_on, issuer_org, issuer_name, subject
):
    """The document of that reference in `organization`'s register, entered there if it is not yet
    (through the action); the other apps' demos enter their answers and decisions with it."""
    from .models import compose_ref

    ref = compose_ref(number, symbol, is_party)
    existing = Document.objects.alive().filter(ref=ref, organization=organization).first()
    if existing is not None:
        return existing
    return create_document(
        actor=None,
        organization=organization,
        direction=Direction.ISSUED if organization is not None else Direction.EXTERNAL,
        kind=kind,
        number=number,
        symbol=symbol,
        is_party=is_party,
        issued_on=issued_on,
        issuer_org=issuer_org,
        issuer_name=issuer_name or (issuer_org.name if issuer_org else ""),
        subject=subject,
    )


def load(ctx):
    orgs = ctx["orgs"]
    docs = {}
    for org_code, kind, number, symbol, party, day, issuer_code, issuer_name, subject in SEED_DOCUMENTS:
        doc = ensure_document(
            orgs[org_code] if org_code else None,
            kind,
            number,
            symbol,
            party,
            day,
            orgs.get(issuer_code) if issuer_code else None,
            issuer_name,
            subject,
        )
        docs[doc.ref] = doc
    for org_code, kind, number, symbol, day, subject in OTHER_DEPARTMENTS:
        ensure_document(orgs[org_code], kind, number, symbol, False, day, orgs[org_code], "", subject)
    for org_code, kind, number, symbol, party, day, issuer_code, issuer_name, subject in VL_SKHCN_2026:
        doc = ensure_document(
            orgs[org_code] if org_code else None,
            kind,
            number,
            symbol,
            party,
            day,
            orgs[issuer_code],
            issuer_name,
            subject,
        )
        docs[doc.ref] = doc
    # The laws and decrees come from the data migration with LEGAL.md's canonical dates.
    for doc in (
        Document.objects.alive()
        .external()
        .filter(ref__in=["04/2015/NĐ-CP", "34/2007/PL-UBTVQH11", "10/2022/QH15", "59/2023/NĐ-CP"])
    ):
        docs[doc.ref] = doc
    for source, target, kind in RELATIONS:
        if source in docs and target in docs:
            if not DocumentRelation.objects.filter(
                source=docs[source], target=docs[target], kind=kind
            ).exists():
                add_relation(docs[source], docs[target], kind, actor=None)
    ctx["documents"] = docs
