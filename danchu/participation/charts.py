"""Server-side SVG charts for the statistics page: no script, no external asset, every label
escaped. The SVG is inline in the page, so it prints and works without JavaScript."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from danchu.core.vnformat import percent

BAR_COLOUR = "#1f5f99"
REST_COLOUR = "#d9dee5"
WIDTH = 720
LABEL_WIDTH = 330
ROW = 26


def _label(text, limit=48):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def category_chart(categories):
    """Horizontal bars: published disclosures per catalog item ({code, title, count})."""
    rows = [c for c in categories if c["count"]]
    if not rows:
        return ""
    top = max(c["count"] for c in rows)
    bar_space = WIDTH - LABEL_WIDTH - 50
    height = ROW * len(rows) + 10
    title = _("Số nội dung công khai theo nội dung phải công khai")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" id="chart-categories" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px" aria-labelledby="chart-categories-title">'
        f'<title id="chart-categories-title">{escape(title)}</title>'
    ]
    for i, c in enumerate(rows):
        y = 5 + i * ROW
        length = max(2, round(bar_space * c["count"] / top))
        name = f"{c['code']}. {c['title']}"
        parts.append(
            f"<g><title>{escape(name)}: {c['count']}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" font-size="12">{escape(_label(name))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{ROW - 8}" fill="{BAR_COLOUR}"></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 16}" font-size="12">{c["count"]}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def rate_chart(acknowledged, audience):
    """One bar: people who confirmed reading out of the people disclosed to."""
    if not audience:
        return ""
    share = acknowledged / audience
    bar = WIDTH - 20
    filled = round(bar * share)
    pct = percent(round(100 * share, 1))
    title = _("Tỷ lệ xác nhận đã đọc: %(pct)s (%(n)s/%(total)s lượt)") % {
        "pct": pct,
        "n": acknowledged,
        "total": audience,
    }
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" id="chart-acknowledgements" '
        f'viewBox="0 0 {WIDTH} 56" width="100%" style="max-width:{WIDTH}px" aria-labelledby="chart-ack-title">'
        f'<title id="chart-ack-title">{escape(title)}</title>'
        f'<rect x="10" y="8" width="{bar}" height="22" fill="{REST_COLOUR}"></rect>'
        f'<rect x="10" y="8" width="{filled}" height="22" fill="{BAR_COLOUR}"></rect>'
        f'<text x="10" y="48" font-size="12">{escape(title)}</text></svg>'
    )
