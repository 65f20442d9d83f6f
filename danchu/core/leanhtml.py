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


def pagination(page_obj, querystring):
    """What `{% include "_pagination.html" %}` renders for a page of a CappedPaginator or
    Paginator (same markup), with `querystring` the list's query string without `page`."""
    from django.utils.translation import gettext as _

    paginator = page_obj.paginator
    if paginator.num_pages <= 1:
        return "\n"
    query = escape(querystring)
    parts = [f'\n<nav class="pagination" aria-label="{esc(_("Phân trang"))}">\n  ']
    if page_obj.has_previous():
        parts.append(f'<a href="?{query}&page={page_obj.previous_page_number()}">« {esc(_("Trước"))}</a>')
    if getattr(paginator, "exact", True) is False:
        label = _("Trang %(n)s/hơn %(total)s") % {"n": page_obj.number, "total": paginator.pages_at_least}
    else:
        label = _("Trang %(n)s/%(total)s") % {"n": page_obj.number, "total": paginator.num_pages}
    parts.append(f"\n  <span>{label}</span>\n  ")  # as {% blocktranslate %}: the numbers only
    if page_obj.has_next():
        parts.append(f'<a href="?{query}&page={page_obj.next_page_number()}">{esc(_("Sau"))} »</a>')
    parts.append("\n</nav>\n")
    return mark_safe("".join(parts))
