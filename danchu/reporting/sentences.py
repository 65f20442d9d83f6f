"""Sentences with figures, written from indicator values in natural Vietnamese.

Each function takes a ReportData and returns paragraphs (strings). A figure that is missing (its
register is not installed) leaves its sentence out; the checks say so. Zero reads naturally
("không có …"). Counts below 10 take a leading zero (03 đơn), as reports write them.
"""

import re

from danchu.core.vnformat import count, money, percent, short_date


def _v(data, code):
    value = data.values[code].value if code in data.values else None
    return None if value is None else value


def _n(value, noun):
    """'03 đơn khiếu nại' or 'không có đơn khiếu nại'."""
    return f"{count(value)} {noun}" if value else f"không có {noun}"


def _parts(*parts):
    return [p for p in parts if p]


def _date(iso):
    if not iso:
        return ""
    import datetime

    return short_date(datetime.date.fromisoformat(iso[:10]))


def petitions(data):
    received = _v(data, "letters_received")
    if received is None:
        return []
    if not received:
        return ["Trong kỳ, cơ quan không tiếp nhận đơn khiếu nại, tố cáo, phản ánh, kiến nghị nào."]
    groups = []
    spec = [
        ("complaints", "đơn khiếu nại", "đang trong quá trình giải quyết"),
        ("denunciations", "đơn tố cáo", "đang trong quá trình thụ lý"),
        ("feedback", "đơn phản ánh, kiến nghị", "đang trong quá trình giải quyết"),
    ]
    for prefix, noun, in_progress_text in spec:
        total = _v(data, f"{prefix}_received")
        if total is None:
            continue
        if not total:
            groups.append(f"không có {noun}")
            continue
        outcomes = _parts(
            _v(data, f"{prefix}_answered")
            and f"ban hành {count(_v(data, f'{prefix}_answered'))} văn bản trả lời công dân",
            _v(data, f"{prefix}_not_eligible")
            and f"{count(_v(data, f'{prefix}_not_eligible'))} đơn không đủ điều kiện thụ lý",
            _v(data, f"{prefix}_in_progress")
            and f"{count(_v(data, f'{prefix}_in_progress'))} đơn {in_progress_text}",
        )
        groups.append(f"{count(total)} {noun}" + (f" ({', '.join(outcomes)})" if outcomes else ""))
    text = (
        f"Tiếp nhận {count(received)} đơn khiếu nại, tố cáo, phản ánh, kiến nghị. Trong đó: "
        + "; ".join(groups)
        + "."
    )
    return [text]


def resolution_rate(data):
    rate = _v(data, "complaint_resolution_rate")
    due = _v(data, "petitions_due")
    if due is None:
        return []
    if not due:
        return [
            "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: không có đơn khiếu nại, tố cáo đến hạn giải quyết trong kỳ."
        ]
    return [
        f"Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: {percent(rate)} "
        f"({count(_v(data, 'petitions_resolved'))}/{count(due)} đơn đến hạn giải quyết trong kỳ đã được giải quyết)."
    ]


