"""The root conftest's hand list of data migrations stays complete: a transactional test (the
browser tests) reloads DATA_MIGRATIONS after the flush that emptied the tables, so a new data
migration left out of it would be missing there only."""

import importlib
import pkgutil

import pytest
from django.apps import apps
from django.db import migrations

from conftest import (
    DATA_MIGRATIONS,
    NOT_RELOADED,
    _all_rows,
    _new_rows,
    load_migration_data,
    restore_migration_data,
)


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


def _without_pk(snapshot):
    """The rows without their keys and the times a save stamps (auto_now: the time of writing)."""
    found = {}
    for model, rows in snapshot:
        stamped = {f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}
        stamped |= {f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now_add", False)}
        skip = stamped | {model._meta.pk.attname}
        found[model] = sorted(str({k: v for k, v in row.items() if k not in skip}) for row in rows)
    return found


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_back_the_rows_the_data_migrations_load():
    """The snapshot the root conftest restores after a flush is what the loaders write, content
    types by natural key (a flush recreates them under new ids), and a new row after it takes a
    fresh key (PostgreSQL's sequences are moved past the restored rows)."""
    from django.core.management import call_command

    from danchu.audit.models import AuditEvent

    call_command("flush", verbosity=0, interactive=False)
    loaded = load_migration_data()
    assert {m._meta.label for m, _rows in loaded} >= {"legal.DeadlineRule", "documents.Document"}
    call_command("flush", verbosity=0, interactive=False)
    before = _all_rows()
    restore_migration_data(loaded)
    assert _without_pk(_new_rows(before, _all_rows())) == _without_pk(loaded)
    event = AuditEvent.objects.order_by("pk").first()
    event.pk = None
    event.save()
    assert AuditEvent.objects.count() == len(dict(loaded)[AuditEvent]) + 1
