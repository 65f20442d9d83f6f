"""base.html's shell written in Python (core/templatetags/shell.py) writes what its template
wrote: the reference below is base.html's former markup, rendered by the template engine."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from danchu.orgs.models import Role, RoleAssignment

pytestmark = pytest.mark.django_db

TEMPLATE = """{% load i18n static orgs %}{% get_current_language as LANG %}
<body data-busy-text="{% translate "Đang xử lý…" %}">
<a class="skip" href="#main">{% translate "Bỏ qua đến nội dung" %}</a>
<header class="topbar">
  <a class="brand" href="{% url 'home' %}">danchu</a>
  {% if user.is_authenticated %}
  {% if org_choices|length > 1 %}
  <form class="org-switch" method="post" action="{% url 'switch_org' %}">{% csrf_token %}
    <input type="hidden" name="next" value="{{ request.get_full_path }}">
    <label for="org-switch-select" class="visually-hidden">{% translate "Cơ quan đang làm việc" %}</label>
    <select id="org-switch-select" name="org" data-autosubmit>
      {% for o in org_choices %}<option value="{{ o.pk }}"{% if o.pk == active_org.pk %} selected{% endif %}>{{ o|org_label }}</option>{% endfor %}
    </select>
    <noscript><button type="submit">{% translate "Đổi" %}</button></noscript>
  </form>
  {% elif active_org %}<span class="org-name">{{ active_org|org_label }}</span>{% endif %}
  {% endif %}
  <div class="topbar-right">
    <form method="post" action="{% url 'set_language' %}" class="lang">{% csrf_token %}
      <input type="hidden" name="next" value="{{ request.get_full_path }}">
      {% get_available_languages as LANGUAGES %}
      {# comment #}
      {% for code, name in LANGUAGES %}{% if code != LANG %}<button type="submit" name="language" value="{{ code }}" class="link" lang="{{ code }}">{% if code == "vi" %}Tiếng Việt{% elif code == "en" %}English{% else %}{{ name }}{% endif %}</button>{% endif %}{% endfor %}
    </form>
    {% if user.is_authenticated %}
      <span class="user">{{ user.get_full_name|default:user.username }}</span>
      <form method="post" action="{% url 'logout' %}">{% csrf_token %}<button type="submit" class="link">{% translate "Đăng xuất" %}</button></form>
    {% endif %}
  </div>
</header>
{% if user.is_authenticated and nav_items %}
{{ nav_html }}
{% endif %}|<footer class="footer">danchu — {% translate "Thực hiện dân chủ ở cơ sở" %}</footer>
<script src="{% static 'danchu/danchu.js' %}" defer></script>|{% static 'danchu/danchu.css' %}"""

SHELL = """{% load shell %}
{% shell_top %}|{% shell_footer %}|{% shell_static 'danchu/danchu.css' %}"""


def _render(source, request):
    html = engines["django"].from_string(source).render({}, request)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)


def _request(user, org=None, choices=(), path="/don-thu/?q=%3Cb%3E%22x%26&page=2"):
    request = RequestFactory().get(path)
    request.user = user
    request.org = org
    request.org_choices = list(choices)
    request.resolver_match = resolve(request.path)
    return request


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_shell_writes_what_base_html_wrote(world, language):
    world.clerk_a.first_name, world.clerk_a.last_name = '<b>Ngô & "Co"</b>', "O'Neil"
    world.clerk_a.save()
    RoleAssignment.objects.create(user=world.clerk_a, organization=world.b, role=Role.CLERK)
    world.b.name = 'Sở <B> & "C"'
    world.b.save()
    cases = [
        _request(AnonymousUser(), path="/don-thu/gui/"),
        _request(world.head_a, world.a, [world.a]),  # one organisation: its name, no switcher
        _request(world.clerk_a, world.b, [world.a, world.b]),  # the switcher, escaped names
        _request(world.officer, None, [], path="/"),
    ]
    with translation.override(language):
        for request in cases:
            expected = _render(TEMPLATE, request)
            assert _render(SHELL, request) == expected
        clerk = _render(SHELL, cases[2])
    assert "&lt;b&gt;Ngô &amp; &quot;Co&quot;&lt;/b&gt; O&#x27;Neil" in clerk
    assert "Sở &lt;B&gt; &amp; &quot;C&quot;" in clerk and 'class="org-switch"' in clerk
    assert 'value="/don-thu/?q=%3Cb%3E%22x%26&amp;page=2"' in clerk
    assert 'class="org-name"' in _render(SHELL, cases[1]) and 'class="mainnav"' in _render(SHELL, cases[1])


# The two lists' pages as templates (what shell.page replaces): base.html with a title, a
# stylesheet and the body written by listrows.
PAGES = {
    "worklist": """{% extends "base.html" %}{% load i18n static %}
{% block title %}{% translate "Đơn thư" %}{% endblock %}
{% block head %}<link rel="stylesheet" href="{% static 'petitions/petitions.css' %}">{% endblock %}
{% block content %}{{ content }}{% endblock %}""",
    "disclosures": """{% extends "base.html" %}{% load i18n %}
{% block title %}{% translate "Công khai" %}{% endblock %}
{% block content %}{{ content }}{% endblock %}""",
}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_writes_what_a_template_extending_base_html_wrote(world, language, name):
    from django.contrib import messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext as _

    from danchu.core.templatetags import shell

    def page(request, notes):
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        for level, text in notes:
            messages.add_message(request, level, text)
        return request

    world.clerk_a.first_name = '<b>Ngô & "Co"</b>'
    world.clerk_a.save()
    content = mark_safe('<section>Đơn <b>thư</b> & "x"</section>')
    notes = [(messages.WARNING, 'Bỏ qua "năm" <²>'), (messages.SUCCESS, mark_safe("Đã <lưu> & xong"))]
    with translation.override(language):
        for user, org, choices, queued in (
            (world.head_a, world.a, [world.a], notes),
            (world.clerk_a, world.a, [world.a, world.b], []),
            (world.officer, None, [], notes[:1]),
        ):
            expected = (
                engines["django"]
                .from_string(PAGES[name])
                .render({"content": content}, page(_request(user, org, choices), queued))
            )
            if name == "worklist":
                title, head = _("Đơn thư"), shell.stylesheet("petitions/petitions.css")
            else:
                title, head = _("Công khai"), ""
            request = page(_request(user, org, choices), queued)
            response = shell.page(request, title, content, head=head)
            got = response.content.decode()
            token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
            assert token.sub("CSRF", got) == token.sub("CSRF", expected)
            assert response["Content-Type"] == "text/html; charset=utf-8"
            assert messages.get_messages(request).used == bool(queued), "shown, so not kept for the next page"
        # unescaped content is escaped, as {{ content }} does
        plain = shell.page(
            page(_request(world.head_a, world.a, [world.a]), []), "<T>", "<b>"
        ).content.decode()
        assert "<title>&lt;T&gt; · danchu</title>" in plain and "&lt;b&gt;" in plain