def inspections(data):
    paragraphs = []
    admin = _v(data, "administrative_inspections")
    if admin is not None:
        if admin:
            subjects = _v(data, "administrative_subjects")
            tail = f" đối với {count(subjects)} đơn vị" if subjects else ""
            paragraphs.append(f"Tổ chức thanh tra hành chính {count(admin)} cuộc{tail}.")
        else:
            paragraphs.append("Trong kỳ không tổ chức cuộc thanh tra hành chính nào.")
    total = _v(data, "inspections_total")
    if total is None:
        return paragraphs
    if not total:
        paragraphs.append("Trong kỳ không tổ chức cuộc thanh tra, kiểm tra chuyên ngành nào.")
        return paragraphs
    led, joint = _v(data, "inspections_led"), _v(data, "inspections_joint")
    text = f"Tổ chức thanh tra, kiểm tra {count(total)} cuộc đối với {count(_v(data, 'inspection_subjects'))} tổ chức, cá nhân"
    split = _parts(led and f"chủ trì {count(led)} cuộc", joint and f"phối hợp {count(joint)} cuộc")
    if split:
        text += ", trong đó " + " và ".join(split)
    paragraphs.append(text + ".")
    details = []
    led_subjects = [n for n in data.lists.get("led_subjects", []) if n is not None]
    if led_subjects:
        parts = [f"01 cuộc đối với {count(n)} tổ chức, cá nhân" for n in led_subjects]
        details.append(f"chủ trì {count(len(led_subjects))} cuộc: " + ", ".join(parts))
    for item in data.lists.get("joint_by_partner", []):
        partner = item.get("partner") or "cơ quan khác"
        details.append(
            f"phối hợp với {partner} {count(item.get('inspections'))} cuộc đối với {count(item.get('subjects'))} tổ chức, cá nhân"
        )
    if details:
        paragraphs.append("Cụ thể: " + "; ".join(details) + ".")
    checked, violating = _v(data, "subjects_checked"), _v(data, "subjects_in_violation")
    if checked is not None:
        result = f"Kết quả thanh tra, kiểm tra: số tổ chức, cá nhân được kiểm tra là {count(checked)}"
        if violating:
            result += f", số tổ chức, cá nhân có vi phạm là {count(violating)}"
        else:
            result += ", không phát hiện tổ chức, cá nhân vi phạm"
        paragraphs.append(result + ".")
    if violating:
        bodies = [r for r in data.lists.get("referred_to", []) if r.get("count")]
        referrals = _v(data, "referrals")
        referral_text = None
        if bodies:
            referral_text = "kiến nghị " + ", ".join(
                f"{r.get('body') or 'cơ quan có thẩm quyền'} xử lý {count(r['count'])} trường hợp"
                for r in bodies
            )
        elif referrals:
            referral_text = f"kiến nghị cơ quan có thẩm quyền xử lý {count(referrals)} trường hợp"
        handling = _parts(
            referral_text,
            _v(data, "sanction_decisions")
            and f"ban hành {count(_v(data, 'sanction_decisions'))} quyết định xử phạt vi phạm hành chính",
        )
        fines = _v(data, "fines_vnd")
        if handling:
            text = "Kết quả xử lý: " + ", ".join(handling)
            if fines:
                text += f", với tổng số tiền xử phạt vi phạm hành chính {money(fines)}"
            paragraphs.append(text + ".")
    return paragraphs


def party_oversight(data):
    checks, supervisions = _v(data, "party_inspections"), _v(data, "party_supervisions")
    if checks is None:
        return []
    text = (
        f"Trong năm, Đảng ủy, Ủy ban Kiểm tra Đảng ủy và các chi bộ trực thuộc đã tổ chức "
        f"{_n(checks, 'cuộc kiểm tra')} và {_n(supervisions, 'cuộc giám sát chuyên đề')}"
    )
    discipline = _v(data, "party_discipline_cases")
    about = _v(data, "complaints_about_party_members")
    tail = _parts(
        "không có trường hợp phải thi hành kỷ luật Đảng"
        if not discipline
        else f"có {count(discipline)} trường hợp phải thi hành kỷ luật Đảng",
        "không có đơn, thư khiếu nại, tố cáo liên quan đến đảng viên và tổ chức đảng trực thuộc"
        if not about
        else f"tiếp nhận {count(about)} đơn, thư khiếu nại, tố cáo liên quan đến đảng viên, tổ chức đảng",
    )
    return [text + "; " + "; ".join(tail) + "."]


def campaigns(data):
    paragraphs = []
    for item in data.lists.get("campaigns", []):
        topic = (item.get("topic") or "").strip().rstrip(".")
        parts = _parts(
            item.get("articles") and f"đăng {count(item['articles'])} tin, bài",
            item.get("documents") and f"{count(item['documents'])} văn bản",
        )
        if not parts:
            continue
        channels = [c for c in item.get("channels") or [] if c and c.strip().lower() != "khác"]
        text = (
            f"Tuyên truyền về {topic[0].lower() + topic[1:] if topic else 'các nhiệm vụ chính trị'}: "
            + " và ".join(parts)
        )
        if channels:
            text += " trên " + ", ".join(dict.fromkeys(c[0].lower() + c[1:] for c in channels))
        banners = item.get("banners")
        if banners:
            text += f"; thực hiện {count(banners)} băng rôn, banner"
        paragraphs.append(text + ".")
    return paragraphs


def funds(data):
    items = [i for i in data.lists.get("funds", []) if i.get("amount_vnd")]
    if not items:
        total = _v(data, "fund_contributions_vnd")
        return (
            [f"Công chức, viên chức và người lao động đóng góp các quỹ với tổng số tiền {money(total)}."]
            if total
            else []
        )
    parts = [f"{i.get('fund', '')} (số tiền {money(i['amount_vnd'])})" for i in items]
    return [
        "Vận động công chức, viên chức và người lao động tích cực đóng góp các quỹ: " + "; ".join(parts) + "."
    ]


def dissemination(data):
    rate = _v(data, "dissemination_coverage_pct")
    if rate is None:
        return []
    return [
        f"Triển khai, quán triệt các văn bản về thực hiện dân chủ ở cơ sở đến {percent(rate)} cán bộ, công chức, viên chức và người lao động."
    ]


