"""The navigation: each app lists its menu entries in its AppConfig (`nav`), shown when the
user holds the permission each entry names in the active organisation. The top bar shows one
entry per app (`nav_label`, else the first entry's label); the app's own entries appear in a
second row while the user is inside it."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from danchu.orgs import access


def _entries(config, user, org):
    seen, entries = set(), []
    for label, url_name, perm in getattr(config, "nav", ()):
        if perm and not (org is not None and access.can(user, perm, org)):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        if url in seen:
            continue
        seen.add(url)
        entries.append({"label": label, "url": url, "namespace": url_name.partition(":")[0]})
    return entries


def navigation(request):
    user = getattr(request, "user", None)
    org = getattr(request, "org", None)
    groups, subnav = [], []
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match is not None else None
    if user is not None and user.is_authenticated:
        for config in apps.get_app_configs():
            entries = _entries(config, user, org)
            if not entries:
                continue
            active = namespace is not None and namespace in {e["namespace"] for e in entries}
            for entry in entries:
                entry["active"] = request.path == entry["url"]
            groups.append(
                {
                    "label": getattr(config, "nav_label", None) or entries[0]["label"],
                    "url": entries[0]["url"],
                    "active": active,
                }
            )
            if active and len(entries) > 1:
                subnav = entries
    return {
        "nav_items": groups,
        "subnav_items": subnav,
        "active_org": org,
        "org_choices": getattr(request, "org_choices", []),
    }
