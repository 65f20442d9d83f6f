"""Hand-written SQL computing the same figures as the ORM code, the floor each benchmark is
compared with (PostgreSQL: COUNT(*) FILTER, JSONB operators)."""

from django.db import connection

KINDS = {"complaint": "complaints", "denunciation": "denunciations", "feedback": "feedback"}
CHANNELS = ["web", "paper", "reception", "phone", "email", "transferred"]


def petition_figures(org_path, start, end, as_of):
    """Every count of danchu.petitions.stats.petition_stats, in one statement, plus the reception sums."""
    received = "(p.received_on BETWEEN %(s)s AND %(e)s)"
    carried = "(p.received_on < %(s)s AND (p.finished_on IS NULL OR p.finished_on >= %(s)s))"
    of_period = f"({received} OR {carried})"
    classified = f"({of_period} AND p.classified_on <= %(e)s)"
    in_progress = f"({of_period} AND (p.finished_on IS NULL OR p.finished_on > %(e)s))"
    overdue = (
        f"({in_progress} AND (((p.accepted_on IS NULL OR p.accepted_on > %(a)s) AND p.accept_due < %(a)s)"
        " OR (p.accepted_on <= %(a)s AND p.resolve_due < %(a)s AND p.suspended_on IS NULL)))"
    )
    answered = "(p.resolved_on BETWEEN %(s)s AND %(e)s)"
    base = {
        "letters_received": received,
        "carried_over": carried,
        "eligible": f"({classified} AND p.is_eligible)",
        "not_eligible": f"({classified} AND p.outcome = 'file')",
        "transferred": f"({classified} AND p.outcome = 'transfer')",
        "guidance_sent": f"({classified} AND p.outcome = 'guidance')",
        "accepted": "(p.accepted_on BETWEEN %(s)s AND %(e)s)",
        "answered": answered,
        "resolved_on_time": f"({answered} AND p.resolved_on_time)",
        "in_progress": in_progress,
        "overdue": overdue,
    }
    columns = dict(base)
    for channel in CHANNELS:
        columns[f"channel_{channel}"] = f"({received} AND p.channel = '{channel}')"
    for kind, prefix in KINDS.items():
        for key, cond in base.items():
            name = f"{prefix}_received" if key == "letters_received" else f"{prefix}_{key}"
            columns[name] = f"({cond} AND p.kind = '{kind}')"
    rate = (
        "(p.kind IN ('complaint', 'denunciation') AND p.accepted_on IS NOT NULL"
        " AND p.resolve_due BETWEEN %(s)s AND %(e)s)"
    )
    columns["resolution_base"] = rate
    columns["resolution_resolved"] = f"({rate} AND p.resolved_on <= %(e)s)"
    select = ", ".join(f"COUNT(*) FILTER (WHERE {cond}) AS {name}" for name, cond in columns.items())
    sql = (
        f"SELECT {select} FROM petitions_petition p JOIN orgs_organization o ON o.id = p.organization_id "
        "WHERE o.path LIKE %(path)s AND p.duplicate_of_id IS NULL"
    )
    reception = (
        "SELECT COUNT(*), COALESCE(SUM(visits), 0), COALESCE(SUM(people), 0), COALESCE(SUM(matters), 0), "
        "COALESCE(SUM(answered_on_the_spot), 0) FROM petitions_receptionsession r "
        "JOIN orgs_organization o ON o.id = r.organization_id "
        "WHERE o.path LIKE %(path)s AND r.held_on BETWEEN %(s)s AND %(e)s"
    )
    params = {"s": start, "e": end, "a": as_of, "path": org_path + "%"}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        names = [c.name for c in cursor.description]
        result = dict(zip(names, row, strict=True))
        cursor.execute(reception, params)
        sessions, visits, people, matters, spot = cursor.fetchone()
    result.update(
        reception_sessions=sessions,
        reception_visits=visits,
        reception_people=people,
        reception_matters=matters,
        reception_answered_on_the_spot=spot,
    )
    return result


def consolidated_sums(request_id, codes):
    """SUM of each frozen value over the counted submissions: one GROUP BY over the JSON."""
    select = ", ".join("SUM((s.values ->> %s)::numeric)" for _ in codes)
    sql = (
        f"SELECT s.request_id, {select} FROM consolidation_submission s "
        "WHERE s.request_id = %s AND s.is_current AND s.status <> 'returned' GROUP BY s.request_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*codes, request_id])
        row = cursor.fetchone()
    return dict(zip(codes, row[1:], strict=True))
