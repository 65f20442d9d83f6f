"""The one context builder of the report: from a Report, its sections and its ReportData to the
context the DOCX template is rendered with (and the web preview shows)."""

import datetime

from danchu.core.vnformat import place_date, short_date
from danchu.legal.frameworks import LAW_2022_IN_FORCE, Framework

from .indicators import BY_CODE, INDICATORS, Origin, Unit
from .outline import APPENDIX, outline_for


def _blocks_from_text(text):
    return [{"kind": "body", "text": p} for p in text]


def _generated(generators, data):
    blocks = []
    for generate in generators:
        for paragraph in generate(data):
            blocks.append(
                {"kind": "body", "text": paragraph if paragraph.startswith("- ") else f"- {paragraph}"}
            )
    return blocks


def section_texts(report):
    if report.pk is None:
        return getattr(report, "draft_texts", {})
    return {section.key: section.paragraphs for section in report.sections.all()}


# The texts the current-law report follows, cited by number and date (docs/legal.md).
LAW_2022_BASIS = (
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022 của Quốc hội và Nghị định "
    "số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện "
    "dân chủ ở cơ sở"
)
ND04_2015_BASIS = "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ"


def framework_split(report):
    """For a window that straddles 01/07/2023 (the Law in force): [(start, end, basis), …], the
    part before under Nghị định 04/2015, the part after under the Law; else []."""
    start, end = report.data_start, report.data_end
    if not (start and end) or not (start < LAW_2022_IN_FORCE <= end):
        return []
    day_before = LAW_2022_IN_FORCE - datetime.timedelta(days=1)
    return [
        (start, day_before, ND04_2015_BASIS),
        (LAW_2022_IN_FORCE, end, "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"),
    ]


def framework_note(report):
    """One sentence saying which law each part of a straddling window follows, or ""."""
    parts = framework_split(report)
    if not parts:
        return ""
    (s1, e1, b1), (s2, e2, b2) = parts
    return (
        f"Kết quả từ ngày {short_date(s1)} đến ngày {short_date(e1)} được thực hiện theo {b1}; "
        f"từ ngày {short_date(s2)} đến ngày {short_date(e2)} theo {b2} (có hiệu lực từ ngày "
        f"{short_date(LAW_2022_IN_FORCE)}) và Nghị định số 59/2023/NĐ-CP."
    )


def opening(report):
    org = report.organization
    basis = f"Thực hiện {LAW_2022_BASIS}; " if report.framework == Framework.LAW_2022 else ""
    if report.request_ref:
        when = f", ngày {short_date(report.request_date)}" if report.request_date else ""
        issuer = f" của {report.request_issuer}" if report.request_issuer else ""
        subject = f" về việc {report.request_subject}" if report.request_subject else ""
        kind = report.request_kind or "Công văn"
        request = f"{kind} số {report.request_ref}{when}{issuer}{subject}"
        if basis:
            return f"{basis}thực hiện {request}; {org.name} báo cáo kết quả thực hiện như sau:"
        return f"Thực hiện {request}; {org.name} báo cáo kết quả thực hiện như sau:"
    return f"{basis}{org.name} báo cáo {report.title[0].lower()}{report.title[1:]} như sau:"


def closing(report):
    org = report.organization
    to = f", kính gửi {report.request_issuer} tổng hợp" if report.request_issuer else ""
    return f"Trên đây là báo cáo {report.title[0].lower()}{report.title[1:]} của {org.name}{to}./."


# The official appendix marks a hand-entered figure and says what the mark means; the reason given
# when it was entered is a working note and stays in the XLSX, on the report page and in the audit
# trail (docs/reporting.md, "The official appendix").
MANUAL_NOTE = "(*) Số liệu do cơ quan, đơn vị tổng hợp trực tiếp, không tính từ sổ theo dõi."


def figure_rows(data):
    from .indicators import label_on

    rows = []
    for number, indicator in enumerate(INDICATORS, start=1):
        value = data.values.get(indicator.code)
        if value is None:
            continue
        if value.origin == Origin.MANUAL:
            source = f"Nhập tay: {value.reason}"
        elif value.origin == Origin.MISSING:
            source = "Chưa có sổ theo dõi"
        else:
            source = "Tính từ sổ theo dõi"
        rows.append(
            {
                "number": number,
                "code": indicator.code,
                "label": str(label_on(indicator.code, getattr(data, "as_of", None))),
                "unit": str(Unit(indicator.unit).label),
                "value": indicator.format(value.value) if value.value is not None else "—",
                "source": source,
                "manual": value.origin == Origin.MANUAL,
                # What the official appendix prints after a hand-entered value (see MANUAL_NOTE).
                "mark": " (*)" if value.origin == Origin.MANUAL else "",
            }
        )
    return rows


def build_context(report, data):
    org = report.organization
    year = report.period.year
    if getattr(data, "as_of", None) is None and report.data_end:
        data.as_of = report.data_end.isoformat()  # a snapshot frozen before ReportData had it
    texts = section_texts(report)
    sections = {}
    for sec in outline_for(report.framework):
        blocks = _blocks_from_text(texts.get(sec.key, [])) + _generated(sec.generators, data)
        if not blocks and sec.empty_text:
            blocks = [{"kind": "body", "text": sec.empty_text}]
        sections[sec.key] = blocks
    appendix = {key: _generated(generators, data) for key, _heading, generators in APPENDIX}
    authority = [line for line in (report.signing_authority, report.signer_title) if line]
    superior = org.superior
    manual = [row for row in figure_rows(data) if row["manual"]]
    return {
        "SUPERIOR": superior.header_name if superior else "",
        "ISSUER": org.name.upper(),
        "issuer_name": org.name,
        "issuer_short": org.short_name or org.name,
        "reference": report.reference,
        "place_date": place_date(report.place, report.report_date),
        "report_date": short_date(report.report_date),
        "title": report.title,
        "opening": opening(report),
        "framework_note": framework_note(report),
        "s": sections,
        "headings": {sec.key: sec.heading_for(year) for sec in outline_for(report.framework)},
        "closing": closing(report),
        "recipients": [
            line
            if line.endswith((";", "."))
            else line + ("." if i == len(report.recipient_lines) - 1 else ";")
            for i, line in enumerate(report.recipient_lines)
        ],
        "AUTHORITY_1": (authority[0] if authority else "").upper(),
        "AUTHORITY_2": (authority[1] if len(authority) > 1 else "").upper(),
        "signer": report.signer.person.full_name if report.signer_id else "",
        "a": appendix,
        "figures": figure_rows(data),
        "manual_note": MANUAL_NOTE if manual else "",
        "year": year,
        "next_year": year + 1,
        # Kept for uploaded templates that print it, always empty: a correction is a new document
        # with its own number and date, related to the one it replaces in the register of
        # outgoing documents; its reason is not printed in the official text.
        "version_note": "",
    }


def indicator_label(code):
    return str(BY_CODE[code].label)
