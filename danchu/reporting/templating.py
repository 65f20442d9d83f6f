"""The default DOCX templates, generated from the outlines with danchu.core.officialdoc.

Run `danchu report templates` to regenerate danchu/reporting/templates_docx/*.docx after
changing an outline or officialdoc. The files are docxtpl templates: Jinja tags inside Word
paragraphs ({{ … }}, {%p for … %} for repeated paragraphs, {%tr … %} for table rows), so an
administrator can open one in Word, change the wording or layout and upload it back.
"""

from danchu.core.officialdoc import OfficialDocument
from danchu.legal.frameworks import Framework

from .models import ReportType
from .outline import APPENDIX, outline_for
from .rendering import default_template_path


def _jinja_heading(text):
    return text.replace("{year}", "{{ year }}").replace("{next_year}", "{{ next_year }}")


def _loop(doc, variable):
    doc.paragraph(f"{{%p for b in {variable} %}}")
    doc.paragraph("{{ b.text }}")
    doc.paragraph("{%p endfor %}")


def template_bytes(report_type, framework):
    doc = OfficialDocument()
    doc.header(
        superior="{{ SUPERIOR }}",
        issuer="{{ ISSUER }}",
        number="Số: {{ reference }}",
        place_date="{{ place_date }}",
    )
    doc.title("BÁO CÁO", "{{ title }}")
    doc.paragraph("{{ opening }}")
    doc.paragraph("{%p if framework_note %}")
    doc.paragraph("{{ framework_note }}")
    doc.paragraph("{%p endif %}")
    for section in outline_for(framework):
        doc.heading(_jinja_heading(section.heading))
        _loop(doc, f"s.{section.key}")
    # The closing paragraphs stay on the page of the signature block (never a block alone).
    doc.paragraph("{{ closing }}", keep_with_next=True)
    doc.paragraph("(Đính kèm Phụ lục số liệu)", italic=True, keep_with_next=True)
    doc.signature(
        recipients=["{%p for r in recipients %}", "{{ r }}", "{%p endfor %}"],
        authority=["{{ AUTHORITY_1 }}", "{{ AUTHORITY_2 }}"],
        signer="{{ signer }}",
    )
    doc.page_break()
    doc.centered("PHỤ LỤC SỐ LIỆU", bold=True)
    doc.centered(
        "(Kèm theo Báo cáo số {{ reference }} ngày {{ report_date }} của {{ issuer_name }})", italic=True
    )
    for key, heading, _generators in APPENDIX:
        doc.heading(_jinja_heading(heading))
        _loop(doc, f"a.{key}")
    doc.heading("5. Bảng số liệu chi tiết")
    # The official appendix: number, indicator, value. Where each figure comes from (the
    # provenance column) stays in the XLSX and on the report page; a hand-entered figure carries
    # the mark "(*)" explained by the note under the table (docs/reporting.md).
    doc.table(
        ["STT", "Chỉ tiêu", "Số liệu"],
        [
            ["{%tr for f in figures %}", "", ""],
            ["{{ loop.index }}", "{{ f.label }}", "{{ f.value }}{{ f.mark }}"],
            ["{%tr endfor %}", "", ""],
        ],
        widths_cm=[1.3, 11.0, 4.2],
        numeric_columns=(2,),
    )
    doc.paragraph("{{ manual_note }}", italic=True, indent=False)
    return doc.to_bytes()


def write_default_templates():
    paths = []
    for report_type in ReportType.values:
        for framework in Framework.values:
            path = default_template_path(report_type, framework)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(template_bytes(report_type, framework))
            paths.append(path)
    return paths
