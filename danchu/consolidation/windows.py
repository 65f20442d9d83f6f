"""The data window a report was asked for, for reporting's checks before sign-off (registered in
apps.py, so that reporting never imports consolidation)."""


def request_window(report):
    """(data_start, data_end, reference) of the request the report answers, or None. The request
    is the one of the report's period and type that targets its organisation, the one whose
    reference the report cites first. One query."""
    from .models import ReportRequest

    if not (report.organization_id and report.period_id):
        return None
    requests = ReportRequest.objects.filter(
        period_id=report.period_id,
        report_type=report.report_type,
        target_rows__organization_id=report.organization_id,
    )
    if report.request_ref:
        requests = requests.filter(reference=report.request_ref)
    request = requests.order_by("-issued_on", "-pk").values("data_start", "data_end", "reference").first()
    if request is None:
        return None
    return request["data_start"], request["data_end"], request["reference"]
