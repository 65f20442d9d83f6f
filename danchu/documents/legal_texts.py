"""The canonical legal texts danchu cites (LEGAL.md §1, table "Canonical dates"), and the Party
and State documents grassroots-democracy reports commonly cite (the seed's section V).

Registered as shared external documents in every installation by data migrations
(documents 0003 for `CANONICAL_TEXTS`, legal 0005 for the rest and for corrections). Where a
report gives another date (the seed writes Pháp lệnh 34/2007 as of 05/4/2007), this table is
right and `danchu refs --check` says so. `SOURCES` names where each date was confirmed; a text
that could not be confirmed is in `UNCONFIRMED_TEXTS`, never registered with a guessed date.
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
    ("Luật", "02", "2011/QH13", D(2011, 11, 11), D(2012, 7, 1), "Quốc hội", "Luật Khiếu nại"),
    ("Luật", "25", "2018/QH14", D(2018, 6, 12), D(2019, 1, 1), "Quốc hội", "Luật Tố cáo"),
    ("Luật", "42", "2013/QH13", D(2013, 11, 25), D(2014, 7, 1), "Quốc hội", "Luật Tiếp công dân"),
    (
        "Luật",
        "136",
        "2025/QH15",
        D(2025, 12, 10),
        D(2026, 7, 1),
        "Quốc hội",
        "Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo",
    ),
    (
        "CT",
        "16",
        "CT-TTg",
        D(2016, 5, 16),
        None,
        "Thủ tướng Chính phủ",
        "Về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp "
        "trong tình hình mới",
    ),
    (
        "TT",
        "05",
        "2021/TT-TTCP",
        D(2021, 10, 1),
        D(2021, 11, 15),
        "Thanh tra Chính phủ",
        "Quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    ),
]

# Party documents: kind, number, symbol, issued on, issuer, subject (ref "05-CT/TW").
PARTY_TEXTS = [
    (
        "CT",
        "05",
        "CT/TW",
        D(2016, 5, 15),
        "Bộ Chính trị",
        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "NQ",
        "25",
        "NQ/TW",
        D(2013, 6, 3),
        "Ban Chấp hành Trung ương Đảng (khóa XI)",
        "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
    ),
    (
        "KL",
        "114",
        "KL/TW",
        D(2015, 7, 14),
        "Ban Bí thư",
        "Về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp",
    ),
    (
        "KL",
        "03",
        "KL/TW",
        D(2016, 5, 13),
        "Ban Bí thư",
        "Về tiếp tục thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị khóa X về Quy chế công tác dân vận "
        "của hệ thống chính trị",
    ),
    (
        "QĐ",
        "99",
        "QĐ/TW",
        D(2017, 10, 3),
        "Ban Bí thư",
        "Hướng dẫn khung để các cấp ủy, tổ chức đảng trực thuộc Trung ương tiếp tục phát huy vai trò của "
        "Nhân dân trong đấu tranh ngăn chặn, đẩy lùi suy thoái, “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    ),
    (
        "QĐ",
        "124",
        "QĐ/TW",
        D(2018, 2, 2),
        "Ban Bí thư",
        "Về giám sát của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và Nhân dân đối với việc "
        "tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên",
    ),
    (
        "QĐi",
        "11",
        "QĐi/TW",
        D(2019, 2, 18),
        "Ban Chấp hành Trung ương",
        "Về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý "
        "những phản ánh, kiến nghị của dân",
    ),
]

SEED = "báo cáo mẫu của Sở TT-TT Trà Vinh năm 2020 (mục V), không mâu thuẫn với nguồn nào đã tra"
# ref -> where its date was confirmed (issue 13; "LEGAL.md" is the project's digest of the pháp điển).
SOURCES = {
    "34/2007/PL-UBTVQH11": "LEGAL.md §1",
    "04/2015/NĐ-CP": "LEGAL.md §1",
    "149/2018/NĐ-CP": "LEGAL.md §1",
    "145/2020/NĐ-CP": "LEGAL.md §1",
    "10/2022/QH15": "LEGAL.md §1",
    "59/2023/NĐ-CP": "LEGAL.md §1",
    "30/2020/NĐ-CP": "LEGAL.md §1",
    "09/2019/NĐ-CP": "LEGAL.md §1",
    "124/2020/NĐ-CP": "LEGAL.md §1; thanhtra.laocai.gov.vn (thủ tục giải quyết khiếu nại lần hai)",
    "02/2011/QH13": "LEGAL.md §1; Luật 136/2025/QH15 (phần căn cứ)",
    "25/2018/QH14": "LEGAL.md §1; Luật 136/2025/QH15 (phần căn cứ)",
    "05/2021/TT-TTCP": "LEGAL.md §1 (ban hành 01/10/2021, hiệu lực 15/11/2021)",
    "42/2013/QH13": "Luật 136/2025/QH15 (phần căn cứ); vovworld.vn (thông qua thứ Hai 25/11/2013, hiệu lực 01/07/2014)",
    "136/2025/QH15": "thuviennhadat.vn (toàn văn, ngày 10/12/2025); xaydungchinhsach.chinhphu.vn (hiệu lực 01/07/2026)",
    "16/CT-TTg": SEED,
    "05-CT/TW": "hdndtuyenquang.gov.vn, ict-binhphuoc.gov.vn (ngày 15/5/2016)",
    "25-NQ/TW": SEED,
    "114-KL/TW": SEED,
    "03-KL/TW": SEED,
    "99-QĐ/TW": SEED + "; daidoanket.vn (Quyết định số 99 của Ban Bí thư)",
    "124-QĐ/TW": "daidoanket.vn (Quy định ngày 2/2/2018 của Ban Bí thư)",
    "11-QĐi/TW": "xaydungchinhsach.chinhphu.vn (giới thiệu Luật 136/2025/QH15: ngày 18/02/2019)",
}

# Texts that are cited but whose existence or details could not be confirmed from an official
# source: (reference, what is unconfirmed and the sources tried). Listed on the page Rà soát căn
# cứ pháp lý; never registered with an invented date.
UNCONFIRMED_TEXTS = [
    (
        "155/2026/NĐ-CP",
        "Được dẫn là nghị định quy định thời hạn thụ lý khiếu nại 07 ngày làm việc từ 01/07/2026; chỉ thấy "
        "ở một trang sao chép không chính thức, không tìm thấy văn bản chính thức (số, ngày ban hành). Đã tra: "
        "kho trang công khai ('155/2026/NĐ-CP', 'Nghị định quy định chi tiết Luật Khiếu nại 2026'). Không "
        "đăng ký vào sổ văn bản; trích dẫn trong dự thảo hiện là 'chưa có trong sổ'.",
    ),
]
