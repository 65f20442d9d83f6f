"""The province: report requests, the agencies' submissions, the consolidated figures."""

import datetime
import uuid as uuid_mod
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja import Status as HttpStatus

from danchu.consolidation import actions as consolidation_actions
from danchu.consolidation.figures import plain as figures_plain
from danchu.consolidation.models import ReportRequest, RequestTarget, Submission
from danchu.consolidation.permissions import visible_requests
from danchu.consolidation.provincial import consolidate
from danchu.orgs import access
from danchu.orgs.models import Organization
from danchu.reporting.models import Report

from .shared import CODE_PATTERN, ERR, Page, Paging, _ensure_write, _page, _visible_org, api


class RequestOut(Schema):
    uuid: uuid_mod.UUID
    requesting_organisation: str
    reference: str
    issued_on: datetime.date
    title: str
    report_type: str
    period: str
    data_start: datetime.date
    data_end: datetime.date
    deadline: datetime.date
    targets: list[str] = Field(description="Các cơ quan phải báo cáo mà người dùng được xem.")
    managed: bool = Field(description="Người dùng quản lý yêu cầu này (cấp tỉnh).")


class RequestPage(Page):
    results: list[RequestOut]


def _request_out(req, user, targets=None):
    managed = access.can(user, "consolidation.manage", req.requesting_org)
    if targets is None:
        targets = _visible_targets(user, req, managed)
    return {
        "uuid": req.uuid,
        "requesting_organisation": req.requesting_org.code,
        "reference": req.reference,
        "issued_on": req.issued_on,
        "title": req.title,
        "report_type": req.report_type,
        "period": req.period.code,
        "data_start": req.data_start,
        "data_end": req.data_end,
        "deadline": req.deadline,
        "targets": [o.code for o in targets],
        "managed": managed,
    }


def _visible_targets(user, req, managed):
    qs = Organization.objects.filter(pk__in=RequestTarget.objects.filter(request=req).values("organization"))
    if not managed:
        qs = qs.filter(pk__in=access.orgs_with(user, "consolidation.view_own").values("pk"))
    return list(qs.order_by("path"))


def _get_request(request, uuid):
    """The request if the user manages it or answers it (as one of its targets), else 404."""
    req = ReportRequest.objects.select_related("requesting_org", "period").filter(uuid=uuid).first()
    if req is None:
        raise Http404
    managed = access.can(request.user, "consolidation.manage", req.requesting_org)
    targets = _visible_targets(request.user, req, managed)
    if not managed and not targets:
        raise Http404
    return req, managed, targets


class RequestFilters(Paging):
    period: str | None = Field(None, pattern=CODE_PATTERN)
    q: str | None = Field(None, max_length=200)


@api.get("/requests", response={200: RequestPage, **ERR}, tags=["consolidation"], summary="Yêu cầu báo cáo")
def list_requests(request, filters: Query[RequestFilters]):
    """Yêu cầu báo cáo: cấp tỉnh thấy yêu cầu mình quản lý, cơ quan thấy yêu cầu gửi đến mình."""
    own = access.orgs_with(request.user, "consolidation.view_own")
    qs = (
        visible_requests(request.user)
        .select_related("requesting_org", "period")
        .order_by("-issued_on", "-pk")
    )
    if filters.period:
        qs = qs.filter(period__code=filters.period)
    if filters.q:
        qs = qs.filter(Q(reference__icontains=filters.q) | Q(title__icontains=filters.q))
    count, rows = _page(qs, filters)
    target_rows = RequestTarget.objects.filter(request__in=rows).select_related("organization")
    own_ids = set(own.values_list("pk", flat=True))
    by_request = {}
    for t in target_rows.order_by("organization__path"):
        by_request.setdefault(t.request_id, []).append(t.organization)
    results = []
    for req in rows:
        is_managed = access.can(request.user, "consolidation.manage", req.requesting_org)
        targets = [o for o in by_request.get(req.pk, []) if is_managed or o.pk in own_ids]
        results.append(_request_out(req, request.user, targets))
    return {"count": count, "limit": filters.limit, "offset": filters.offset, "results": results}


@api.get(
    "/requests/{uuid}",
    response={200: RequestOut, **ERR},
    tags=["consolidation"],
    summary="Một yêu cầu báo cáo",
)
def get_request(request, uuid: uuid_mod.UUID):
    req, _managed, targets = _get_request(request, uuid)
    return _request_out(req, request.user, targets)


class SubmissionOut(Schema):
    uuid: uuid_mod.UUID
    request: uuid_mod.UUID
    organisation: str
    version: int
    is_current: bool
    kind: str
    status: str
    submitted_at: datetime.datetime
    is_late: bool
    report: uuid_mod.UUID | None
    values: dict[str, Any] = Field(description="Số liệu theo mã chỉ tiêu.")
    note: str
    return_reason: str


