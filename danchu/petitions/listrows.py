"""The worklist's rows as HTML (danchu.core.leanhtml): one f-string per letter from the values
the view read, instead of about a dozen template variables and tags per row."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from danchu.core import vnformat
from danchu.core.leanhtml import esc

from .models import OPEN_STATUSES, Petition


def subtree_handlers(org_ids):
    """[(user id, name)] of everyone who handles a letter in the organisations `org_ids`, for the
    handler filter, ordered by last and first name.

    One probe of the handler index per user (EXISTS) rather than a DISTINCT over the users joined
    to every letter; written out because compiling the ORM's Exists() subquery cost 1.2 ms of CPU
    per view against 0.3 ms for running it (docs/benchmarks.md)."""
    users, letters = get_user_model()._meta.db_table, Petition._meta.db_table
    sql = (
        f"SELECT u.id, u.first_name, u.last_name, u.username FROM {users} u WHERE EXISTS "
        f"(SELECT 1 FROM {letters} p WHERE p.handler_id = u.id AND p.organization_id = ANY(%s)) "
        "ORDER BY u.last_name, u.first_name, u.id"
    )
    if connection.vendor != "postgresql":  # SQLite (tests, demo): no arrays
        marks = ", ".join(["%s"] * len(org_ids)) or "NULL"
        sql = sql.replace("= ANY(%s)", f"IN ({marks})")
        params = list(org_ids)
    else:
        params = [list(org_ids)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # User.get_full_name, else the username (as the template's |default did).
        return [
            (pk, f"{first} {last}".strip() or username) for pk, first, last, username in cursor.fetchall()
        ]


def worklist_rows(rows, org, today, soon, detail_url, zero, kind_labels, status_labels):
    """The `<tr>` of each letter (`rows` from `.values()` in views._worklist_body), or the one
    row saying that none matched."""
    if not rows:
        return mark_safe(f'<tr><td colspan="7" class="muted">{esc(_("Không có đơn nào phù hợp."))}</td></tr>')
    overdue_badge = f' <span class="badge bad">{esc(_("Quá hạn"))}</span>'
    soon_badge = f' <span class="badge warn">{esc(_("Sắp đến hạn"))}</span>'
    unassigned = f'<span class="muted">{esc(_("Chưa giao"))}</span>'
    short_date = vnformat.short_date
    out = []
    for r in rows:
        is_open = r["status"] in OPEN_STATUSES
        due = r["next_due"]
        overdue = is_open and due is not None and due < today
        due_soon = is_open and due is not None and today <= due <= soon
        handler = ""
        if r["handler_id"]:
            full = f"{r['handler__first_name']} {r['handler__last_name']}".strip()  # User.get_full_name
            handler = full or r["handler__username"]
        unit = (
            ""
            if r["organization_id"] == org.pk
            else (r["organization__short_name"] or r["organization__name"])
        )
        if due:
            due_cell = esc(short_date(due)) + (overdue_badge if overdue else soon_badge if due_soon else "")
        else:
            due_cell = "—"
        out.append(
            f'\n<tr class="{"overdue" if overdue else "due-soon" if due_soon else ""}">\n'
            f'  <td><a href="{detail_url.replace(zero, str(r["uuid"]))}">{esc(r["reference"])}</a>'
            f"{f'<br><small class="muted">{esc(unit)}</small>' if unit else ''}</td>\n"
            f"  <td>{esc(kind_labels.get(r['kind'], r['kind']))}</td><td>{esc(short_date(r['received_on']))}</td>"
            f"<td>{esc(r['subject'])}</td>\n"
            f"  <td>{esc(status_labels.get(r['status'], r['status']))}</td>"
            f"<td>{esc(handler) if handler else unassigned}</td>\n"
            f"  <td>{due_cell}</td>\n</tr>"
        )
    return mark_safe("".join(out))
