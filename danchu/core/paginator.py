"""A paginator whose count stays cheap on large lists.

Django's Paginator runs `COUNT(*)` over the whole filtered list on every page: at 100,000 letters
that alone costs tens of milliseconds per request. `CappedPaginator` counts at most `cap` rows
past the start of the requested page (`SELECT COUNT(*) FROM (… LIMIT cap + 1)`): below the cap
the count is exact, as before; above it the page says "more than N" (`exact` is False,
`count_at_least` is N) and every page, however deep, stays reachable with its number.
"""

import functools

from django.core.exceptions import EmptyResultSet, FieldError
from django.core.paginator import Paginator
from django.db import connections
from django.db.models.query import FlatValuesListIterable, ValuesIterable, ValuesListIterable
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
def _order_clause(model, order_by, fields, alias):
    """The ORDER BY text the ORM writes for `model`'s rows as values(*fields) in `order_by` (a
    tuple of the query's ordering), compiled once per process: "" when that ordering reaches
    another table or is not one the bare model can compile (an annotation)."""
    try:
        rows = model._base_manager.using(alias).order_by(*order_by).values(*fields)
        sql, params = rows.query.get_compiler(alias).as_sql()
    except (FieldError, EmptyResultSet):
        return ""
    head, found, order = sql.rpartition(" ORDER BY ")
    if not found or params or " JOIN " in head:
        return ""
    return order


class CappedRowsPaginator(CappedPaginator):
    """A CappedPaginator over an ordered `values()` or `values_list()` queryset of a model's own
    columns, reading the requested page's rows and its capped count in one statement.

    The ORM compiles the filtered rows once (for the busy lists compiling a query cost the process
    more than running it, and each statement a round trip, docs/benchmarks.md); the page's
    statement is written around them, with the ORDER BY the ORM writes for that ordering and the
    capped count as a scalar subquery: `SELECT cols, (SELECT COUNT(*) FROM (SELECT 1 FROM … LIMIT
    cap + 1 OFFSET start)) AS capped_count FROM … ORDER BY … LIMIT per_page OFFSET start`. The
    count reads no column, so the database can count from an index alone. The rows are what the
    queryset gives (dicts, tuples or single values), through the same converters.

    `read(sql, params, order)`, when given, runs the page's statement itself and returns the page's
    rows, each a (row, count) pair: a list that reads more for each row than its own columns writes
    one statement around the page's (`FROM (sql) page`, `page.capped_count`), ordered by `order`,
    the ORDER BY text of the rows' table, whose first column must be the rows' first.

    `extra` (sql, params), when given, is one more scalar subquery the page needs besides its rows
    (the choices of a filter): it becomes the statement's last column, and its value `extra_value`
    (None when the page had no row to carry it).

    Where the rows are not plain columns it counts and slices as CappedPaginator does."""

    def __init__(self, rows, per_page, *, read=None, extra=None, **kwargs):
        super().__init__(rows, per_page, **kwargs)
        if read is not None and extra is not None:
            raise ValueError("extra is read by the paginator's own reading: a `read` writes its own columns")
        self.read = read
        self.extra = extra
        self.extra_value = None
        self._rows = None
        self._one = None  # whether the one statement can be written for these rows

    def _compiled(self, start):
        """(the compiler, the one statement, its params, the ORDER BY text), None when it cannot be
        written for these rows, () when no row can match."""
        rows = self.object_list
        query = rows.query
        if (
            rows._iterable_class not in (ValuesIterable, ValuesListIterable, FlatValuesListIterable)
            or not query.order_by
            or query.distinct
            or query.combinator
            or query.is_sliced
        ):
            return None
        alias = rows.db
        order = _order_clause(rows.model, tuple(query.order_by), tuple(rows._fields), alias)
        if not order:
            return None
        compiler = rows.order_by().query.get_compiler(alias)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return ()
        select, found, rest = sql.partition(" FROM ")
        if not found or not select.startswith("SELECT ") or "(" in select:
            return None
        # LIMIT and OFFSET are written as numbers, as the ORM writes a slice: bound as parameters,
        # they left PostgreSQL unable to judge a prepared statement's generic plan, so it planned
        # the page's statement afresh on every request (a third of its cost, docs/benchmarks.md).
        cap, start, size = int(self.cap) + 1, int(start), int(self.per_page)
        count = f"SELECT COUNT(*) FROM (SELECT 1 FROM {rest} LIMIT {cap} OFFSET {start}) counted"
        extra_sql, extra_params = (f", ({self.extra[0]}) AS extra", self.extra[1]) if self.extra else ("", [])
        return (
            compiler,
            f"{select}, ({count}) AS capped_count{extra_sql} FROM {rest} ORDER BY {order} LIMIT {size} OFFSET {start}",
            [*params, *extra_params, *params],
            order,
        )

    def statement(self, start):
        """The one statement (sql, params) for the page from `start`, None when there is none."""
        compiled = self._compiled(start)
        return compiled[1:3] if compiled else None

    def _page_and_count(self, start):
        """(the page's rows from `start`, the capped count from `start`, None when no row is there),
        or None when the one statement cannot be written."""
        compiled = self._compiled(start)
        self._one = compiled is not None
        if compiled is None:
            return None
        if not compiled:
            return [], 0
        compiler, sql, params, order = compiled
        if self.read is not None:
            fetched = self.read(sql, params, order)
            return [row for row, _count in fetched], (fetched[0][1] if fetched else None)
        with connections[self.object_list.db].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        if not fetched:
            return [], None
        width = len(fetched[0]) - (2 if self.extra else 1)
        if self.extra:
            self.extra_value = fetched[0][-1]
        values = compiler.results_iter(results=[[row[:width] for row in fetched]])
        kind = self.object_list._iterable_class
        if kind is FlatValuesListIterable:
            rows = [row[0] for row in values]
        elif kind is ValuesListIterable:
            rows = [tuple(row) for row in values]
        else:  # the names as ValuesIterable gives them
            query = compiler.query
            names = (
                list(query.selected)
                if query.selected
                else [
                    *query.extra_select,
                    *query.values_select,
                    *query.annotation_select,
                ]
            )
            rows = [dict(zip(names, row, strict=True)) for row in values]
        return rows, fetched[0][width]

    @cached_property
    def count(self):
        found = self._page_and_count(self._start)
        if found is None or (found[1] is None and self._start):
            # No one statement, or past the end: CappedPaginator counts (from the start), and
            # get_page then shows the last page.
            return CappedPaginator.count.func(self)
        self._rows, rows = found[0], found[1] or 0
        self.exact = rows <= self.cap
        return self._start + rows

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self._rows is not None and bottom == self._start:
            return self._get_page(self._rows, number, self)
        if self._one:  # another page than the one asked for (past the end: the last one)
            rows = self._page_and_count(bottom)[0]
            return self._get_page(rows[: max(0, self.count - bottom)], number, self)  # as Paginator.page
        return super().page(number)
