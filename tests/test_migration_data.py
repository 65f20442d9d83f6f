"""The root conftest's hand list of data migrations stays complete: a transactional test (the
browser tests) reloads DATA_MIGRATIONS after the flush that emptied the tables, so a new data
migration left out of it would be missing there only."""

import importlib
import pkgutil

from django.apps import apps
from django.db import migrations

from conftest import DATA_MIGRATIONS, NOT_RELOADED


def run_python_operations():
    found = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("danchu."):
            continue
        try:
            package = importlib.import_module(f"{config.name}.migrations")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for operation in module.Migration.operations:
                if isinstance(operation, migrations.RunPython):
                    found.add((module.__name__, operation.code.__name__))
    return found


def test_every_run_python_is_reloaded_or_said_not_to_need_it():
    found = run_python_operations()
    assert found, "the project has data migrations"
    assert found == set(DATA_MIGRATIONS) | NOT_RELOADED


def test_the_reloaded_functions_exist():
    for module, function in DATA_MIGRATIONS:
        assert callable(getattr(importlib.import_module(module), function))
