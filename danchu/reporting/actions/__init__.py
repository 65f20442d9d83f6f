"""Every change to a report goes through one of these functions: atomic, validated, audited, and
permission-checked by the action itself (`danchu.orgs.access.check`).

The workflows are modules: `drafting` (starting a report, its settings and sections), `overrides`
(hand-entered figures), `signing` (review, signature, its withdrawal), `submission` (submitting the
signed files, the PDF added later), `corrections`, `builds` (rendering files in the background) and
`templates`; `shared` holds what they share. Every name is re-exported here, so callers keep
`from danchu.reporting import actions` and `actions.sign(...)`."""

from .builds import (
    may_build,
    parse_formats,
    render_files,
    render_signed,
    report_data,
    request_build,
    run_build,
)
from .corrections import start_correction
from .drafting import (
    SETTINGS_FIELDS,
    MissingSettings,
    create_report,
    default_title,
    new_report,
    report_symbol,
    save_section,
    save_sections,
    section_version_field,
    update_settings,
)
from .overrides import clear_override, set_override
from .shared import FORMATS
from .signing import (
    REPORT_KIND,
    greatest_registered_number,
    mark_reviewed,
    next_number,
    return_to_draft,
    sign,
    withdraw_signature,
)
from .submission import DOCUMENT_GROUPS, LIST_LABELS, add_pdf, signed_differences, submit
from .templates import upload_template

__all__ = [
    "DOCUMENT_GROUPS",
    "FORMATS",
    "LIST_LABELS",
    "REPORT_KIND",
    "SETTINGS_FIELDS",
    "MissingSettings",
    "add_pdf",
    "clear_override",
    "create_report",
    "default_title",
    "greatest_registered_number",
    "mark_reviewed",
    "may_build",
    "new_report",
    "next_number",
    "parse_formats",
    "render_files",
    "render_signed",
    "report_data",
    "report_symbol",
    "request_build",
    "return_to_draft",
    "run_build",
    "save_section",
    "save_sections",
    "section_version_field",
    "set_override",
    "sign",
    "signed_differences",
    "start_correction",
    "submit",
    "update_settings",
    "upload_template",
    "withdraw_signature",
]
