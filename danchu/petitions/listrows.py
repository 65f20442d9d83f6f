"""The worklist's rows as HTML (danchu.core.leanhtml): one f-string per letter from the values
the view read, instead of about a dozen template variables and tags per row."""

import json
from functools import lru_cache

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from danchu.core import vnformat
from danchu.core.leanhtml import esc, options, pagination

from .models import OPEN_STATUSES, Kind, Petition, Status


def _handlers_where(org_ids):
    """The condition "handles a letter in `org_ids`" on the users `u`, and its parameters: one probe
    of the handler index per user (EXISTS) rather than a DISTINCT over the users joined to every
    letter; written out because compiling the ORM's Exists() subquery cost 1.2 ms of CPU per view
    against 0.3 ms for running it (docs/benchmarks.md)."""
    letters = Petition._meta.db_table
    if connection.vendor == "postgresql":
        return (
            f"EXISTS (SELECT 1 FROM {letters} h WHERE h.handler_id = u.id AND h.organization_id = ANY(%s))",
            [list(org_ids)],
        )
    marks = ", ".join(["%s"] * len(org_ids)) or "NULL"  # SQLite (tests, demo): no arrays
    return (
        f"EXISTS (SELECT 1 FROM {letters} h WHERE h.handler_id = u.id AND h.organization_id IN ({marks}))",
        list(org_ids),
    )


def _name(first, last, username):
    return f"{first} {last}".strip() or username  # User.get_full_name, else the username (as |default)


