"""The disclosure list's page as lean rows (danchu.core.leanhtml): the page's disclosures read by
id as plain values with their requirement, unit, channels and acknowledgements in one statement,
the timing rule applied to those values, and each row written as one f-string.

Before (docs/benchmarks.md), each page built 25 model instances with their requirement and
organisation, prefetched 25 channel querysets and read them twice per row (the list's channel text
and the timing check), and the template resolved a dozen variables and tags per row."""

import datetime
import functools
import uuid
from types import SimpleNamespace

from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from danchu.core import vnformat
from danchu.core.leanhtml import esc
from danchu.legal.models import Requirement
from danchu.orgs.models import Organization, Person

from .models import (
    Channel,
    Disclosure,
    DisclosureChannel,
    DisclosureKind,
    DisclosureRecipient,
    DisclosureStatus,
)
from .rules import disclosure_timing

# The columns of one row, in the order of _row_sql's select list; then the channels, the readers,
# whether the user has not read it yet and the list's count.
COLUMNS = (
    *("pk", "uuid", "reference", "title", "kind", "status", "framework", "special_case", "item_count"),
    *("decided_on", "published_on", "due_on", "posted_from", "posted_to", "audience_size", "internal_site"),
    *("organization_id", "organization__name", "organization__short_name", "organization__has_internal_site"),
    *("requirement__code", "requirement__title"),
)
DATES = ("decided_on", "published_on", "due_on", "posted_from", "posted_to")


@functools.lru_cache(maxsize=1024)
def _requirement_cell(code, title, language):
    """The escaped "code. title" of a requirement, its title cut at 60 characters as the template's
    `truncatechars` did. The catalog is small and fixed: cut once per process and language, not
    on every row (Truncator walks the text character by character)."""
    return esc(f"{code}. {Truncator(title).chars(60)}")


def _channels_sql(ch, d):
    """The disclosure's channels as one comma-separated text (channel values are identifiers), in
    the order they were recorded: one value per row instead of one joined row per channel."""
    if connection.vendor == "postgresql":
        return f"(SELECT string_agg(c.channel, ',' ORDER BY c.id) FROM {ch} c WHERE c.disclosure_id = {d}.id)"
    # SQLite before 3.44 has no ORDER BY inside an aggregate: the ordered rows come from a subquery.
    return (
        f"(SELECT group_concat(x.channel, ',') FROM (SELECT c.channel FROM {ch} c "
        f"WHERE c.disclosure_id = {d}.id ORDER BY c.id) x)"
    )


def _table():
    """The disclosures' table, quoted: the row statements keep its name (no alias), so an ORDER BY
    the ORM wrote for it applies to them."""
    return connection.ops.quote_name(Disclosure._meta.db_table)


def _row_sql(source, count, where=""):
    """The statement reading the rows of COLUMNS, their channels, readers and the user's unread
    (the first parameter: the user's id) from `source` (the disclosures' table, or what is joined
    to it), then `count`."""
    q = connection.ops.quote_name
    d, o, r = _table(), q(Organization._meta.db_table), q(Requirement._meta.db_table)
    ch, rec, person = (
        q(DisclosureChannel._meta.db_table),
        q(DisclosureRecipient._meta.db_table),
        q(Person._meta.db_table),
    )
    # The uuid as text on PostgreSQL (SQLite stores it as text already): the page only writes it
    # into a link.
    uuid_column = f"{d}.uuid::text" if connection.vendor == "postgresql" else f"{d}.uuid"
    return (
        f"SELECT {d}.id, {uuid_column}, {d}.reference, {d}.title, {d}.kind, {d}.status, {d}.framework, "
        f"{d}.special_case, {d}.item_count, {d}.decided_on, {d}.published_on, {d}.due_on, {d}.posted_from, "
        f"{d}.posted_to, {d}.audience_size, {d}.internal_site, {d}.organization_id, o.name, o.short_name, "
        f"o.has_internal_site, r.code, r.title, {_channels_sql(ch, d)}, "
        f"(SELECT COUNT(*) FROM {rec} x WHERE x.disclosure_id = {d}.id AND x.acknowledged_at IS NOT NULL), "
        f"(SELECT COUNT(*) FROM {rec} x INNER JOIN {person} p ON p.id = x.person_id "
        f"WHERE x.disclosure_id = {d}.id AND p.user_id = %s AND x.acknowledged_at IS NULL), {count} "
        f"FROM {source} INNER JOIN {o} o ON o.id = {d}.organization_id "
        f"INNER JOIN {r} r ON r.id = {d}.requirement_id{where}"
    )


