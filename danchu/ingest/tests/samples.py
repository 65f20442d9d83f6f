"""Reports written for these tests in the style of real ones (no real report is pasted)."""

# A district's report, Nghị định 43/2011 era, with citizen reception and a wrong stated rate.
DISTRICT_2021 = """ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ
Số: 215/BC-UBND
Cầu Kè, ngày 10 tháng 12 năm 2021
BÁO CÁO
Kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2021
I. CÔNG TÁC TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO
1. Tiếp công dân
Trong năm, Chủ tịch UBND huyện và các cơ quan chuyên môn tiếp 198 lượt với 221 người, có 200 vụ việc; không có đoàn đông người.
2. Tiếp nhận, xử lý đơn
Trong năm, UBND huyện tiếp nhận 126 đơn, trong đó có 31 đơn khiếu nại, 9 đơn tố cáo, 86 đơn kiến nghị, phản ánh.
Đã giải quyết 238/316 vụ việc khiếu nại, tố cáo thuộc thẩm quyền, đạt 88,9%.
II. CẢI CÁCH HÀNH CHÍNH
Tổng số dịch vụ công trực tuyến mức độ 3 và 4 là 142; trong đó mức độ 4: 97.
Có 25/25 cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức, đạt 100%.
III. THANH TRA
Thanh tra huyện thực hiện 05 cuộc thanh tra hành chính. Phát hiện 04 đơn vị có vi phạm.
Xử phạt vi phạm hành chính 12 trường hợp với tổng số tiền 87.500.000 đồng.
"""

# A commune's report under Luật Thực hiện dân chủ ở cơ sở 2022 and Nghị định 42/2022 wording.
COMMUNE_2024 = """ỦY BAN NHÂN DÂN XÃ AN PHÚ TÂN
Số: 38/BC-UBND
An Phú Tân, ngày 05 tháng 12 năm 2024
BÁO CÁO
Kết quả thực hiện dân chủ ở cơ sở năm 2024
1. Tiếp công dân: Số lượt tiếp công dân: 46; số người được tiếp: 52.
2. Đơn thư: Năm 2024, UBND xã nhận được hai đơn, trong đó: một đơn khiếu nại, một đơn phản ánh, kiến nghị.
3. Dịch vụ công: Xã cung cấp 64 dịch vụ công trực tuyến, trong đó 21 dịch vụ công trực tuyến toàn trình và 43 dịch vụ một phần.
4. Tuyên truyền: Đài truyền thanh xã đưa 45 tin, bài về thực hiện dân chủ ở cơ sở.
Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: 104%.
"""

# A department's report (Sở), current era: totals in a table row, parts that exceed the total.
DEPARTMENT_2023 = """SỞ KHOA HỌC VÀ CÔNG NGHỆ
BÁO CÁO
Kết quả thực hiện dân chủ ở cơ sở năm 2023
Thực hiện Công văn số 2210/SNV-XDCQCTTN ngày 20/10/2023 của Sở Nội vụ, Sở báo cáo như sau:
Tiếp nhận 12 đơn. Trong đó: 05 đơn khiếu nại; 04 đơn tố cáo; 06 đơn phản ánh, kiến nghị.
Đã giải quyết 03 đơn khiếu nại.
Tổng số dịch vụ công trực tuyến (toàn trình và một phần): 58; trong đó toàn trình: 40.
Tổ chức thanh tra, kiểm tra chuyên ngành 07 cuộc đối với 19 tổ chức, cá nhân. Số tiền xử phạt vi phạm hành chính: 15,5 triệu đồng.
Số tiền xử phạt vi phạm hành chính: 16.000.000 đồng.
Về tinh giản biên chế: đã tinh giản 3 biên chế công chức, 2 biên chế viên chức, đạt tỷ lệ 10%; biên chế công chức được giao là 25 và biên chế viên chức được giao là 20.
"""

# A school: staff conference, dissemination, no petitions figure at all.
SCHOOL_2023 = """TRƯỜNG THCS NGUYỄN TRÃI
BÁO CÁO
Kết quả thực hiện dân chủ trong trường học năm học 2023-2024
- Nhà trường phổ biến, quán triệt đến 100% cán bộ, giáo viên, nhân viên các văn bản về dân chủ ở cơ sở.
- Tổ chức Hội nghị viên chức, người lao động năm học 2023-2024 vào ngày 15/9/2023 với 48/50 viên chức tham dự.
- Tổng số đơn thư tiếp nhận: 0. Năm học có 05 đơn vị lớp đạt danh hiệu tiên tiến.
- Niêm yết công khai 12 thủ tục hành chính tại văn phòng trường.
"""

# A ward (phường), current era, short phrasings.
WARD_2025 = """Năm 2025, Ban Tiếp công dân phường tiếp 52 lượt công dân (60 người), tiếp nhận 47 vụ việc.
Tổng số đơn thư tiếp nhận trong năm là 45.
Kết quả: tiếp nhận 09 đơn thư khiếu nại, tố cáo.
Cung cấp 112 dịch vụ công trực tuyến toàn trình.
Phường đã tinh giản 02 biên chế, đạt tỷ lệ 5,1%.
"""
