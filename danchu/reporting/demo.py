"""The demo report: Sở TT-TT Trà Vinh, 2020, a draft dated 09/11/2020, requested by Công văn
1457/SNV-XDCQCTTN of Sở Nội vụ (consolidation's demo then signs it; the seed leaves the number
blank, so it takes the next BC number of the demo register). The figures come from the registers' demo records; the
narrative below is written for danchu (facts from the seed, wording our own)."""

import datetime

from danchu.orgs.models import Membership

from . import actions
from .models import Report, ReportStatus

RECIPIENTS = """Sở Nội vụ (b/c)
Ban Giám đốc Sở
Trang TTĐT Sở
Lãnh đạo các phòng, trung tâm
Văn phòng Sở
Lưu: VT"""

NARRATIVE = {
    "overview": [
        "Năm 2020, Đảng ủy và Ban Giám đốc Sở đã phổ biến kịp thời các chủ trương của Đảng, chính sách, "
        "pháp luật của Nhà nước về công tác dân vận và dân chủ ở cơ sở thông qua sinh hoạt chi bộ, "
        "họp cơ quan và hệ thống văn phòng điện tử iOffice; các đoàn thể được tạo điều kiện tham gia "
        "giám sát và góp ý kiến vào hoạt động của cơ quan.",
        "Thiên tai, dịch bệnh Covid-19, hạn hán, xâm nhập mặn và giá cả hàng hóa tăng trong năm đã tác "
        "động nhất định đến đời sống của công chức, viên chức, người lao động cũng như của Nhân dân trên địa bàn.",
    ],
    "leadership": [
        "- Trên cơ sở các văn bản chỉ đạo của cấp trên, Đảng ủy và lãnh đạo Sở ban hành các kế hoạch thực hiện "
        "công tác dân vận, Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” năm 2020, trong đó có "
        "Kế hoạch số 18-KH/ĐU, ngày 25/3/2020 của Đảng ủy Sở và Kế hoạch số 545/KH-STTTT-VP, ngày 16/4/2020 của Sở.",
        "- Chỉ đạo bảo đảm an toàn thông tin tại Trung tâm Tích hợp dữ liệu tỉnh trong thời gian diễn ra Đại hội "
        "Đảng bộ các cấp: thành lập Tổ ứng cứu sự cố an toàn thông tin mạng và ban hành phương án xử lý sự cố.",
    ],
    "steering": [
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” được kiện toàn "
        "theo Quyết định số 02-QĐ/ĐU, ngày 01/10/2020 của Đảng ủy Sở, do đồng chí Bí thư Đảng ủy làm Trưởng ban; "
        "quy chế hoạt động của Ban được ban hành kèm theo Quyết định số 05-QĐ/ĐU, ngày 30/10/2020.",
        "Ban Chỉ đạo tham mưu kế hoạch hằng năm và theo dõi việc thực hiện các mô hình “Dân vận khéo” của cơ quan; "
        "Giám đốc Sở phân công 01 công chức phụ trách công tác dân vận chính quyền.",
    ],
    "pl34": [
        "- Tiếp tục quán triệt Pháp lệnh số 34/2007/PL-UBTVQH11, ngày 05/4/2007 đến toàn thể công chức, viên chức "
        "và người lao động; tăng cường tuyên truyền pháp luật về dân chủ ở cơ sở trên Cổng thông tin điện tử.",
        "- Rà soát, trình Ủy ban nhân dân tỉnh công bố bộ thủ tục hành chính và phê duyệt quy trình nội bộ giải quyết "
        "thủ tục hành chính thuộc phạm vi quản lý của Sở.",
    ],
    "nd04": [
        "- Sở thực hiện công khai đầy đủ các nội dung theo Nghị định số 04/2015/NĐ-CP, ngày 09/01/2015 của Chính phủ: "
        "nâng bậc lương, đánh giá, xếp loại, khen thưởng, kỷ luật, kê khai tài sản, thu nhập, quy chế chi tiêu nội bộ; "
        "hình thức công khai qua văn phòng điện tử, niêm yết tại trụ sở, trang thông tin điện tử và hội nghị.",
        "- Công chức, viên chức chấp hành tốt kỷ luật, kỷ cương hành chính và quy tắc ứng xử; không có biểu hiện "
        "hách dịch, gây phiền hà cho tổ chức, cá nhân khi thi hành công vụ.",
    ],
    "nd149": [
        "- Người lao động được tham gia ý kiến vào chương trình, kế hoạch công tác, nội quy, quy chế của cơ quan và "
        "giám sát việc thực hiện, kịp thời phản ánh khó khăn, vướng mắc với lãnh đạo phòng và lãnh đạo Sở.",
    ],
    "evaluation": [
        "Việc thực hiện dân chủ ở cơ quan đã đi vào nền nếp; công khai, minh bạch được thực hiện đúng quy định, "
        "công chức, viên chức và người lao động phát huy quyền được biết, được bàn, được kiểm tra, giám sát.",
        "Khối đoàn kết trong cơ quan được củng cố, tạo không khí dân chủ, cởi mở, góp phần hoàn thành nhiệm vụ chính trị năm 2020.",
    ],
    "tasks": [
        "1- Tiếp tục thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI "
        "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.",
        "2- Phối hợp với các cơ quan báo chí, đài truyền thanh cấp huyện tuyên truyền chủ trương, chính sách; "
        "nêu gương điển hình tiên tiến trên Cổng thông tin điện tử tỉnh.",
        "3- Thực hiện tốt công khai, minh bạch và tiếp nhận, giải quyết đơn thư đúng quy định; đẩy mạnh cải cách hành chính.",
        "4- Phối hợp với Đảng ủy và các đoàn thể vận động đảng viên, công chức, viên chức thực hiện phương châm "
        "“Dân biết, dân bàn, dân làm, dân kiểm tra” và văn hóa công sở.",
    ],
}


def load(ctx):
    org = ctx.orgs["TV.STTTT"]
    period = ctx.periods["2020"]
    report = Report.objects.filter(organization=org, period=period).order_by("version").first()
    clerk = ctx.users["stttt.vanthu"]
    if report is None:
        signer = (
            Membership.objects.filter(organization=org, person__full_name="Nguyễn Văn Nậy")
            .select_related("person")
            .first()
        )
        report = actions.create_report(
            org,
            period,
            actor=clerk,
            title="Kết quả xây dựng, thực hiện Quy chế dân chủ ở cơ sở năm 2020 và nhiệm vụ trọng tâm năm 2021",
            drafting_unit=ctx.orgs["TV.STTTT.VP"],
            report_date=datetime.date(2020, 11, 9),
            place="Trà Vinh",
            signer=signer,
            signing_authority="KT. GIÁM ĐỐC",
            signer_title="PHÓ GIÁM ĐỐC",
            recipients=RECIPIENTS,
            request_kind="Công văn",
            request_ref="1457/SNV-XDCQCTTN",
            request_date=datetime.date(2020, 11, 5),
            request_issuer="Sở Nội vụ",
            request_subject="báo cáo kết quả xây dựng, thực hiện Quy chế dân chủ ở cơ sở năm 2020",
        )
    if report.status == ReportStatus.DRAFT:
        existing = {s.key for s in report.sections.all()}
        for key, paragraphs in NARRATIVE.items():
            if key not in existing:
                actions.save_section(report, key, "\n".join(paragraphs), actor=clerk)
    ctx["reports"] = {"TV.STTTT/2020": report}
