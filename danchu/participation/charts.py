"""The statistics page's charts: server-side SVG bars with labelled axes and values, and a table
of the same figures beside each (danchu.core.charts). No script, no external asset, every label
escaped; the SVG is inline in the page, so it prints and works without JavaScript."""

from django.utils.translation import gettext as _

from danchu.core import charts
from danchu.core.vnformat import percent


def category_chart(categories):
    """Horizontal bars: published disclosures per catalog item ({code, title, count})."""
    rows = [c for c in categories if c["count"]]
    if not rows:
        return ""
    return charts.bar_chart(
        [(f"{c['code']}. {c['title']}", c["count"], None) for c in rows],
        title=_("Số nội dung công khai theo nội dung phải công khai"),
        category_label=_("Nội dung phải công khai"),
        value_label=_("Số nội dung đã công khai"),
        chart_id="chart-categories",
    )


def rate_chart(acknowledged, audience):
    """One bar: people who confirmed reading out of the people disclosed to."""
    if not audience:
        return ""
    title = _("Tỷ lệ xác nhận đã đọc: %(pct)s (%(n)s/%(total)s lượt)") % {
        "pct": percent(round(100 * acknowledged / audience, 1)),
        "n": acknowledged,
        "total": audience,
    }
    return charts.bar_chart(
        [(_("Lượt xác nhận đã đọc"), acknowledged, audience)],
        title=title,
        category_label=_("Nội dung đã công khai trong năm"),
        value_label=_("Số lượt xác nhận đã đọc / số lượt được công khai"),
        chart_id="chart-acknowledgements",
    )
