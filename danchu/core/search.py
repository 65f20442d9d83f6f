"""Search the way Vietnamese users type: without diacritics and without case.

"song di dong" finds "sóng di động", "NGUYỄN" finds "Nguyễn", "dang" finds "Đảng". Every list's
`q` filter goes through `matches(q, fields)`, which compares the folded text of each field with the
folded query (`fold`: lower case, combining marks dropped, đ → d).

The database computes the folded text with a function named `danchu_fold` on both vendors:

- SQLite: `fold` below, registered on every new connection (`register_sqlite`, called from
  `core.apps`), deterministic so SQLite may use it in expression indexes.
- PostgreSQL: an immutable SQL function over the `unaccent` extension, created by the migration
  `petitions/0006_search_fold_unaccent_trigram`, with trigram (GIN, `gin_trgm_ops`) expression
  indexes on the columns the busiest lists search (petitions, documents), so `LIKE '%…%'` on
  100,000 letters reads an index instead of scanning. `unaccent` folds Đ/đ to D/d.

A Python function called on every row is what makes SQLite slow on a big register, so the busiest
models (petitions, documents) also store the folded text of their searched fields in a column
(`search_text`, `fold_fields(...)`, filled by the model's `save()`, the bulk generators and a data
migration). `matches(q, fields, stored="search_text")` then reads that column with a plain `LIKE`
on SQLite and keeps `danchu_fold` + the trigram indexes on PostgreSQL.
"""

import functools
import operator
import unicodedata

from django.db.models import BooleanField, CharField, Expression, F, Func, Q
from django.db.models.lookups import Contains

MAX_QUERY = 200


def fold(text):
    """`text` in lower case without diacritics (đ → d), for comparing what users type."""
    if text is None:
        return None
    text = str(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Fold(Func):
    function = "danchu_fold"
    arity = 1
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        # danchu_fold(text): a column of another type (a number) is cast; text columns are left
        # as they are so the expression matches the trigram indexes.
        source = self.source_expressions[0].output_field.get_internal_type()
        if source not in ("CharField", "TextField", "SlugField", "EmailField"):
            extra["template"] = "%(function)s((%(expressions)s)::text)"
        return self.as_sql(compiler, connection, **extra)


# Between the fields of a stored search text: a query never holds a line break (`query` collapses
# white space), so a match never spans two fields, as with one LIKE per field.
FIELD_SEPARATOR = "\n"


def fold_fields(*values):
    """The stored search text of a record: each of its searched `values` folded, one a line."""
    return FIELD_SEPARATOR.join(fold(v) for v in values if v)


def query(value):
    """The folded search term from a raw `q` value ("" when there is nothing to search)."""
    text = str(value or "").replace("\x00", "").strip()[:MAX_QUERY]
    return fold(" ".join(text.split()))


def matches(value, fields, stored=None):
    """A Q matching rows whose folded `fields` contain the folded `value` (an empty Q if none).

    `stored` names a column holding `fold_fields(*fields)` of the same row (the model's own
    fields only): SQLite then compares that column with a plain LIKE instead of calling Python
    on each row; PostgreSQL keeps `danchu_fold` on each field, which its trigram indexes serve.
    """
    term = query(value)
    if not term:
        return Q()
    folded = functools.reduce(operator.or_, (Q(Contains(Fold(name), term)) for name in fields))
    if stored is None:
        return folded
    return Q(_ByVendor(Q(Contains(F(stored), term)), folded))


class _ByVendor(Expression):
    """A condition written two ways: `sqlite` on SQLite, `other` on any other database."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, sqlite, other):
        super().__init__()
        self.sqlite, self.other = sqlite, other

    def get_source_expressions(self):
        return [self.sqlite, self.other]

    def set_source_expressions(self, exprs):
        self.sqlite, self.other = exprs

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        c = self.copy()
        c.sqlite = self.sqlite.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        c.other = self.other.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return c

    def as_sql(self, compiler, connection):
        return compiler.compile(self.sqlite if connection.vendor == "sqlite" else self.other)


def register_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("danchu_fold", 1, fold, deterministic=True)


# The PostgreSQL side, used by the migration that installs it.
POSTGRES_FUNCTION = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION danchu_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
"""


def postgres_index(name, table, column):
    return (
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (danchu_fold({column}) gin_trgm_ops);",
        f"DROP INDEX IF EXISTS {name};",
    )
