"""Sentences with figures, written from indicator values in natural Vietnamese.

Each function takes a ReportData and returns paragraphs (strings). A figure that is missing (its
register is not installed) leaves its sentence out; the checks say so. Zero reads naturally
("không tổ chức cuộc thanh tra nào", "chưa được giao biên chế"), never "0 cuộc" or "là 0"; a test
renders every generator with zeros. Counts below 10 take a leading zero (03 đơn), as reports
write them.
"""

import re

from danchu.core.vnformat import count, money, percent, short_date


def _v(data, code):
    value = data.values[code].value if code in data.values else None
    return None if value is None else value


def _z(data, code):
    """The value of `code`, None (missing) and zero read alike as 0: for the parts of a sentence."""
    return _v(data, code) or 0


def _n(value, noun):
    """'03 đơn khiếu nại' or 'không có đơn khiếu nại'."""
    return f"{count(value)} {noun}" if value else f"không có {noun}"


def _parts(*parts):
    return [p for p in parts if p]


def _lower_first(text):
    """'Kiểm tra việc …' -> 'kiểm tra việc …'; an abbreviation ('UBND …') keeps its case."""
    text = (text or "").strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


# A topic that names an event or a document keeps its capital in the middle of a sentence, as
# the seed writes "về Đại hội đại biểu Đảng bộ tỉnh…" beside "về phòng, chống dịch bệnh Covid-19".
_PROPER_TOPIC = re.compile(
    r"^(?:Đại hội|Ngày|Tết|Lễ|Cuộc vận động|Phong trào thi đua)\b"
    r"|^(?:Hiến pháp|Bộ luật|Luật|Nghị quyết|Nghị định|Chỉ thị|Kết luận|Quyết định|Thông tư|Quy định|"
    r"Kế hoạch|Hướng dẫn|Chương trình|Đề án|Công văn)(?:\s+(?:số\b|\d|[A-ZĐ]))"
)


def _topic_in_sentence(text):
    """'Phòng, chống dịch …' -> 'phòng, chống dịch …'; 'Đại hội …', 'Nghị quyết số 57-NQ/TW …',
    'Luật Thực hiện dân chủ ở cơ sở' and abbreviations keep their capitals."""
    text = (text or "").strip().rstrip(".")
    return text if _PROPER_TOPIC.match(text) else _lower_first(text)


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
    text = f"Tiếp nhận {count(received)} đơn khiếu nại, tố cáo, phản ánh, kiến nghị"
    if groups:
        text += ". Trong đó: " + "; ".join(groups)
    return [text + "."]


def reception(data):
    """Citizen reception (tiếp công dân), as reports write it: "tiếp 198 lượt với 221 người, tiếp
    nhận 200 vụ việc"."""
    visits = _v(data, "reception_visits")
    if visits is None:
        return []
    if not visits:
        return ["Trong kỳ, không có lượt công dân nào đến cơ quan để được tiếp."]
    people, matters = _v(data, "reception_people"), _v(data, "reception_matters")
    text = f"Tổ chức tiếp công dân {count(visits)} lượt"
    if people:
        text += f" với {count(people)} người"
    if matters:
        text += f", tiếp nhận {count(matters)} vụ việc"
    return [text + "."]


def resolution_rate(data):
    rate = _v(data, "complaint_resolution_rate")
    due = _v(data, "petitions_due")
    if due is None:
        return []
    if not due:
        return [
            "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: không có đơn khiếu nại, tố cáo đến hạn giải quyết trong kỳ."
        ]
    resolved = _z(data, "petitions_resolved")
    if not resolved:
        return [
            f"Trong kỳ có {count(due)} đơn khiếu nại, tố cáo đến hạn giải quyết, chưa giải quyết xong đơn nào."
        ]
    if rate is None:
        return [
            f"Đã giải quyết {count(resolved)}/{count(due)} đơn khiếu nại, tố cáo đến hạn giải quyết trong kỳ."
        ]
    return [
        f"Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: {percent(rate)} "
        f"({count(resolved)}/{count(due)} đơn đến hạn giải quyết trong kỳ đã được giải quyết)."
    ]


