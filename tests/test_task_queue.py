"""The production queue: a report build enqueued on django-tasks-db's database backend is run by
one `danchu db_worker --batch` (the command workers run on other machines)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus, task_backends

from danchu.reporting import actions
from danchu.reporting.models import BuildStatus, ReportBuild

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_BACKEND  # django.tasks rebuilds its backends on setting_changed
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"


@pytest.mark.django_db(transaction=True)
def test_build_enqueued_in_the_database_is_run_by_one_worker_batch(world, db_queue):
    from django_tasks_db.models import DBTaskResult

    from danchu.orgs.models import Membership
    from danchu.reporting.tasks import build_report

    signer = Membership.objects.get(person__user=world.head_a, organization=world.a)
    report = actions.create_report(
        world.a,
        world.period_2020,
        actor=world.clerk_a,
        signer=signer,
        signer_title="GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)",
    )
    build = actions.request_build(report, "docx,xlsx", actor=world.clerk_a)
    result = build_report.enqueue(build.pk)

    assert result.status == TaskResultStatus.READY
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    build.refresh_from_db()
    assert build.status != BuildStatus.DONE  # nothing runs until a worker takes it

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)

    row = DBTaskResult.objects.get()
    assert row.status == TaskResultStatus.SUCCESSFUL, (connection.vendor, row.exception_class_path)
    assert row.return_value == BuildStatus.DONE
    build = ReportBuild.objects.get(pk=build.pk)
    assert build.status == BuildStatus.DONE and build.progress == 100
    assert set(report.files.values_list("format", flat=True)) == {"docx", "xlsx"}
    # A second batch finds nothing left to do: each task runs exactly once.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)
    assert report.files.count() == 2
