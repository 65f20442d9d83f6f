"""The page shell of base.html (the top of the body: skip link, top bar with the organisation,
the language form, the user and logout, the menu rows; the footer) written in Python.

Every HTML page pays for its shell; through the template engine it cost about as much as a
lean list body (some 40 tags: translations, three `{% url %}`, three `{% csrf_token %}`, the
language loop, `{% static %}`). Its fixed parts depend only on the language (and the URLconf
and static storage, which do not change while a process runs), so they are written once per
language; what varies per request (the CSRF token, the current path, the user's name, the
organisation) is escaped here as autoescaped `{{ }}` would (core.leanhtml.esc). The markup is
byte for byte what the template wrote (docs/benchmarks.md, "The page shell").
"""

from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib import messages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from danchu.core.context_processors import navigation
from danchu.core.leanhtml import esc
from danchu.orgs.templatetags.orgs import org_label

register = template.Library()


@lru_cache(maxsize=64)
def _static(path):
    return esc(static(path))


@lru_cache(maxsize=16)
def _fixed(language):
    """The parts of the shell that depend on the language only."""
    buttons = []
    for code, name in settings.LANGUAGES:
        if code == language:
            continue
        # Each language in its own name ("English", "Tiếng Việt"), never translated.
        label = "Tiếng Việt" if code == "vi" else "English" if code == "en" else esc(name)
        buttons.append(
            f'<button type="submit" name="language" value="{esc(code)}" class="link" lang="{esc(code)}">{label}</button>'
        )
    return {
        "body": (
            f'<body data-busy-text="{esc(_("Đang xử lý…"))}">\n'
            f'<a class="skip" href="#main">{esc(_("Bỏ qua đến nội dung"))}</a>\n'
            '<header class="topbar">\n'
            f'  <a class="brand" href="{esc(reverse("home"))}">danchu</a>\n  '
        ),
        "switch": esc(reverse("switch_org")),
        "switch_label": esc(_("Cơ quan đang làm việc")),
        "switch_button": esc(_("Đổi")),
        "lang_action": esc(reverse("set_language")),
        "buttons": "".join(buttons),
        "logout": esc(reverse("logout")),
        "logout_label": esc(_("Đăng xuất")),
        "footer": f'<footer class="footer">danchu — {esc(_("Thực hiện dân chủ ở cơ sở"))}</footer>\n'
        f'<script src="{_static("danchu/danchu.js")}" defer></script>',
    }


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting in ("ROOT_URLCONF", "STATIC_URL", "STORAGES", "LANGUAGES", "INSTALLED_APPS"):  # tests only
        _static.cache_clear()
        _fixed.cache_clear()


def _csrf_input(context):
    """What `{% csrf_token %}` writes."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{esc(token)}">'


@register.simple_tag
def shell_static(path):
    """`{% static path %}`, worked out once per path."""
    return mark_safe(_static(path))


@register.simple_tag(takes_context=True)
def shell_top(context):
    """base.html from `<body>` to the menu rows."""
    return mark_safe(_top(context))


def _top(context):
    fixed = _fixed(get_language())
    request = context.get("request")
    user = context.get("user")
    csrf = _csrf_input(context)
    path = esc(request.get_full_path()) if request is not None else ""
    parts = [fixed["body"]]
    if user is not None and user.is_authenticated:
        parts.append("\n  ")
        choices = context.get("org_choices") or []
        active = context.get("active_org")
        if len(choices) > 1:
            active_pk = getattr(active, "pk", "")
            options = "".join(
                f'<option value="{esc(o.pk)}"{" selected" if o.pk == active_pk else ""}>{esc(org_label(o))}</option>'
                for o in choices
            )
            parts.append(
                f'\n  <form class="org-switch" method="post" action="{fixed["switch"]}">{csrf}\n'
                f'    <input type="hidden" name="next" value="{path}">\n'
                f'    <label for="org-switch-select" class="visually-hidden">{fixed["switch_label"]}</label>\n'
                f'    <select id="org-switch-select" name="org" data-autosubmit>\n      {options}\n    </select>\n'
                f'    <noscript><button type="submit">{fixed["switch_button"]}</button></noscript>\n  </form>\n  '
            )
        elif active:
            parts.append(f'<span class="org-name">{esc(org_label(active))}</span>')
        parts.append("\n  ")
    parts.append(
        f'\n  <div class="topbar-right">\n    <form method="post" action="{fixed["lang_action"]}" class="lang">{csrf}\n'
        f'      <input type="hidden" name="next" value="{path}">\n      \n      \n'
        f"      {fixed['buttons']}\n    </form>\n    "
    )
    if user is not None and user.is_authenticated:
        name = user.get_full_name() or user.username
        parts.append(
            f'\n      <span class="user">{esc(name)}</span>\n'
            f'      <form method="post" action="{fixed["logout"]}">{csrf}'
            f'<button type="submit" class="link">{fixed["logout_label"]}</button></form>\n    '
        )
    parts.append("\n  </div>\n</header>\n")
    if user is not None and user.is_authenticated and context.get("nav_items"):
        parts.append(f"\n{esc(context.get('nav_html', ''))}\n")
    return "".join(parts)


@register.simple_tag
def shell_footer():
    """base.html's footer and its script."""
    return mark_safe(_fixed(get_language())["footer"])


def page(request, title, content, head=""):
    """The HttpResponse of a page that extends base.html with only a title, a `head` block (markup)
    and a `content` block holding `{{ content }}`, byte for byte what render() of that template
    wrote, without the template engine (the two lists of docs/benchmarks.md, whose body is written
    in Python too). The context is what the context processors give base.html; `title` and
    `content` are escaped unless marked safe, as in a template."""
    language = get_language()
    context = {
        "request": request,
        "user": request.user,
        "csrf_token": get_token(request),
        **navigation(request),
    }
    notes = messages.get_messages(request)
    listed = (
        '<ul class="messages">'
        + "".join(f'<li class="msg-{esc(m.tags)}" role="status">{esc(str(m))}</li>' for m in notes)
        + "</ul>"
        if notes
        else ""
    )
    html = (
        f'<!doctype html>\n\n<html lang="{esc(language)}">\n<head>\n  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"  <title>{esc(title)} · danchu</title>\n"
        f'  <link rel="stylesheet" href="{_static("danchu/danchu.css")}">\n'
        f'  <link rel="icon" href="{_static("danchu/favicon.svg")}" type="image/svg+xml">\n'
        f"  {head}\n</head>\n{_top(context)}\n"
        f'<main id="main">\n  {listed}\n  {esc(content)}\n</main>\n'
        f"{_fixed(language)['footer']}\n\n</body>\n</html>\n"
    )
    return HttpResponse(html)


def stylesheet(path):
    """`<link rel="stylesheet" href="{% static path %}">`, for page()'s `head`."""
    return f'<link rel="stylesheet" href="{_static(path)}">'
