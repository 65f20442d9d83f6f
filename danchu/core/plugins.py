"""The modules the apps contribute by name (`demo.py`, `gendata.py`, `stats.py`…), found in
INSTALLED_APPS order: an app plugs in without touching a shared file (docs/architecture.md rule 9)."""

import importlib

from django.apps import apps


def app_modules(name):
    """(app config, module) of each danchu app that has a module `name`; an error inside a module
    that exists is raised, never taken for a missing module."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("danchu."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        found.append((config, module))
    return found
