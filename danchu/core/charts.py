"""Horizontal bar charts drawn on the server as inline SVG (no script, no external asset), each
with a labelled value axis, the value written at the end of every bar, and beside it a table of
the same figures for screen readers and for copying (a <table> with a caption inside a <details>).

Labels are names, never codes: the caller passes what a reader understands. Every text is escaped.
The SVG is drawn narrow (380 units) so that on a 390 px phone its text is still about 14 px."""

import math
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from danchu.core import vnformat

WIDTH = 380
ROW = 50  # a row: the label on its own line, the bar below it
BAR = 20
VALUE_ROOM = 90  # to the right of the longest bar, for "1.234/1.500"
TOP = 30
AXIS = 58
INK, MUTED, GRID, TRACK, FILL = "#1d2430", "#5b6473", "#d9dde4", "#eef0f4", "#a5281b"


def _fit(label, room=42):
    label = str(label)
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def _wrap(text, room=44):
    """Lines of at most about `room` characters, broken between words."""
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def _nice_step(top, ticks=4):
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` intervals up to `top`."""
    raw = top / ticks
    power = 1
    while power * 10 <= raw:
        power *= 10
    while power > raw and power > 1:
        power //= 10
    for factor in (1, 2, 5, 10):
        if power * factor >= raw:
            return power * factor
    return power * 10


def shown(value, maximum=None, percent=False):
    """The text written at the end of a bar (and in the table)."""
    if value is None:
        return "—"
    if maximum:
        return f"{vnformat.number(value)}/{vnformat.number(maximum)}"
    if percent:
        return vnformat.percent(value)
    return vnformat.number(value)


def bar_chart(items, *, title, category_label, value_label, percent=False, chart_id="chart"):
    """items: [(label, value or None, maximum or None)]. With a maximum a bar is drawn on a grey
    track of the maximum's length and reads "value/maximum"; `percent` scales to 100 %."""
    items = [(str(label), value, maximum) for label, value, maximum in items]
    top = max([m or v or 0 for _l, v, m in items] + [100 if percent else 1])
    step = 25 if percent else _nice_step(top)
    top = math.ceil(top / step) * step
    span = WIDTH - VALUE_ROOM
    axis_lines = _wrap(value_label)
    height = TOP + len(items) * ROW + AXIS + 18 * (len(axis_lines) - 1)
    axis_y = TOP + len(items) * ROW
    svg_title = f"{chart_id}-title"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" id="{chart_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH * 1.15:.0f}px" '
        f'aria-labelledby="{svg_title}" font-family="inherit">',
        f'<title id="{svg_title}">{escape(title)}</title>',
        f'<text x="0" y="16" font-size="14" fill="{MUTED}" class="axis-title category-axis">{escape(category_label)}</text>',
    ]
    tick = 0
    while tick <= top + 1e-9:
        x = span * tick / top
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{axis_y}" stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{axis_y + 18}" font-size="14" fill="{MUTED}" '
            f'text-anchor="{"start" if tick == 0 else "middle"}" class="tick">'
            f"{escape(vnformat.percent(tick) if percent else vnformat.number(tick))}</text>"
        )
        tick += step
    parts.append(f'<line x1="0" y1="{axis_y}" x2="{span}" y2="{axis_y}" stroke="{MUTED}" stroke-width="1"/>')
    for i, (label, value, maximum) in enumerate(items):
        y = TOP + i * ROW
        full = span * (maximum or (100 if percent else 0)) / top
        filled = span * (value or 0) / top
        parts.append(
            f'<g class="bar"><title>{escape(label)}: {escape(shown(value, maximum, percent))}</title>'
            f'<text x="0" y="{y + 16}" font-size="16" fill="{INK}" class="bar-label">{escape(_fit(label))}</text>'
            + (f'<rect x="0" y="{y + 22}" width="{full:.1f}" height="{BAR}" fill="{TRACK}"/>' if full else "")
            + f'<rect x="0" y="{y + 22}" width="{filled:.1f}" height="{BAR}" fill="{FILL}"/>'
            f'<text x="{max(full, filled) + 6:.1f}" y="{y + 38}" font-size="16" font-weight="600" '
            f'fill="{INK}" class="bar-value">{escape(shown(value, maximum, percent))}</text></g>'
        )
    parts.append(
        f'<text x="0" y="{axis_y + 44}" font-size="14" fill="{MUTED}" class="axis-title value-axis">'
        + "".join(
            f'<tspan x="0" dy="{0 if n == 0 else 18}">{escape(line)}{" " if n < len(axis_lines) - 1 else ""}</tspan>'
            for n, line in enumerate(axis_lines)
        )
        + "</text></svg>"
    )
    with_max = any(m for _l, _v, m in items)
    head = (
        f'<th scope="col">{escape(category_label)}</th><th scope="col" class="num">{escape(value_label)}</th>'
    )
    if with_max:
        total_label, rate_label = _("Tổng số"), _("Tỷ lệ")
        head += f'<th scope="col" class="num">{escape(total_label)}</th><th scope="col" class="num">{escape(rate_label)}</th>'
    body = []
    for label, value, maximum in items:
        cells = (
            f'<th scope="row">{escape(label)}</th><td class="num">{escape(shown(value, None, percent))}</td>'
        )
        if with_max:
            rate = vnformat.percent(round(value * 100 / maximum, 1)) if maximum and value is not None else "—"
            cells += f'<td class="num">{escape(shown(maximum))}</td><td class="num">{escape(rate)}</td>'
        body.append(f"<tr>{cells}</tr>")
    summary = _("Bảng số liệu của biểu đồ")
    table = (
        f'<details class="chart-data"><summary>{escape(summary)}</summary>'
        f'<table class="list" id="{chart_id}-data"><caption>{escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></details>"
    )
    return mark_safe(
        f'<figure class="chart-figure">'
        f'<figcaption id="{chart_id}-caption">{escape(title)}</figcaption>{"".join(parts)}{table}</figure>'
    )
