"""A paginator whose count stays cheap on large lists.

Django's Paginator runs `COUNT(*)` over the whole filtered list on every page: at 100,000 letters
that alone costs tens of milliseconds per request. `CappedPaginator` counts at most `cap` rows
past the start of the requested page (`SELECT COUNT(*) FROM (… LIMIT cap + 1)`): below the cap
the count is exact, as before; above it the page says "more than N" (`exact` is False,
`count_at_least` is N) and every page, however deep, stays reachable with its number.
"""

import functools

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

COUNT_CAP = 2_000
MAX_PAGE = 1_000_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap=None, counted=None, **kwargs):
        """`counted`: the same rows as a queryset without the joins `object_list` reads its
        columns through (the count then reads the letters' table only)."""
        super().__init__(object_list, per_page, **kwargs)
        self.counted = counted
        self.cap = cap if cap is not None else COUNT_CAP
        self.exact = True
        self._start = 0

    def get_page(self, number):
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        if wanted > MAX_PAGE:  # 10**20 would overflow the database's OFFSET
            wanted = number = MAX_PAGE
        self._start = (wanted - 1) * self.per_page if wanted > 1 else 0
        return super().get_page(number)

    def _rows_from(self, start):
        # No ORDER BY, no joined columns: only whether the rows exist matters here.
        rows = (self.object_list if self.counted is None else self.counted).order_by().values("pk")
        rows = rows[start : start + self.cap + 1]
        # The count written around the compiled rows: QuerySet.count() on a slice builds the
        # same statement through an aggregate query whose compiling cost more than running it.
        try:
            sql, params = rows.query.get_compiler(rows.db).as_sql()
        except EmptyResultSet:
            return 0
        with connections[rows.db].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", params)
            return cursor.fetchone()[0]

    @cached_property
    def count(self):
        rows = self._rows_from(self._start)
        if rows == 0 and self._start:
            # Past the end: count from the start, get_page then shows the last page.
            self._start = 0
            rows = self._rows_from(0)
        self.exact = rows <= self.cap
        return self._start + rows

    @property
    def count_at_least(self):
        """With an inexact count: the number of rows known to exist (there are more)."""
        return self.count - 1

    @property
    def pages_at_least(self):
        return self.num_pages - 1


@functools.lru_cache(maxsize=64)
def _order_clause(model, order_by, alias):
    """The ORDER BY text the ORM writes for `model`'s primary keys in `order_by` (a tuple of the
    query's ordering), compiled once per process: "" when that ordering reaches another table."""
    rows = model._base_manager.using(alias).order_by(*order_by).values_list("pk", flat=True)
    sql, params = rows.query.get_compiler(alias).as_sql()
    head, found, order = sql.rpartition(" ORDER BY ")
    if not found or params or " JOIN " in head:
        return ""
    return order


class CappedIdPaginator(CappedPaginator):
    """A CappedPaginator over the primary keys of an ordered queryset, reading the requested page's
    keys and its capped count in one statement.

    The ORM compiles the filtered rows once (for these lists compiling a query cost the process
    more than running it, docs/benchmarks.md); the page's statement is written around them, the
    ORDER BY the ORM writes for the ordering, and the capped count as a scalar subquery of it:
    `SELECT pk, (SELECT COUNT(*) FROM (… LIMIT cap + 1 OFFSET start)) FROM … ORDER BY … LIMIT
    per_page OFFSET start`. Past the end, or where the rows are not one plain column of the model's
    table, it counts and slices as CappedPaginator does. `page.object_list` is a list of keys."""

    def __init__(self, queryset, per_page, **kwargs):
        super().__init__(queryset.values_list("pk", flat=True), per_page, **kwargs)
        self.queryset = queryset
        self._ids = None

    def statement(self, start):
        """The one statement (sql, params) reading the page from `start` and the capped count from
        `start`; None when it cannot be written for this queryset, () when no row can match."""
        query = self.queryset.query
        if not query.order_by or query.distinct or query.combinator or query.is_sliced:
            return None
        alias = self.queryset.db
        order = _order_clause(self.queryset.model, tuple(query.order_by), alias)
        rows = self.queryset.order_by().values_list("pk", flat=True)
        try:
            sql, params = rows.query.get_compiler(alias).as_sql()
        except EmptyResultSet:
            return ()
        select, found, rest = sql.partition(" FROM ")
        if not order or not found or not select.startswith("SELECT ") or "," in select or "(" in select:
            return None
        count = f"SELECT COUNT(*) FROM ({sql} LIMIT %s OFFSET %s) counted"
        return (
            f"{select}, ({count}) FROM {rest} ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, self.cap + 1, start, *params, self.per_page, start],
        )

    def _page_and_count(self, start):
        """(the page's keys from `start`, the capped count from `start`), or None where
        CappedPaginator's own count must serve (no one statement; past the end)."""
        statement = self.statement(start)
        if statement is None:
            return None
        if not statement:
            return [], 0
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(*statement)
            fetched = cursor.fetchall()
        if not fetched:
            return None if start else ([], 0)
        return [pk for pk, _count in fetched], fetched[0][1]

    @cached_property
    def count(self):
        found = self._page_and_count(self._start)
        if found is None:
            return CappedPaginator.count.func(self)
        self._ids, rows = found
        self.exact = rows <= self.cap
        return self._start + rows

    def page(self, number):
        number = self.validate_number(number)
        if self._ids is not None and (number - 1) * self.per_page == self._start:
            return self._get_page(self._ids, number, self)
        return super().page(number)
