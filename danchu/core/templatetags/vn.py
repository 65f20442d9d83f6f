"""Template filters for Vietnamese formats, available in every template (a builtin)."""

from django import template

from danchu.core import vnformat

register = template.Library()

register.filter("vn_number", vnformat.number)
register.filter("vn_money", vnformat.money)
register.filter("vn_percent", vnformat.percent)
register.filter("vn_count", vnformat.count)
register.filter("vn_date", vnformat.short_date)
register.filter("vn_long_date", vnformat.long_date)
