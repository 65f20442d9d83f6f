"""Deployment checks: production must not count or queue per process (docs/security.md)."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
IN_PROCESS_TASKS = (
    "django.tasks.backends.immediate.ImmediateBackend",
    "django.tasks.backends.dummy.DummyBackend",
)


@checks.register(checks.Tags.security, deploy=True)
def shared_state_check(app_configs=None, **kwargs):
    if not getattr(settings, "PRODUCTION", False):
        return []
    found = []
    if settings.CACHES.get("default", {}).get("BACKEND") in PER_PROCESS_CACHES:
        found.append(
            checks.Warning(
                "The default cache is per process: each worker keeps its own copy.",
                hint="Set CACHE_URL=db (then `danchu createcachetable`) so every worker shares one cache.",
                id="danchu.W001",
            )
        )
    if settings.TASKS.get("default", {}).get("BACKEND") in IN_PROCESS_TASKS:
        found.append(
            checks.Warning(
                "Background tasks run inside the web request (in-process task backend).",
                hint="Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `danchu db_worker`.",
                id="danchu.W002",
            )
        )
    return found
