"""The home page is made of panels that apps contribute: each app may define
`home_panels(request)` in a module `home.py`, returning a list of dicts
{"title", "template", "context", "order"}."""

from danchu.core.plugins import app_modules


def home_panels(request):
    panels = []
    for config, module in app_modules("home"):
        if config.name == "danchu.core":
            continue
        panels.extend(module.home_panels(request))
    return sorted(panels, key=lambda p: p.get("order", 100))
