"""The canonical legal texts danchu cites (LEGAL.md §1, table "Canonical dates").

Registered as shared external documents in every installation by a data migration. Where a
report gives another date (the seed writes Pháp lệnh 34/2007 as of 05/4/2007), this table is
right and `danchu refs --check` says so.
"""

import datetime

D = datetime.date

# kind, number, symbol, issued on, in force from, issuer, subject
CANONICAL_TEXTS = [
    (
        "PL",
        "34",
        "2007/PL-UBTVQH11",
        D(2007, 4, 20),
        D(2007, 7, 1),
        "Ủy ban Thường vụ Quốc hội",
        "Thực hiện dân chủ ở xã, phường, thị trấn",
    ),
    (
        "NĐ",
        "04",
        "2015/NĐ-CP",
        D(2015, 1, 9),
        D(2015, 2, 25),
        "Chính phủ",
        "Về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập",
    ),
    (
        "NĐ",
        "149",
        "2018/NĐ-CP",
        D(2018, 11, 7),
        None,
        "Chính phủ",
        "Quy định chi tiết khoản 3 Điều 63 của Bộ luật Lao động về thực hiện quy chế dân chủ ở cơ sở tại nơi làm việc",
    ),
    (
        "NĐ",
        "145",
        "2020/NĐ-CP",
        D(2020, 12, 14),
        D(2021, 2, 1),
        "Chính phủ",
        "Quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động "
        "và quan hệ lao động (thay thế Nghị định 149/2018/NĐ-CP về dân chủ ở nơi làm việc)",
    ),
    (
        "Luật",
        "10",
        "2022/QH15",
        D(2022, 11, 10),
        D(2023, 7, 1),
        "Quốc hội",
        "Luật Thực hiện dân chủ ở cơ sở",
    ),
    (
        "NĐ",
        "59",
        "2023/NĐ-CP",
        D(2023, 8, 14),
        D(2023, 8, 15),
        "Chính phủ",
        "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
    ),
    ("NĐ", "30", "2020/NĐ-CP", D(2020, 3, 5), D(2020, 3, 5), "Chính phủ", "Về công tác văn thư"),
    (
        "NĐ",
        "09",
        "2019/NĐ-CP",
        D(2019, 1, 24),
        D(2019, 3, 12),
        "Chính phủ",
        "Quy định về chế độ báo cáo của cơ quan hành chính nhà nước",
    ),
    (
        "NĐ",
        "124",
        "2020/NĐ-CP",
        D(2020, 10, 19),
        None,
        "Chính phủ",
        "Quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
    ),
    (
        "NĐ",
        "155",
        "2026/NĐ-CP",
        D(2026, 5, 15),
        D(2026, 7, 1),
        "Chính phủ",
        "Về giải quyết khiếu nại (thời hạn thụ lý khiếu nại lần đầu 07 ngày làm việc)",
    ),
    ("Luật", "02", "2011/QH13", D(2011, 11, 11), D(2012, 7, 1), "Quốc hội", "Luật Khiếu nại"),
    ("Luật", "25", "2018/QH14", D(2018, 6, 12), D(2019, 1, 1), "Quốc hội", "Luật Tố cáo"),
    (
        "TT",
        "05",
        "2021/TT-TTCP",
        D(2021, 10, 1),
        None,
        "Thanh tra Chính phủ",
        "Quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    ),
]

# Texts that are cited but whose existence or details could not be confirmed from an official
# source: (reference, what is unconfirmed and the sources tried). Listed on the page Rà soát căn
# cứ pháp lý; never registered with an invented date.
UNCONFIRMED_TEXTS = []