def _subjects(n):
    return f" đối với {count(n)} tổ chức, cá nhân" if n else ""


def _administrative(data, admin):
    """'Tổ chức thanh tra hành chính 01 cuộc: thanh tra việc … của Trung tâm …' — its subject
    matter and the units inspected, from the register."""
    items = data.lists.get("administrative_inspections") or []
    if items:
        described = []
        for item in items:
            line = _lower_first(item.get("subject_line"))
            targets = [t for t in item.get("targets") or [] if t and t not in line]
            if targets:
                line = (line + " " if line else "") + "đối với " + ", ".join(targets)
            if line:
                described.append(line)
        if described:
            return f"Tổ chức thanh tra hành chính {count(admin)} cuộc: " + "; ".join(described) + "."
    subjects = _v(data, "administrative_subjects")
    tail = f" đối với {count(subjects)} đơn vị" if subjects else ""
    return f"Tổ chức thanh tra hành chính {count(admin)} cuộc{tail}."


def _led_details(data):
    led = data.lists.get("led_inspections") or []
    if led:
        parts = []
        for item in led:
            line = _lower_first(item.get("subject_line"))
            parts.append("01 cuộc" + _subjects(item.get("subjects")) + (f" {line}" if line else ""))
        return f"chủ trì {count(len(led))} cuộc: " + "; ".join(parts)
    counts = [n for n in data.lists.get("led_subjects", []) if n is not None]
    if counts:
        return f"chủ trì {count(len(counts))} cuộc: " + ", ".join(f"01 cuộc{_subjects(n)}" for n in counts)
    return ""


def inspections(data):
    paragraphs = []
    admin = _v(data, "administrative_inspections")
    if admin is not None:
        if admin:
            paragraphs.append(_administrative(data, admin))
        else:
            paragraphs.append("Trong kỳ không tổ chức cuộc thanh tra hành chính nào.")
    total = _v(data, "inspections_total")
    if total is None:
        return paragraphs
    if not total:
        paragraphs.append("Trong kỳ không tổ chức cuộc thanh tra, kiểm tra chuyên ngành nào.")
        return paragraphs
    led, joint = _v(data, "inspections_led"), _v(data, "inspections_joint")
    text = f"Tổ chức thanh tra, kiểm tra {count(total)} cuộc{_subjects(_v(data, 'inspection_subjects'))}"
    split = _parts(led and f"chủ trì {count(led)} cuộc", joint and f"phối hợp {count(joint)} cuộc")
    if split:
        text += ", trong đó " + " và ".join(split)
    paragraphs.append(text + ".")
    details = _parts(_led_details(data))
    for item in data.lists.get("joint_by_partner", []):
        if not item.get("inspections"):
            continue
        partner = item.get("partner") or "cơ quan khác"
        fields = [f for f in item.get("fields") or [] if f and f != "Khác"]
        about = f" về {', '.join(f[0].lower() + f[1:] for f in fields)}" if fields else ""
        details.append(
            f"phối hợp với {partner} {count(item.get('inspections'))} cuộc{about}{_subjects(item.get('subjects'))}"
        )
    if details:
        paragraphs.append("Cụ thể: " + "; ".join(details) + ".")
    checked, violating = _v(data, "subjects_checked"), _v(data, "subjects_in_violation")
    if checked:
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
    if checks is None and supervisions is None:
        return []
    who = "Đảng ủy, Ủy ban Kiểm tra Đảng ủy và các chi bộ trực thuộc"
    if checks and supervisions:
        text = (
            f"Trong năm, {who} đã tổ chức {count(checks)} cuộc kiểm tra và "
            f"{count(supervisions)} cuộc giám sát chuyên đề"
        )
    elif checks:
        text = f"Trong năm, {who} đã tổ chức {count(checks)} cuộc kiểm tra; không tổ chức cuộc giám sát chuyên đề nào"
    elif supervisions:
        text = f"Trong năm, {who} đã tổ chức {count(supervisions)} cuộc giám sát chuyên đề; không tổ chức cuộc kiểm tra nào"
    else:
        text = f"Trong kỳ, {who} không tổ chức cuộc kiểm tra, giám sát chuyên đề nào"
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


