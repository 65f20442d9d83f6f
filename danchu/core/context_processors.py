"""The navigation: each app lists its menu entries in its AppConfig (`nav`), shown when the
user holds the permission each entry names in the active organisation. The top bar shows one
entry per app (`nav_label`, else the first entry's label); the app's own entries appear in a
second row while the user is inside it."""

from functools import lru_cache

from django.apps import apps
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from danchu.core.leanhtml import esc
from danchu.orgs import access
from danchu.orgs.models import Role


def _allowed(perm, roles, superuser):
    """`access.can` for a user who holds `roles` over the active organisation."""
    if not perm:
        return True
    if roles is None:
        return False
    granting = access.roles_granting(perm)
    return bool(roles & granting) or (superuser and Role.SYSTEM_ADMIN in granting)


@lru_cache(maxsize=256)
def _menu(roles, superuser):
    """Every app's entries for a user holding `roles` (None: no active organisation).

    The menu depends only on those roles (and the URLconf), so it is worked out once per set of
    roles rather than with a permission check per entry on every page. Labels stay lazy and are
    translated when the page is rendered."""
    menu = []
    for config in apps.get_app_configs():
        seen, entries = set(), []
        for label, url_name, perm in getattr(config, "nav", ()):
            if not _allowed(perm, roles, superuser):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            if url in seen:
                continue
            seen.add(url)
            entries.append((label, url, url_name.partition(":")[0]))
        if entries:
            menu.append((getattr(config, "nav_label", None) or entries[0][0], tuple(entries)))
    return tuple(menu)


@receiver(setting_changed)
def _forget_menu(*, setting, **kwargs):
    if setting in ("ROOT_URLCONF", "INSTALLED_APPS"):  # the menu's URLs and apps (tests only)
        _menu.cache_clear()
        _menu_urls.cache_clear()
        _nav_html.cache_clear()


def _entries(roles, superuser, namespace, path):
    """The top row's entries and, inside an app, the app's own entries (labels still lazy)."""
    groups, subnav = [], []
    for label, entries in _menu(roles, superuser):
        active = namespace is not None and namespace in {ns for _label, _url, ns in entries}
        groups.append({"label": label, "url": entries[0][1], "active": active})
        if active and len(entries) > 1:
            subnav = [{"label": e_label, "url": url, "active": path == url} for e_label, url, _ns in entries]
    return groups, subnav


@lru_cache(maxsize=256)
def _menu_urls(roles, superuser):
    return frozenset(url for _label, entries in _menu(roles, superuser) for _l, url, _ns in entries)


@lru_cache(maxsize=1024)
def _nav_html(language, roles, superuser, namespace, path):
    """The two menu rows of base.html, written once per language, roles, app and page (a menu
    entry's own page, else "" for every other page of the app) rather than through the template
    engine's loops on every page."""
    del language  # the key: the labels are translated in the active language
    groups, subnav = _entries(roles, superuser, namespace, path)

    def links(items):
        return "".join(
            f'<a href="{esc(i["url"])}"{' class="active"' if i["active"] else ""}>{esc(i["label"])}</a>'
            for i in items
        )

    home_active = ' class="active"' if path == "/" else ""
    html = (
        f'<nav class="mainnav" aria-label="{esc(_("Chức năng"))}">\n'
        f'  <a href="{esc(reverse("home"))}"{home_active}>{esc(_("Trang chủ"))}</a>\n'
        f"  {links(groups)}\n</nav>\n"
    )
    if subnav:
        html += f'<nav class="subnav" aria-label="{esc(_("Chức năng trong mục"))}">{links(subnav)}</nav>'
    return mark_safe(html)


def navigation(request):
    user = getattr(request, "user", None)
    org = getattr(request, "org", None)
    groups, subnav, nav_html = [], [], ""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match is not None else None
    if user is not None and user.is_authenticated:
        roles = frozenset(access.roles_in(user, org)) if org is not None else None
        superuser = bool(user.is_superuser)
        groups, subnav = _entries(roles, superuser, namespace, request.path)
        path = request.path if request.path == "/" or request.path in _menu_urls(roles, superuser) else ""
        nav_html = _nav_html(get_language(), roles, superuser, namespace, path)
    return {
        "nav_items": groups,
        "subnav_items": subnav,
        "nav_html": nav_html,
        "active_org": org,
        "org_choices": getattr(request, "org_choices", []),
    }
