"""The one context builder of the report: from a Report, its sections and its ReportData to the
context the DOCX template is rendered with (and the web preview shows)."""

from danchu.core.vnformat import place_date, short_date

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


def opening(report):
    org = report.organization
    if report.request_ref:
        when = f", ngày {short_date(report.request_date)}" if report.request_date else ""
        issuer = f" của {report.request_issuer}" if report.request_issuer else ""
        subject = f" về việc {report.request_subject}" if report.request_subject else ""
        kind = report.request_kind or "Công văn"
        return (
            f"Thực hiện {kind} số {report.request_ref}{when}{issuer}{subject}; "
            f"{org.name} báo cáo kết quả thực hiện như sau:"
        )
    return f"{org.name} báo cáo {report.title[0].lower()}{report.title[1:]} như sau:"


def closing(report):
    org = report.organization
    to = f", kính gửi {report.request_issuer} tổng hợp" if report.request_issuer else ""
    return f"Trên đây là báo cáo {report.title[0].lower()}{report.title[1:]} của {org.name}{to}./."


# The official appendix marks a hand-entered figure and says what the mark means; the reason given
# when it was entered is a working note and stays in the XLSX, on the report page and in the audit
# trail (docs/reporting.md, "The official appendix").
MANUAL_NOTE = "(*) Số liệu do cơ quan, đơn vị tổng hợp trực tiếp, không tính từ sổ theo dõi."


def figure_rows(data):
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
                "label": str(indicator.label),
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
