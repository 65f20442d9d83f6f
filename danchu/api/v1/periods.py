"""Reporting periods, shared by every organisation."""

import datetime

from django.http import Http404
from ninja import Path, Schema

from danchu.orgs.models import ReportingPeriod

from .shared import CODE_PATTERN, ERR, api


class PeriodOut(Schema):
    code: str
    name: str
    kind: str
    year: int
    start: datetime.date
    end: datetime.date
    cutoff_start: datetime.date
    cutoff_end: datetime.date


@api.get("/periods", response={200: list[PeriodOut], **ERR}, tags=["periods"], summary="Danh sách kỳ báo cáo")
def list_periods(request):
    """Các kỳ báo cáo (dùng chung cho mọi cơ quan)."""
    return list(ReportingPeriod.objects.order_by("-year", "code"))


@api.get("/periods/{code}", response={200: PeriodOut, **ERR}, tags=["periods"], summary="Một kỳ báo cáo")
def get_period(request, code: str = Path(..., pattern=CODE_PATTERN)):
    period = ReportingPeriod.objects.filter(code=code).first()
    if period is None:
        raise Http404
    return period
