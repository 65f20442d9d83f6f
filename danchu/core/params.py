"""Reading numbers from query strings and posted forms without ever raising a 500.

`"²".isdigit()` is True and `int("²")` fails; `99999999999999999999` overflows SQLite and
PostgreSQL integers; `date(0, 1, 1)` does not exist. These helpers accept ASCII digits only,
within bounds, and answer None for anything else, so a view treats bad input as "no filter".
"""

MAX_DB_INT = 2**31 - 1
YEAR_MIN, YEAR_MAX = 1900, 2100


def int_or_none(value, lo=0, hi=MAX_DB_INT):
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        return None
    number = int(text)
    return number if lo <= number <= hi else None


def year_or_none(value):
    return int_or_none(value, YEAR_MIN, YEAR_MAX)


def ints(values, lo=0, hi=MAX_DB_INT):
    """The valid integers among `values` (a getlist()), as a set."""
    return {n for n in (int_or_none(v, lo, hi) for v in values) if n is not None}
