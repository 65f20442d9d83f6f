"""A paginator whose count stays cheap on large lists.

Django's Paginator runs `COUNT(*)` over the whole filtered list on every page: at 100,000 letters
that alone costs tens of milliseconds per request. `CappedPaginator` counts at most `cap` rows
past the start of the requested page (`SELECT COUNT(*) FROM (… LIMIT cap + 1)`): below the cap
the count is exact, as before; above it the page says "more than N" (`exact` is False,
`count_at_least` is N) and every page, however deep, stays reachable with its number.
"""

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