def _decode(fetched):
    """The fetched rows as (dict of COLUMNS with channels, n_read, n_mine_unread; the count)."""
    width = len(COLUMNS)
    rows = []
    for values in fetched:
        row = dict(zip(COLUMNS, values[:width], strict=True))
        channels, row["n_read"], row["n_mine_unread"], count = values[width:]
        row["channels"] = channels.split(",") if channels else []
        if connection.vendor != "postgresql":
            # The raw cursor of SQLite gives dates as text, booleans as 0/1 and UUIDs as 32 hex digits.
            for name in DATES:
                if isinstance(row[name], str):
                    row[name] = datetime.date.fromisoformat(row[name])
            for name in ("special_case", "internal_site", "organization__has_internal_site"):
                if row[name] is not None:
                    row[name] = bool(row[name])
            row["uuid"] = str(uuid.UUID(str(row["uuid"])))
        rows.append((row, count))
    return rows


def read_rows(ids, user_id):
    """The disclosures `ids`, in that order, as dicts of COLUMNS, each with its channels (in the
    order they were recorded), `n_read` and `n_mine_unread` (for `user_id`): one statement, written
    out like listcache.subtree_state, one row per disclosure; `uuid` is the canonical text of the
    disclosure's UUID. The list reads its page through page_reader() instead; this serves a page
    given as keys (core.paginator.CappedPaginator)."""
    if not ids:
        return []
    d = _table()
    where = f" WHERE {d}.id IN ({', '.join(['%s'] * len(ids))})"
    with connection.cursor() as cursor:
        cursor.execute(_row_sql(d, "NULL", where=where), [user_id or 0, *ids])
        by_id = {row["pk"]: row for row, _count in _decode(cursor.fetchall())}
    return [by_id[pk] for pk in ids if pk in by_id]


def page_reader(user):
    """For core.paginator.CappedRowsPaginator(read=…): the page's disclosures as read_rows() gives
    them, read with the page's keys and its count in one statement (the page's statement joined to
    the disclosures, their unit and requirement): the list then costs one round trip to the
    database for its page, not three (docs/benchmarks.md)."""
    user_id = getattr(user, "pk", None) or 0

    def read(sql, params, order):
        d = _table()
        statement = _row_sql(f"({sql}) page INNER JOIN {d} ON {d}.id = page.pk", "page.capped_count")
        with connection.cursor() as cursor:
            cursor.execute(f"{statement} ORDER BY {order}", [user_id, *params])
            return _decode(cursor.fetchall())

    return read


@functools.lru_cache(maxsize=16)
def _row_labels(language):
    """The rows' labels (kinds, statuses, channels) and fixed words in `language`, escaped:
    translated once per process and language, not on every page (the catalog does not change
    while it runs)."""
    del language  # the key: translated in the active language
    return (
        {value: esc(label) for value, label in DisclosureKind.choices},
        {value: esc(label) for value, label in DisclosureStatus.choices},
        {value: esc(label) for value, label in Channel.choices},
        (esc(_("nội dung")), esc(_("chưa đọc")), esc(_("Đúng hạn"))),
    )


@functools.lru_cache(maxsize=1024)
def _badges(messages):
    """The escaped badges of a disclosure's timing messages: the same few texts on many rows."""
    return "".join(f'<span class="badge bad">{esc(m)}</span> ' for m in messages)


def disclosure_rows(rows, org, user, oversee, today=None):
    """The `<tr>` of each disclosure of the page, or the one row saying there is none. `rows`: the
    page as page_reader() reads it, or its keys (then read here, one query: read_rows)."""
    rows = list(rows)
    if rows and not isinstance(rows[0], dict):
        rows = read_rows(rows, getattr(user, "pk", None))
    if not rows:
        return mark_safe(
            f'<tr><td colspan="6" class="muted">{esc(_("Chưa có nội dung công khai nào."))}</td></tr>'
        )
    today = today or timezone.localdate()  # once per page, not once per row
    zero = "00000000-0000-0000-0000-000000000000"
    detail_url = reverse("participation:disclosure", args=[zero])
    language = get_language()
    kinds, statuses, channel_labels, (items_word, unread_word, on_time) = _row_labels(language)
    out = []
    for r in rows:
        mine = r["channels"]
        unit = (
            ""
            if r["organization_id"] == org.pk
            else (r["organization__short_name"] or r["organization__name"])
        )
        published = vnformat.short_date(r["published_on"]) if r["published_on"] else ""
        if not published:
            timing = "—"
        else:
            # The same rule as Disclosure.timing(), given the row's values and channels.
            messages = disclosure_timing(
                SimpleNamespace(**r), today=today, channels=mine, language=language
            ).messages
            timing = _badges(tuple(messages)) if messages else f'<span class="badge ok">{on_time}</span>'
        requirement = _requirement_cell(r["requirement__code"], r["requirement__title"], language)
        unit_html = f'<br><span class="muted">{esc(unit)}</span>' if oversee and unit else ""
        badges = f' <span class="badge">{r["item_count"]} {items_word}</span>' if r["item_count"] else ""
        if r["n_mine_unread"]:
            badges += f' <span class="badge warn">{unread_word}</span>'
        if published:
            published_cell = published  # digits and slashes (vnformat.short_date)
        else:
            published_cell = f'<span class="badge">{statuses.get(r["status"]) or esc(r["status"])}</span>'
        kind = kinds.get(r["kind"]) or esc(r["kind"])
        channel_text = ", ".join(channel_labels.get(c) or esc(c) for c in mine)
        out.append(
            f"<tr>\n<td>{esc(r['reference'])}{unit_html}</td>\n"
            f'<td><a href="{detail_url.replace(zero, r["uuid"])}">{esc(r["title"])}</a>{badges}'
            f'<br><span class="muted">{kind} · {channel_text}</span></td>\n'
            f"<td>{requirement}</td>\n<td>{published_cell}</td>\n<td>{timing}</td>\n"
            f'<td class="num">{r["n_read"]}/{r["audience_size"]}</td>\n</tr>'
        )
    return mark_safe("".join(out))


