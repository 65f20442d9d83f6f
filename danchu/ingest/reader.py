"""One call from a report file to what `danchu ingest` prints: refs, figures, warnings."""

import unicodedata

from .consistency import warnings_for
from .extract import extract_text
from .figures import read_figures


def read_text(text, day=None, check=True):
    """{"text", "refs", "figures", "warnings"} for an extracted text (NFC-normalised first, so the
    spans are offsets into the returned "text")."""
    from danchu.documents.checks import check_refs
    from danchu.documents.refs import find_refs

    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    refs = find_refs(text)
    rows = check_refs(refs) if check else [{**r.as_dict(), "date": r.date} for r in refs]
    for row in rows:
        row.pop("document", None)
        row["date"] = row["date"].isoformat() if row["date"] else None
        if "expected_date" in row:
            row["expected_date"] = row["expected_date"].isoformat() if row["expected_date"] else None
    figures = read_figures(text)
    return {
        "text": text,
        "refs": rows,
        "figures": [f.as_dict() for f in figures],
        "warnings": warnings_for(text, figures, day),
    }


def read_file(data, name="", day=None, check=True):
    """The same from the bytes of a file (DOCX, PDF, Markdown, text). Raises extract.IngestError."""
    return read_text(extract_text(data, name), day=day, check=check)


def totals(figures):
    """{indicator: value} to pre-fill a form: parts (campaigns, funds) added up; for an indicator
    said twice, the first value (the contradiction is a warning)."""
    values = {}
    for figure in figures:
        code, value = figure["indicator"], figure["value"]
        if figure.get("partial"):
            values[code] = values.get(code, 0) + value
        else:
            values.setdefault(code, value)
    return values
