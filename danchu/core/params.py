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


class Filters:
    """The one validated filter layer of the lists: reads GET parameters, answers the valid value
    or None, and keeps a Vietnamese message for each value it had to ignore, which `report()`
    shows on the page (`messages.warning`) — never a 500, never a silent empty list.

        f = params.Filters(request)
        year = f.year("year")
        kind = f.choice("kind", Kind.values)
        f.report(request)
    """

    def __init__(self, request):
        self.get = request.GET
        self.errors = {}

    def raw(self, name):
        return str(self.get.get(name, "")).replace("\x00", "").strip()

    def _bad(self, name, message):
        self.errors[name] = message
        return None

    def integer(self, name, lo=0, hi=MAX_DB_INT, label=None):
        from django.utils.translation import gettext as _

        text = self.raw(name)
        if not text:
            return None
        number = int_or_none(text, lo, hi)
        if number is None:
            return self._bad(
                name,
                _("Bộ lọc “%(label)s”: giá trị “%(value)s” không hợp lệ, đã bỏ qua.")
                % {"label": label or name, "value": text[:40]},
            )
        return number

    def year(self, name="year", label=None):
        from django.utils.translation import gettext as _

        text = self.raw(name)
        if not text:
            return None
        number = year_or_none(text)
        if number is None:
            return self._bad(
                name,
                _(
                    "Năm “%(value)s” không hợp lệ: nhập năm bốn chữ số từ %(lo)s đến %(hi)s; bộ lọc năm đã bỏ qua."
                )
                % {"value": text[:40], "lo": YEAR_MIN, "hi": YEAR_MAX},
            )
        return number

    def choice(self, name, values, label=None):
        from django.utils.translation import gettext as _

        text = self.raw(name)
        if not text:
            return ""
        if text in set(values):
            return text
        self._bad(
            name,
            _("Bộ lọc “%(label)s”: giá trị “%(value)s” không có trong danh sách, đã bỏ qua.")
            % {"label": label or name, "value": text[:40]},
        )
        return ""

    def date(self, name, label=None):
        """A date written yyyy-mm-dd (what <input type=date> sends) or dd/mm/yyyy; None otherwise."""
        import datetime

        from django.utils.translation import gettext as _

        text = self.raw(name)
        if not text:
            return None
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                day = datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if YEAR_MIN <= day.year <= YEAR_MAX:
                return day
        return self._bad(
            name,
            _("Bộ lọc “%(label)s”: ngày “%(value)s” không hợp lệ (viết dd/mm/yyyy), đã bỏ qua.")
            % {"label": label or name, "value": text[:40]},
        )

    def page(self, name="page"):
        from django.utils.translation import gettext as _

        text = self.raw(name)
        if text and int_or_none(text, 1) is None:
            self._bad(
                name, _("Số trang “%(value)s” không hợp lệ: đang hiện trang đầu.") % {"value": text[:40]}
            )
            return 1
        return text or 1

    def report(self, request):
        from django.contrib import messages

        for message in self.errors.values():
            messages.warning(request, message)
