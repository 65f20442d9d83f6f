"""The disclosure list's body written in Python (listrows.disclosure_body) writes what its
template wrote: the reference below is participation/_disclosure_list.html's former markup."""

import pytest
from django.core.paginator import Paginator
from django.template import engines
from django.utils import translation
from django.utils.safestring import mark_safe

from danchu.core.leanhtml import options
from danchu.participation import listrows
from danchu.participation.models import DisclosureKind

TEMPLATE = (
    '{% load i18n %}<h1>{% if oversee %}{% translate "Nội dung công khai" %}{% else %}'
    '{% translate "Nội dung được công khai đến bạn" %}{% endif %}</h1>\n'
    '{% include "participation/_tabs.html" %}\n'
    '{% if oversee %}<p class="toolbar">{% if manage %}<a class="btn" href="{% url \'participation:disclosure_create\' %}">'
    '{% translate "Công khai nội dung mới" %}</a>{% endif %}\n'
    '<a class="btn secondary" href="?{{ querystring_without_page }}&format=xlsx">{% translate "Xuất Excel" %}</a>\n'
    '<a class="btn secondary" href="{% url \'participation:compliance\' %}">{% translate "Tuân thủ theo danh mục" %}</a>\n'
    '<a class="btn secondary" href="{% url \'participation:stats\' %}">{% translate "Thống kê" %}</a></p>{% endif %}\n'
    '<form class="filters" method="get">\n'
    '  <label>{% translate "Tìm" %}<input type="search" name="q" value="{{ q }}"></label>\n'
    '  <label>{% translate "Hình thức" %}<select name="kind"><option value="">{% translate "Tất cả" %}</option>'
    "{{ kind_options }}</select></label>\n"
    '  <label>{% translate "Năm" %}<input type="number" name="year" value="{{ year }}" min="2000" max="2100"></label>\n'
    '  <label>{% translate "Lọc" %}<select name="only"><option value="">{% translate "Tất cả" %}</option>'
    '<option value="unread"{% if only == "unread" %} selected{% endif %}>{% translate "Tôi chưa đọc" %}</option>'
    '<option value="late"{% if only == "late" %} selected{% endif %}>{% translate "Công khai chậm" %}</option>'
    "</select></label>\n"
    '  <button class="btn" type="submit">{% translate "Lọc" %}</button>\n</form>\n'
    '<table class="list responsive"><thead><tr><th>{% translate "Số hiệu" %}</th><th>{% translate "Tiêu đề" %}</th>'
    '<th>{% translate "Nội dung theo quy định" %}</th><th>{% translate "Ngày công khai" %}</th>'
    '<th>{% translate "Thời hạn" %}</th><th class="num">{% translate "Đã đọc" %}</th></tr></thead>\n'
    "<tbody>{{ rows }}</tbody></table>\n"
    '{% include "_pagination.html" %}\n'
)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("manage", "oversee", "q", "year", "only", "page", "total"),
    [
        (True, True, "", "", "", 1, 10),
        (False, True, '<b>"x&', 2025, "unread", 2, 100),
        (False, False, "a", "", "late", 4, 100),
    ],
)
def test_the_body_writes_what_its_template_wrote(language, manage, oversee, q, year, only, page, total):
    page_obj = Paginator(range(total), 25).get_page(page)
    query = f"q={q}&only={only}"
    context = {
        "page_obj": page_obj,
        "rows": mark_safe("<tr><td>row</td></tr>"),
        "manage": manage,
        "oversee": oversee,
        "q": q,
        "year": year,
        "only": only,
        "kind_options": options(DisclosureKind.choices, "decision"),
        "querystring_without_page": query,
    }
    with translation.override(language):
        expected = engines["django"].from_string(TEMPLATE).render(context)
        written = listrows.disclosure_body(
            page_obj=page_obj,
            rows=context["rows"],
            manage=manage,
            oversee=oversee,
            q=q,
            year=year,
            only=only,
            kind_options=context["kind_options"],
            query=query,
        )
    assert written == expected