# How a report names each channel of activities.models.Channel inside a sentence: proper names
# keep their capitals ("trên Cổng thông tin điện tử tỉnh"), common nouns do not; "other" is not named.
CHANNEL_IN_SENTENCE = {
    "provincial_portal": "Cổng thông tin điện tử tỉnh",
    "agency_website": "trang thông tin điện tử của cơ quan",
    "press": "báo chí",
    "radio": "Đài Phát thanh và Truyền hình",
    "social_media": "mạng xã hội",
    "other": "",
}


def _channel_phrase(row):
    code = row.get("code")
    if code in CHANNEL_IN_SENTENCE:
        name = CHANNEL_IN_SENTENCE[code]
    else:  # a snapshot without channel codes: the labels as they were
        labels = [
            c.strip() for c in (row.get("channel") or "").split(", ") if c and c.strip().lower() != "khác"
        ]
        name = ", ".join(dict.fromkeys(c[0].lower() + c[1:] for c in labels))
    return f" trên {name}" if name else ""


def campaigns(data):
    """One sentence per topic; what was published is said with the channel it was published on
    ('đăng 136 tin, bài và 16 văn bản trên cổng thông tin điện tử tỉnh')."""
    paragraphs = []
    for item in data.lists.get("campaigns", []):
        topic = (item.get("topic") or "").strip().rstrip(".")
        about = f"Tuyên truyền về {_topic_in_sentence(topic) if topic else 'các nhiệm vụ chính trị'}: "
        by_channel = item.get("by_channel")
        if by_channel is None:  # a snapshot frozen before the register split its figures by channel
            by_channel = [
                {
                    "channel": c,
                    "articles": item.get("articles") if i == 0 else 0,
                    "documents": item.get("documents") if i == 0 else 0,
                    "banners": item.get("banners") if i == 0 else 0,
                }
                for i, c in enumerate(item.get("channels") or [""])
            ]
            if len(by_channel) > 1:  # several channels, totals only: name them all together
                by_channel = [dict(by_channel[0], channel=", ".join(item.get("channels")))]
        published = []
        for row in by_channel:
            parts = _parts(
                row.get("articles") and f"{count(row['articles'])} tin, bài",
                row.get("documents") and f"{count(row['documents'])} văn bản",
            )
            if parts:
                published.append("đăng " + " và ".join(parts) + _channel_phrase(row))
        if not published:
            continue
        text = about + "; ".join(published)
        banners = sum(row.get("banners") or 0 for row in by_channel)
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
    if not rate:
        return [
            "Chưa ghi nhận cán bộ, công chức, viên chức và người lao động xác nhận đã được phổ biến, "
            "quán triệt các văn bản về thực hiện dân chủ ở cơ sở."
        ]
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
            else "Trong kỳ không có thủ tục hành chính nào được niêm yết công khai."
        )
    officials = _v(data, "service_centre_officials")
    if officials:
        paragraphs.append(
            f"Cử {count(officials)} công chức luân phiên trực tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công."
        )
    return paragraphs