@functools.lru_cache(maxsize=16)
def _texts(language):
    """The body's fixed texts and links, translated and escaped once per process and language."""
    del language  # the key: translated in the active language
    labels = {
        "title_oversee": _("Nội dung công khai"),
        "title_mine": _("Nội dung được công khai đến bạn"),
        "create": _("Công khai nội dung mới"),
        "export": _("Xuất Excel"),
        "compliance": _("Tuân thủ theo danh mục"),
        "stats": _("Thống kê"),
        "q": _("Tìm"),
        "kind": _("Hình thức"),
        "all": _("Tất cả"),
        "year": _("Năm"),
        "filter": _("Lọc"),
        "unread": _("Tôi chưa đọc"),
        "late": _("Công khai chậm"),
        "th_reference": _("Số hiệu"),
        "th_title": _("Tiêu đề"),
        "th_requirement": _("Nội dung theo quy định"),
        "th_published": _("Ngày công khai"),
        "th_timing": _("Thời hạn"),
        "th_read": _("Đã đọc"),
    }
    t = {key: esc(text) for key, text in labels.items()}
    tabs = (
        ("participation:disclosures", _("Công khai")),
        ("participation:consultations", _("Lấy ý kiến")),
        ("participation:votes", _("Biểu quyết")),
        ("participation:conferences", _("Hội nghị")),
        ("participation:recommendations", _("Kiến nghị")),
    )
    # participation/_tabs.html, as {% include %} writes it
    t["tabs"] = (
        '<p class="toolbar">\n'
        + "".join(
            f'<a class="btn secondary" href="{esc(reverse(name))}">{esc(label)}</a>\n' for name, label in tabs
        )
        + "</p>\n"
    )
    for name in ("disclosure_create", "compliance", "stats"):
        t[f"url_{name}"] = esc(reverse(f"participation:{name}"))
    return t


def disclosure_body(*, page_obj, rows, manage, oversee, q, year, only, kind_options, query):
    """The list below the menu (heading, tabs, filters, table, pages): the markup the template
    participation/_disclosure_list.html wrote, `query` the query string without `page`."""
    from danchu.core.leanhtml import pagination

    t = _texts(get_language())
    toolbar = ""
    if oversee:
        create = f'<a class="btn" href="{t["url_disclosure_create"]}">{t["create"]}</a>' if manage else ""
        toolbar = (
            f'<p class="toolbar">{create}\n'
            f'<a class="btn secondary" href="?{esc(query)}&format=xlsx">{t["export"]}</a>\n'
            f'<a class="btn secondary" href="{t["url_compliance"]}">{t["compliance"]}</a>\n'
            f'<a class="btn secondary" href="{t["url_stats"]}">{t["stats"]}</a></p>'
        )
    unread = " selected" if only == "unread" else ""
    late = " selected" if only == "late" else ""
    return mark_safe(
        f"<h1>{t['title_oversee'] if oversee else t['title_mine']}</h1>\n{t['tabs']}\n{toolbar}\n"
        '<form class="filters" method="get">\n'
        f'  <label>{t["q"]}<input type="search" name="q" value="{esc(q)}"></label>\n'
        f'  <label>{t["kind"]}<select name="kind"><option value="">{t["all"]}</option>{kind_options}</select></label>\n'
        f'  <label>{t["year"]}<input type="number" name="year" value="{esc(year)}" min="2000" max="2100"></label>\n'
        f'  <label>{t["filter"]}<select name="only"><option value="">{t["all"]}</option>'
        f'<option value="unread"{unread}>{t["unread"]}</option><option value="late"{late}>{t["late"]}</option>'
        "</select></label>\n"
        f'  <button class="btn" type="submit">{t["filter"]}</button>\n</form>\n'
        f'<table class="list responsive"><thead><tr><th>{t["th_reference"]}</th><th>{t["th_title"]}</th>'
        f"<th>{t['th_requirement']}</th><th>{t['th_published']}</th><th>{t['th_timing']}</th>"
        f'<th class="num">{t["th_read"]}</th></tr></thead>\n'
        f"<tbody>{rows}</tbody></table>\n{pagination(page_obj, query)}\n"
    )