def procedures(data):
    paragraphs = []
    posted = _v(data, "procedures_posted")
    if posted is not None:
        paragraphs.append(
            f"Niêm yết công khai {count(posted)} thủ tục hành chính thuộc thẩm quyền giải quyết của cơ quan "
            "trên Cổng thông tin điện tử, trang thông tin điện tử, bảng niêm yết tại trụ sở và tại Trung tâm Phục vụ hành chính công."
            if posted
            else "Cơ quan không có thủ tục hành chính thuộc thẩm quyền giải quyết phải niêm yết."
        )
    officials = _v(data, "service_centre_officials")
    if officials:
        paragraphs.append(
            f"Cử {count(officials)} công chức luân phiên trực tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công."
        )
    return paragraphs


def online_services(data):
    l34, l4 = _v(data, "online_services_l34"), _v(data, "online_services_l4")
    if l34 is None:
        return []
    if not l34:
        return ["Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4: không có."]
    return [
        f"Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4: {count(l34)}; trong đó mức độ 4: {count(l4)}."
    ]


def postings(data):
    paragraphs = []
    for item in data.lists.get("postings", []):
        title = (item.get("title") or "").strip().rstrip(".")
        items = item.get("item_count") or 0
        if not title:
            continue
        if items and str(items) not in title:
            title += f" ({count(items)} nội dung)"
        paragraphs.append(title + ".")
    if not paragraphs and _v(data, "items_posted"):
        paragraphs.append(
            f"Niêm yết tại trụ sở và qua mạng nội bộ {count(_v(data, 'items_posted'))} nội dung."
        )
    return paragraphs


def staffing(data):
    quota_c, quota_p = _v(data, "staff_quota_civil_servants"), _v(data, "staff_quota_public_employees")
    if quota_c is None:
        return []
    paragraphs = []
    rate = _v(data, "staff_reduction_pct")
    reduced_c, reduced_p = (
        _v(data, "staff_reduced_civil_servants"),
        _v(data, "staff_reduced_public_employees"),
    )
    if rate:
        paragraphs.append(
            f"Về tinh giản biên chế: đạt tỷ lệ {percent(rate)} "
            f"({count(reduced_c)} biên chế công chức, {count(reduced_p)} biên chế viên chức)."
        )
    paragraphs.append(
        f"Tổng biên chế công chức được giao là {count(quota_c)} và tổng biên chế viên chức được giao là {count(quota_p)}."
    )
    return paragraphs


def conferences(data):
    held, required = _v(data, "staff_conferences_held"), _v(data, "staff_conferences_required")
    if held is None:
        return []
    if not required:
        return ["Không có cơ quan, đơn vị phải tổ chức hội nghị cán bộ, công chức, viên chức trong kỳ."]
    return [
        f"Tổ chức hội nghị cán bộ, công chức, viên chức/tổng số cơ quan, đơn vị: {count(held)}/{count(required)}, "
        f"đạt tỷ lệ {percent(_v(data, 'staff_conference_rate'))}."
    ]


def disclosures_and_consultations(data):
    paragraphs = []
    disclosed = _v(data, "disclosures")
    if disclosed is not None:
        paragraphs.append(
            f"Công khai {count(disclosed)} nội dung cho công chức, viên chức và người lao động theo quy định."
            if disclosed
            else "Trong kỳ không có nội dung phải công khai."
        )
    consulted = _v(data, "consultations_held")
    if consulted is not None:
        paragraphs.append(
            f"Tổ chức {count(consulted)} đợt lấy ý kiến công chức, viên chức và người lao động."
            if consulted
            else "Trong kỳ không tổ chức lấy ý kiến công chức, viên chức và người lao động."
        )
    return paragraphs


def document_list(items):
    """'Kế hoạch số 18-KH/ĐU, ngày 25/3/2020 về …; …'"""
    parts = []
    for doc in items:
        part = f"{doc['kind_label']} số {doc['ref']}"
        if doc.get("issued_on"):
            part += f", ngày {_date(doc['issued_on'])}"
        if doc.get("subject"):
            subject = re.sub(r"^[Vv]/[Vv]\s*", "về ", doc["subject"].strip().rstrip("."))
            part += " " + (
                subject if subject.lower().startswith("về") else f"về {subject[0].lower()}{subject[1:]}"
            )
        parts.append(part)
    return "; ".join(parts) + "." if parts else ""


def documents(data):
    party = data.documents.get("party", [])
    government = data.documents.get("government", [])
    return [
        "Đảng ủy: " + (document_list(party) or "không ban hành văn bản nào."),
        "Chính quyền: " + (document_list(government) or "không ban hành văn bản nào."),
    ]