def online_services(data):
    """'toàn trình / một phần' for periods under Nghị định 42/2022/NĐ-CP (from 15/08/2022),
    'mức độ 3, mức độ 4' before (Nghị định 43/2011/NĐ-CP)."""
    from .indicators.definitions import online_services_current

    online, full = _v(data, "online_services_l34"), _v(data, "online_services_l4")
    if online is None:
        return []
    full = full or 0
    if online_services_current(getattr(data, "as_of", None)):
        if not online:
            return ["Cơ quan chưa cung cấp dịch vụ công trực tuyến toàn trình, một phần nào."]
        split = _parts(
            full and f"toàn trình: {count(full)}",
            online - full > 0 and f"một phần: {count(online - full)}",
        )
        return [f"Tổng số dịch vụ công trực tuyến: {count(online)}; trong đó " + ", ".join(split) + "."]
    if not online:
        return ["Cơ quan chưa có dịch vụ công trực tuyến mức độ 3, mức độ 4."]
    if not full:
        return [
            f"Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4: {count(online)}; chưa có dịch vụ mức độ 4."
        ]
    return [
        f"Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4: {count(online)}; trong đó mức độ 4: {count(full)}."
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
    if quota_c is None and quota_p is None:
        return []
    paragraphs = []
    rate = _v(data, "staff_reduction_pct")
    reduced = _parts(
        _v(data, "staff_reduced_civil_servants")
        and f"{count(_v(data, 'staff_reduced_civil_servants'))} biên chế công chức",
        _v(data, "staff_reduced_public_employees")
        and f"{count(_v(data, 'staff_reduced_public_employees'))} biên chế viên chức",
    )
    if rate:
        paragraphs.append(
            f"Về tinh giản biên chế: đạt tỷ lệ {percent(rate)}"
            + (f" ({', '.join(reduced)})" if reduced else "")
            + "."
        )
    if quota_c and quota_p:
        paragraphs.append(
            f"Tổng biên chế công chức được giao là {count(quota_c)} và tổng biên chế viên chức được giao là {count(quota_p)}."
        )
    elif quota_c:
        paragraphs.append(
            f"Tổng biên chế công chức được giao là {count(quota_c)}; cơ quan chưa được giao biên chế viên chức."
        )
    elif quota_p:
        paragraphs.append(
            f"Tổng biên chế viên chức được giao là {count(quota_p)}; cơ quan chưa được giao biên chế công chức."
        )
    else:
        paragraphs.append("Trong kỳ, cơ quan chưa được giao biên chế công chức, viên chức.")
    return paragraphs


def conferences(data):
    held, required = _v(data, "staff_conferences_held"), _v(data, "staff_conferences_required")
    if held is None and required is None:
        return []
    if not required:
        return ["Không có cơ quan, đơn vị phải tổ chức hội nghị cán bộ, công chức, viên chức trong kỳ."]
    if not held:
        return [
            f"Trong kỳ chưa tổ chức hội nghị cán bộ, công chức, viên chức "
            f"({count(required)} cơ quan, đơn vị phải tổ chức hội nghị)."
        ]
    rate = _v(data, "staff_conference_rate")
    return [
        f"Tổ chức hội nghị cán bộ, công chức, viên chức/tổng số cơ quan, đơn vị: {count(held)}/{count(required)}"
        + (f", đạt tỷ lệ {percent(rate)}" if rate is not None else "")
        + "."
    ]


def disclosures(data):
    disclosed = _v(data, "disclosures")
    if disclosed is None:
        return []
    return [
        f"Công khai {count(disclosed)} nội dung cho công chức, viên chức và người lao động theo quy định."
        if disclosed
        else "Trong kỳ chưa ghi nhận nội dung nào được công khai cho cán bộ, công chức, viên chức, người lao động."
    ]


def consultations(data):
    consulted = _v(data, "consultations_held")
    if consulted is None:
        return []
    return [
        f"Tổ chức {count(consulted)} đợt lấy ý kiến công chức, viên chức và người lao động."
        if consulted
        else "Trong kỳ không tổ chức đợt lấy ý kiến công chức, viên chức và người lao động nào."
    ]


def disclosures_and_consultations(data):
    return disclosures(data) + consultations(data)


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