def handlers_column(org_ids):
    """[(user id, name)] of everyone who handles a letter in the organisations `org_ids`, for the
    handler filter, ordered by last and first name, as one JSON text: (sql, params) of a scalar
    query, which the worklist's page statement carries (core.paginator.CappedRowsPaginator(extra=…))
    so the page, its count and these choices take one round trip. handlers_from() reads it."""
    users = get_user_model()._meta.db_table
    where, params = _handlers_where(org_ids)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT COALESCE(json_agg(json_build_array(u.id, u.first_name, u.last_name, u.username) "
            f"ORDER BY u.last_name, u.first_name, u.id), '[]')::text FROM {users} u WHERE {where}"
        )
    else:  # SQLite: json_group_array keeps the order of the ordered rows it is given
        sql = (
            "SELECT json_group_array(json_array(u.id, u.first_name, u.last_name, u.username)) FROM "
            f"(SELECT u.* FROM {users} u WHERE {where} ORDER BY u.last_name, u.first_name, u.id) u"
        )
    return sql, params


def handlers_from(value):
    """[(user id, name)] from the JSON text of handlers_column()."""
    return [(pk, _name(first, last, username)) for pk, first, last, username in json.loads(value)]


def subtree_handlers(org_ids):
    """handlers_column()'s choices read on their own (a page with no letter to carry them)."""
    with connection.cursor() as cursor:
        cursor.execute(*handlers_column(org_ids))
        return handlers_from(cursor.fetchone()[0])


@lru_cache(maxsize=16)
def _labels(language):
    """{kind: label}, {status: label} in `language`, escaped: translated once per process rather
    than for every row and option of every page."""
    del language  # the key: the labels are translated in the active language
    return (
        {value: esc(label) for value, label in Kind.choices},
        {value: esc(label) for value, label in Status.choices},
    )


@lru_cache(maxsize=512)
def _fixed_options(language, name, selected, this_year):
    del language  # the key, as in _labels
    if name == "year":
        return options([(y, y) for y in range(this_year, 2014, -1)], selected)
    return options((Kind if name == "kind" else Status).choices, selected)


def fixed_options(name, selected, today):
    """The `<option>`s of the kind, status or year filter with `selected` (a validated value)
    marked; the same few strings on every page, so each is written once."""
    return _fixed_options(get_language(), name, selected, today.year)


def handler_names(handlers, rows):
    """{user id: name} of the handlers of `rows`, from `handlers` (handlers_column, read in the
    page's statement, or by subtree_handlers for an empty page) and, for a handler missing
    from it (an account deleted, or a letter given between two reads), from the users' table."""
    names = dict(handlers)
    missing = {r["handler_id"] for r in rows} - names.keys() - {None}
    if missing:
        for pk, first, last, username in (
            get_user_model()
            .objects.filter(pk__in=missing)
            .values_list("pk", "first_name", "last_name", "username")
        ):
            names[pk] = _name(first, last, username)
    return names


def worklist_rows(rows, org, today, soon, detail_url, zero, *, units, handlers):
    """The `<tr>` of each letter (`rows` from `.values()` in views.lists._worklist_body), or the
    one row saying that none matched; `units` {organisation id: name} (listcache.Subtree.units),
    `handlers` {user id: name} (handler_names). What repeats from row to row (labels, agencies,
    handlers) is escaped once per page; dates are digits and slashes (vnformat.short_date)."""
    if not rows:
        return mark_safe(f'<tr><td colspan="7" class="muted">{esc(_("Không có đơn nào phù hợp."))}</td></tr>')
    overdue_badge = f' <span class="badge bad">{esc(_("Quá hạn"))}</span>'
    soon_badge = f' <span class="badge warn">{esc(_("Sắp đến hạn"))}</span>'
    unassigned = f'<span class="muted">{esc(_("Chưa giao"))}</span>'
    kinds, statuses = _labels(get_language())
    handler_cells, unit_cells = {None: unassigned}, {org.pk: ""}
    short_date = vnformat.short_date
    head, tail = detail_url.split(zero)
    out = []
    for r in rows:
        is_open = r["status"] in OPEN_STATUSES
        due = r["next_due"]
        overdue = is_open and due is not None and due < today
        due_soon = is_open and due is not None and today <= due <= soon
        handler = handler_cells.get(r["handler_id"])
        if handler is None:
            # .get: a handler whose account was deleted after the rows were read has no name left
            handler = handler_cells[r["handler_id"]] = esc(handlers.get(r["handler_id"], ""))
        unit = unit_cells.get(r["organization_id"])
        if unit is None:
            name = units[r["organization_id"]]
            unit = unit_cells[r["organization_id"]] = (
                f'<br><small class="muted">{esc(name)}</small>' if name else ""
            )
        if due:
            due_cell = short_date(due) + (overdue_badge if overdue else soon_badge if due_soon else "")
        else:
            due_cell = "—"
        kind, status = r["kind"], r["status"]
        out.append(
            f'\n<tr class="{"overdue" if overdue else "due-soon" if due_soon else ""}">\n'
            f'  <td><a href="{head}{r["uuid"]}{tail}">{esc(r["reference"])}</a>{unit}</td>\n'
            f"  <td>{kinds.get(kind) or esc(kind)}</td><td>{short_date(r['received_on'])}</td>"
            f"<td>{esc(r['subject'])}</td>\n"
            f"  <td>{statuses.get(status) or esc(status)}</td><td>{handler}</td>\n"
            f"  <td>{due_cell}</td>\n</tr>"
        )
    return mark_safe("".join(out))


@lru_cache(maxsize=16)
def _texts(language):
    """The worklist's fixed texts in `language`, translated and escaped once per process."""
    del language  # the key: the texts are translated in the active language
    return {
        key: esc(text)
        for key, text in {
            "title": _("Đơn thư"),
            "register": _("Tiếp nhận đơn"),
            "export": _("Xuất Excel"),
            "q": _("Tìm (số đơn, nội dung, mã tra cứu)"),
            "kind": _("Loại đơn"),
            "all": _("Tất cả"),
            "status": _("Trạng thái"),
            "open": _("Đang xử lý"),
            "handler": _("Người xử lý"),
            "unassigned": _("Chưa giao"),
            "due": _("Thời hạn"),
            "overdue": _("Quá hạn"),
            "soon_filter": _("Sắp đến hạn (≤ 3 ngày làm việc)"),
            "year": _("Năm nhận"),
            "filter": _("Lọc"),
            "order": _("Sắp xếp theo hạn gần nhất."),
            "soon": _("Sắp đến hạn"),
            "th_reference": _("Số đơn"),
            "th_kind": _("Loại"),
            "th_received": _("Ngày nhận"),
            "th_subject": _("Nội dung tóm tắt"),
            "th_handler": _("Người xử lý"),
            "th_due": _("Hạn gần nhất"),
        }.items()
    }


def worklist_body(*, page_obj, rows, f, options, query, register_url, export_url):
    """The worklist below the menu (filters, count, table, pages), the markup its template had:
    `options` the dropdowns' `<option>`s by filter, `query` the query string without `page`."""
    t = _texts(get_language())
    paginator = page_obj.paginator

    def sel(name, value):
        return " selected" if f[name] == value else ""

    if paginator.exact:
        count = ngettext("%(n)s đơn", "%(n)s đơn", paginator.count) % {"n": paginator.count}
    else:
        count = _("Hơn %(n)s đơn") % {"n": paginator.count_at_least}
    register = f'<a class="btn" href="{register_url}">{t["register"]}</a>' if register_url else ""
    all_ = f'<option value="">{t["all"]}</option>'
    return mark_safe(
        f'<div class="toolbar"><h1>{t["title"]}</h1><span class="spacer"></span>\n{register}\n'
        f'<a class="btn secondary" href="{export_url}?{esc(query)}">{t["export"]}</a></div>\n'
        '<form class="filters" method="get">\n'
        f'  <label>{t["q"]}<input type="search" name="q" value="{esc(f["q"])}"></label>\n'
        f'  <label>{t["kind"]}<select name="kind">{all_}{options["kind"]}</select></label>\n'
        f'  <label>{t["status"]}<select name="status">{all_}<option value="open"{sel("status", "open")}>'
        f"{t['open']}</option>{options['status']}</select></label>\n"
        f'  <label>{t["handler"]}<select name="handler">{all_}<option value="none"{sel("handler", "none")}>'
        f"{t['unassigned']}</option>{options['handler']}</select></label>\n"
        f'  <label>{t["due"]}<select name="due">{all_}<option value="overdue"{sel("due", "overdue")}>'
        f'{t["overdue"]}</option><option value="soon"{sel("due", "soon")}>{t["soon_filter"]}</option>'
        "</select></label>\n"
        f'  <label>{t["year"]}<select name="year">{all_}{options["year"]}</select></label>\n'
        f'  <button class="btn" type="submit">{t["filter"]}</button>\n</form>\n'
        f'<p class="muted">{count} · {t["order"]} <span class="badge bad">{t["overdue"]}</span> '
        f'<span class="badge warn">{t["soon"]}</span></p>\n'
        '<table class="list responsive" id="worklist"><thead><tr>\n'
        f"  <th>{t['th_reference']}</th><th>{t['th_kind']}</th><th>{t['th_received']}</th>"
        f"<th>{t['th_subject']}</th><th>{t['status']}</th><th>{t['th_handler']}</th>"
        f"<th>{t['th_due']}</th></tr></thead>\n"
        f"<tbody>{rows}</tbody></table>\n{pagination(page_obj, query)}\n"
    )
