"""The navigation: each app lists its menu entries in its AppConfig (`nav`), shown when the
user holds the permission each entry names in the active organisation."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from danchu.orgs import access


def navigation(request):
    user = getattr(request, "user", None)
    org = getattr(request, "org", None)
    items = []
    if user is not None and user.is_authenticated:
        for config in apps.get_app_configs():
            for label, url_name, perm in getattr(config, "nav", ()):
                if perm and not (org is not None and access.can(user, perm, org)):
                    continue
                try:
                    url = reverse(url_name)
                except NoReverseMatch:
                    continue
                items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return {"nav_items": items, "active_org": org, "org_choices": getattr(request, "org_choices", [])}
