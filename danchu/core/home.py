"""The home page is made of panels that apps contribute: each app may define
`home_panels(request)` in a module `home.py`, returning a list of dicts
{"title", "template", "context", "order"}."""

import importlib

from django.apps import apps


def home_panels(request):
    panels = []
    for config in apps.get_app_configs():
        if not config.name.startswith("danchu.") or config.name == "danchu.core":
            continue
        try:
            module = importlib.import_module(f"{config.name}.home")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.home":
                raise
            continue
        panels.extend(module.home_panels(request))
    return sorted(panels, key=lambda p: p.get("order", 100))
