"""Background work: building a report's files. Runs on the configured task backend (in-process
ImmediateBackend in the demo, a worker in production); progress is kept in ReportBuild."""

from django.tasks import task


@task
def build_report(build_id):
    from .actions import run_build
    from .models import ReportBuild

    build = ReportBuild.objects.select_related("report__organization", "report__period").get(pk=build_id)
    return run_build(build).status