def _submission_out(s, req):
    return {
        "uuid": s.uuid,
        "request": req.uuid,
        "organisation": s.organization.code,
        "version": s.version,
        "is_current": s.is_current,
        "kind": s.kind,
        "status": s.status,
        "submitted_at": s.submitted_at,
        "is_late": s.is_late,
        "report": s.report.uuid if s.report_id else None,
        "values": s.values or {},
        "note": s.note,
        "return_reason": s.return_reason,
    }


@api.get(
    "/requests/{uuid}/submissions",
    response={200: list[SubmissionOut], **ERR},
    tags=["consolidation"],
    summary="Các lần gửi báo cáo",
)
def list_submissions(request, uuid: uuid_mod.UUID):
    """Các lần gửi báo cáo theo yêu cầu: cấp tỉnh thấy của mọi cơ quan, cơ quan thấy của mình."""
    req, _managed, targets = _get_request(request, uuid)
    qs = (
        Submission.objects.filter(request=req, organization__in=targets)
        .select_related("organization", "report")
        .order_by("organization__path", "version")
    )
    return [_submission_out(s, req) for s in qs]


class UploadIn(Schema):
    name: str = Field(..., max_length=120, description="Tên tệp, đuôi .docx hoặc .pdf.")
    content_base64: str = Field(..., max_length=30_000_000)


class SubmissionIn(Schema):
    organisation: str = Field(..., pattern=CODE_PATTERN, description="Cơ quan gửi (một đích của yêu cầu).")
    report: uuid_mod.UUID | None = Field(
        None, description="Báo cáo đã gửi trong danchu; số liệu lấy từ bản chốt."
    )
    file: UploadIn | None = Field(None, description="Hoặc: tệp báo cáo (DOCX/PDF) kèm số liệu `values`.")
    values: dict[str, float | None] = Field(default_factory=dict)
    note: str = Field("", max_length=5000)


@api.post(
    "/requests/{uuid}/submissions",
    response={201: SubmissionOut, **ERR},
    tags=["consolidation"],
    summary="Gửi báo cáo theo yêu cầu",
)
def create_submission(request, uuid: uuid_mod.UUID, payload: SubmissionIn):
    """Hệ thống của cơ quan gửi báo cáo theo yêu cầu: hoặc một báo cáo đã gửi trong danchu (`report`),
    hoặc tệp báo cáo và số liệu phụ lục (`file` và `values`)."""
    import base64
    import binascii

    from django.core.files.uploadedfile import SimpleUploadedFile

    _ensure_write(request)
    req, _managed, _targets = _get_request(request, uuid)
    org = _visible_org(request, payload.organisation, "consolidation.view_own")
    if not access.can(request.user, "consolidation.submit", org):
        raise PermissionDenied(_("Bạn không có quyền gửi báo cáo của cơ quan này."))
    if payload.report is not None:
        report = (
            Report.objects.filter(uuid=payload.report, organization=org).prefetch_related("snapshots").first()
        )
        if report is None:
            raise ValidationError({"report": _("Không tìm thấy báo cáo này của cơ quan.")})
        sub = consolidation_actions.submit_report(req, org, report, actor=request.user, note=payload.note)
    elif payload.file is not None:
        try:
            content = base64.b64decode(payload.file.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError({"file": _("Nội dung tệp phải mã hóa base64.")}) from None
        upload = SimpleUploadedFile(payload.file.name, content)
        sub = consolidation_actions.submit_upload(
            req, org, actor=request.user, uploaded_file=upload, values=payload.values, note=payload.note
        )
    else:
        raise ValidationError({"report": _("Hãy chọn báo cáo đã gửi trong danchu, hoặc gửi tệp báo cáo.")})
    sub = Submission.objects.select_related("organization", "report").get(pk=sub.pk)
    return HttpStatus(201, _submission_out(sub, req))


class ConsolidationOut(Schema):
    request: uuid_mod.UUID
    submissions: int = Field(description="Số báo cáo được tính (bản hiện hành, không bị trả lại).")
    targets: int
    totals: dict[str, Any] = Field(description="Số liệu tổng hợp theo mã chỉ tiêu.")


@api.get(
    "/requests/{uuid}/consolidation",
    response={200: ConsolidationOut, **ERR},
    tags=["consolidation"],
    summary="Số liệu tổng hợp",
)
def get_consolidation(request, uuid: uuid_mod.UUID):
    """Số liệu tổng hợp của các cơ quan đã báo cáo (chỉ cấp tỉnh quản lý yêu cầu)."""
    req, managed, targets = _get_request(request, uuid)
    if not managed:
        raise Http404
    result = consolidate(req)
    return {
        "request": req.uuid,
        "submissions": len(result.submissions),
        "targets": len(targets),
        "totals": {k: figures_plain(v) for k, v in result.totals.items()},
    }
