"""Reports: the latest versions, one report with its signed snapshot, its files."""

import datetime
import uuid as uuid_mod
from typing import Literal

from django.http import FileResponse, Http404
from ninja import Field, Path, Query, Schema

from danchu.orgs import access
from danchu.reporting.indicators import ReportData
from danchu.reporting.models import Report, ReportFile, ReportStatus

from .indicators import IndicatorOut, _indicators
from .shared import CODE_PATTERN, ERR, Page, Paging, _page, _visible_org, api


class ReportFileOut(Schema):
    id: int
    format: str
    filename: str
    size: int
    frozen: bool = Field(description="Tệp của bản đã ký, đã gửi (gắn với bản chốt số liệu).")
    url: str


class SnapshotOut(Schema):
    reference: str
    signed_at: datetime.datetime | None
    signed_by: str | None
    as_of: datetime.date | None
    missing: list[str]
    indicators: list[IndicatorOut]


class ReportOut(Schema):
    uuid: uuid_mod.UUID
    organisation: str
    period: str
    report_type: str
    framework: str
    status: str
    title: str
    reference: str
    version: int
    report_date: datetime.date
    data_start: datetime.date
    data_end: datetime.date
    submitted_at: datetime.datetime | None


class ReportDetailOut(ReportOut):
    snapshot: SnapshotOut | None = Field(description="Số liệu đã chốt khi ký; null khi báo cáo chưa ký.")
    files: list[ReportFileOut]


class ReportPage(Page):
    results: list[ReportOut]


def _report_out(r):
    return {
        "uuid": r.uuid,
        "organisation": r.organization.code,
        "period": r.period.code,
        "report_type": r.report_type,
        "framework": r.framework,
        "status": r.status,
        "title": r.title,
        "reference": r.reference,
        "version": r.version,
        "report_date": r.report_date,
        "data_start": r.data_start,
        "data_end": r.data_end,
        "submitted_at": r.submitted_at,
    }


class ReportFilters(Paging):
    organisation: str = Field(..., pattern=CODE_PATTERN)
    period: str | None = Field(None, pattern=CODE_PATTERN)
    status: Literal[tuple(ReportStatus.values)] | None = None


@api.get("/reports", response={200: ReportPage, **ERR}, tags=["reports"], summary="Danh sách báo cáo")
def list_reports(request, filters: Query[ReportFilters]):
    """Báo cáo (phiên bản mới nhất) của một cơ quan và các đơn vị trực thuộc."""
    org = _visible_org(request, filters.organisation, "reporting.view")
    qs = Report.objects.current().filter(organization__path__startswith=org.path)
    qs = qs.filter(organization__in=access.orgs_with(request.user, "reporting.view"))
    if filters.period:
        qs = qs.filter(period__code=filters.period)
    if filters.status:
        qs = qs.filter(status=filters.status)
    qs = qs.select_related("organization", "period").order_by("-period__year", "organization__path", "-pk")
    count, rows = _page(qs, filters)
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [_report_out(r) for r in rows],
    }


def _get_report(request, uuid):
    qs = Report.objects.select_related("organization", "period").prefetch_related("snapshots__signed_by")
    return access.get_for_user(request.user, qs, "reporting.view", uuid=uuid)


@api.get(
    "/reports/{uuid}",
    response={200: ReportDetailOut, **ERR},
    tags=["reports"],
    summary="Một báo cáo và bản chốt số liệu",
)
def get_report(request, uuid: uuid_mod.UUID):
    """Một báo cáo, với bản chốt số liệu khi đã ký (không tính lại từ sổ) và các tệp của nó."""
    r = _get_report(request, uuid)
    out = _report_out(r)
    frozen = r.snapshot
    out["snapshot"] = None
    if frozen is not None:
        data = ReportData.from_json(frozen.values)
        as_of = datetime.date.fromisoformat(data.as_of) if data.as_of else None
        out["snapshot"] = {
            "reference": frozen.reference,
            "signed_at": frozen.signed_at,
            "signed_by": frozen.signed_by.get_username() if frozen.signed_by_id else None,
            "as_of": as_of,
            "missing": list(data.missing),
            "indicators": _indicators(data, as_of or r.data_end),
        }
    files = r.files.filter(snapshot__isnull=False) if r.status == ReportStatus.SUBMITTED else r.files.all()
    out["files"] = [
        {
            "id": f.pk,
            "format": f.format,
            "filename": f.filename,
            "size": f.size,
            "frozen": f.snapshot_id is not None,
            "url": f"/api/v1/reports/{r.uuid}/files/{f.pk}",
        }
        for f in files.order_by("-created_at", "-pk")
    ]
    return out


@api.get(
    "/reports/{uuid}/files/{file_id}",
    response={200: None, **ERR},
    tags=["reports"],
    openapi_extra={
        "responses": {
            200: {
                "description": "Tệp báo cáo (DOCX, PDF, XLSX).",
                "content": {
                    mime: {"schema": {"type": "string", "format": "binary"}}
                    for mime in (
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "application/pdf",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    )
                },
            }
        }
    },
    summary="Tải tệp báo cáo",
)
def download_report_file(request, uuid: uuid_mod.UUID, file_id: int = Path(..., ge=1, le=2**31 - 1)):
    r = _get_report(request, uuid)
    item = ReportFile.objects.filter(pk=file_id, report=r).first()
    if item is None:
        raise Http404
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.filename)
