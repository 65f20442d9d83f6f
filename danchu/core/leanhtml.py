"""Repeated markup of the busiest lists, written in Python instead of through the template engine.

The Django template engine costs about 1 µs per variable, tag and filter it resolves; a list of
50 rows with a dozen of them per row, plus the options of its filter dropdowns, spent most of an
uncached request there (docs/benchmarks.md). The pages keep their templates for everything that
appears once (headings, filters, table heads, pagination); only the parts repeated per row or per
option are built here, from values the view has already prepared, with the same markup and the
same escaping as autoescaped `{{ }}` (django.utils.html.escape is html.escape on str()).
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe


def esc(value):
    """Autoescape of one value, as `{{ value }}` renders it (None as "None", like the template)."""
    if isinstance(value, SafeString):
        return value
    return escape(str(value))


def options(choices, selected):
    """`<option>` elements for `choices` [(value, label)], the one whose value equals `selected`
    (compared as text, as the filters' values are) marked selected."""
    selected = str(selected)
    parts = []
    for value, label in choices:
        value = str(value)
        mark = " selected" if value == selected else ""
        parts.append(f'<option value="{escape(value)}"{mark}>{esc(label)}</option>')
    return mark_safe("".join(parts))
