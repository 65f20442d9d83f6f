"""The minutes (biên bản) and the resolution (nghị quyết) of a staff conference, as DOCX in the
format of Nghị định 30/2020 (built with danchu.core.officialdoc). One context builder, two
documents; the number is left blank ("Số:      /BB-…") until the clerk registers it."""

from danchu.core.officialdoc import OfficialDocument, in_vietnamese
from danchu.core.vnformat import count, long_date, place_date

from .actions import quorum


def _header(doc, conference, kind):
    org = conference.organization
    superior = org.superior_header_name
    symbol = f"{kind}-{org.short_name}" if org.short_name else kind
    doc.header(
        superior=superior,
        issuer=org.name,
        number=f"Số:      /{symbol}",
        place_date=place_date(org.place_name, conference.held_on),
    )


@in_vietnamese
def minutes_docx(conference):
    q = quorum(conference)
    org = conference.organization
    doc = OfficialDocument()
    _header(doc, conference, "BB")
    doc.title("BIÊN BẢN", f"Hội nghị cán bộ, công chức, viên chức, người lao động năm {conference.year}")
    doc.paragraph(
        f"Thời gian: {long_date(conference.held_on)}. Địa điểm: {conference.place or org.name}. "
        f"Hình thức: {conference.get_kind_display().lower()}, {conference.get_convocation_display().lower()}."
    )
    doc.paragraph(f"Chủ trì: {conference.chair or '…'}. Thư ký: {conference.secretary or '…'}.")
    doc.paragraph(
        f"Số người được triệu tập: {count(q['summoned'])}; có mặt: {count(q['present'])}; "
        f"vắng mặt: {count(q['summoned'] - q['present'])}. "
        + (
            "Hội nghị đủ điều kiện tiến hành (có mặt từ 2/3 số người được triệu tập trở lên)."
            if q["reached"]
            else "Hội nghị không đủ 2/3 số người được triệu tập."
        )
    )
    doc.heading("I. CHƯƠNG TRÌNH HỘI NGHỊ")
    for line in (conference.agenda or "").splitlines():
        if line.strip():
            doc.paragraph(line.strip())
    documents = list(conference.documents.all())
    if documents:
        doc.heading("II. TÀI LIỆU TRÌNH HỘI NGHỊ")
        for d in documents:
            doc.bullet(f"{d.title} ({d.get_kind_display()}).")
    if conference.notes.strip():
        doc.heading("III. Ý KIẾN THẢO LUẬN")
        for line in conference.notes.splitlines():
            if line.strip():
                doc.paragraph(line.strip())
    doc.heading("IV. KẾT QUẢ BIỂU QUYẾT")
    rows = [
        (
            r.order,
            r.text,
            r.present,
            r.votes_for,
            r.votes_against,
            r.abstentions,
            "Thông qua" if r.passed else "Không thông qua",
        )
        for r in conference.resolutions.all()
    ]
    if rows:
        doc.table(
            ["TT", "Nội dung", "Có mặt", "Tán thành", "Không tán thành", "Không biểu quyết", "Kết quả"],
            rows,
            widths_cm=[1.0, 6.5, 1.6, 1.8, 1.8, 1.8, 2.2],
            size=11,
            numeric_columns=(0, 2, 3, 4, 5),
        )
    else:
        doc.paragraph("Hội nghị không biểu quyết nội dung nào.")
    board = list(conference.board.select_related("person"))
    if board:
        doc.heading("V. BẦU BAN THANH TRA NHÂN DÂN")
        for m in board:
            doc.bullet(f"{m.person.full_name} — {m.get_role_display()} ({count(m.votes)} phiếu).")
        doc.paragraph(
            f"Nhiệm kỳ từ {board[0].term_start:%d/%m/%Y} đến {board[0].term_end:%d/%m/%Y}.", italic=True
        )
    doc.paragraph("Biên bản được thông qua tại hội nghị và lập thành 02 bản./.")
    doc.signature(
        recipients=["Thủ trưởng cơ quan;", "Ban Chấp hành công đoàn;", "Lưu: VT."],
        authority=["THƯ KÝ HỘI NGHỊ"],
        signer=conference.secretary or "",
        signer_note="(Ký, ghi rõ họ tên)",
    )
    return doc.to_bytes()


@in_vietnamese
def resolution_docx(conference):
    org = conference.organization
    doc = OfficialDocument()
    _header(doc, conference, "NQ")
    doc.title("NGHỊ QUYẾT", f"Hội nghị cán bộ, công chức, viên chức, người lao động năm {conference.year}")
    doc.paragraph(
        f"Hội nghị cán bộ, công chức, viên chức, người lao động {org.name} họp {long_date(conference.held_on)} "
        f"với {count(conference.present_at_close or quorum(conference)['present'])} người có mặt,"
    )
    doc.centered("QUYẾT NGHỊ:", bold=True)
    passed = [r for r in conference.resolutions.all() if r.passed]
    for i, r in enumerate(passed, start=1):
        doc.paragraph(
            runs=[
                (f"Điều {i}. ", {"bold": True}),
                (f"{r.text} (tán thành {count(r.votes_for)}/{count(r.present)} người có mặt).", {}),
            ]
        )
    doc.paragraph(
        runs=[
            (f"Điều {len(passed) + 1}. ", {"bold": True}),
            (
                "Thủ trưởng cơ quan phối hợp với Ban Chấp hành công đoàn tổ chức thực hiện nghị quyết, "
                "sơ kết việc thực hiện 06 tháng một lần và thông báo kết quả đến toàn thể cán bộ, công chức, "
                "viên chức, người lao động./.",
                {},
            ),
        ]
    )
    doc.signature(
        recipients=["Toàn thể CB-CC-VC-NLĐ;", "Ban Chấp hành công đoàn;", "Lưu: VT."],
        authority=["TM. HỘI NGHỊ", "CHỦ TRÌ"],
        signer=(conference.chair or "").split(",")[0],
    )
    return doc.to_bytes()
