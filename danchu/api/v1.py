"""The REST API, version 1 (`/api/v1/`), on django-ninja. Endpoints are thin like the pages:
authenticate the token → look the object up through danchu.orgs.access (an outsider gets 404) →
call the app's action → answer. No endpoint ever serialises a sender's identity: the schemas
below have no field for it, and the reveal stays a page action (petitions:reveal, audited)."""

import datetime
import uuid as uuid_mod
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema, Swagger
from ninja import Status as HttpStatus

from danchu.consolidation import actions as consolidation_actions
from danchu.consolidation.figures import plain as figures_plain
from danchu.consolidation.models import ReportRequest, RequestTarget, Submission
from danchu.consolidation.provincial import consolidate
from danchu.documents import actions as document_actions
from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Direction, Document
from danchu.documents.permissions import can_change_in, can_view_document
from danchu.orgs import access
from danchu.orgs.models import Organization, ReportingPeriod
from danchu.petitions import actions as petition_actions
from danchu.petitions import permissions as petition_permissions
from danchu.petitions.models import Channel, Kind, Petition, SenderType, Status
from danchu.reporting.indicators import BY_CODE as INDICATOR_BY_CODE
from danchu.reporting.indicators import Origin, ReportData
from danchu.reporting.indicators import compute as compute_indicators
from danchu.reporting.indicators import label_on as indicator_label_on
from danchu.reporting.models import Report, ReportFile, ReportStatus

from . import errors
from .auth import TokenAuth

api = NinjaAPI(
    title="danchu API",
    version="1",
    description=(
        "API của danchu: cơ quan, kỳ báo cáo, sổ văn bản, đơn thư, chỉ tiêu, báo cáo, yêu cầu báo cáo và "
        "tổng hợp của tỉnh. Xác thực bằng mã truy cập cá nhân "
        "(`Authorization: Bearer …`), cùng quyền như trên các trang. Lỗi trả về dạng "
        '`{"errors": [{"field", "code", "message"}]}`.'
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    openapi_url="/openapi.json",
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
)
errors.install(api)

ERR = errors.ERRORS
CODE_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"


def _ensure_write(request):
    """First step of every write: a write token, and no NUL character in the body (PostgreSQL
    refuses it in any string; the pages drop it in core.middleware.NulCharacterMiddleware)."""
    if not request.auth.can_write:
        raise PermissionDenied(_("Mã truy cập này chỉ có quyền đọc; hãy tạo mã có quyền ghi."))
    if b"\\u0000" in request.body.lower():
        raise ValidationError(_("Dữ liệu gửi lên có ký tự NUL (\\u0000); hãy bỏ ký tự đó rồi gửi lại."))


class Page(Schema):
    count: int
    limit: int
    offset: int


class Paging(Schema):
    limit: int = Field(50, ge=1, le=200, description="Số bản ghi mỗi trang (1–200).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Bỏ qua bao nhiêu bản ghi.")


def _page(qs, paging):
    count = qs.count()
    rows = list(qs[paging.offset : paging.offset + paging.limit])
    return count, rows


# ------------------------------------------------------------------ organisations and periods


class OrganisationOut(Schema):
    uuid: uuid_mod.UUID
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    place_name: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None


def _org_out(o):
    return {
        "uuid": o.uuid,
        "code": o.code,
        "name": o.name,
        "short_name": o.short_name,
        "kind": o.kind,
        "parent": o.parent.code if o.parent_id else None,
        "place_name": o.place_name,
        "valid_from": o.valid_from,
        "valid_to": o.valid_to,
    }


class OrganisationPage(Page):
    results: list[OrganisationOut]


@api.get(
    "/organisations",
    response={200: OrganisationPage, **ERR},
    tags=["organisations"],
    summary="Danh sách cơ quan",
)
def list_organisations(request, paging: Query[Paging]):
    """Các cơ quan mà người dùng có quyền xem (cơ quan được giao vai trò và các đơn vị trực thuộc)."""
    qs = access.orgs_with(request.user, "orgs.view").select_related("parent").order_by("path", "pk")
    count, rows = _page(qs, paging)
    return {
        "count": count,
        "limit": paging.limit,
        "offset": paging.offset,
        "results": [_org_out(o) for o in rows],
    }


def _visible_org(request, code, perm="orgs.view"):
    org = Organization.objects.select_related("parent").filter(code=code).first()
    if org is None or not access.can(request.user, perm, org):
        raise Http404
    return org


@api.get(
    "/organisations/{code}",
    response={200: OrganisationOut, **ERR},
    tags=["organisations"],
    summary="Một cơ quan",
)
def get_organisation(request, code: str = Path(..., pattern=CODE_PATTERN)):
    return _org_out(_visible_org(request, code))


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


# ------------------------------------------------------------------ documents


class DocumentOut(Schema):
    uuid: uuid_mod.UUID
    organisation: str | None = Field(
        description="Mã cơ quan có sổ văn bản; null: văn bản pháp luật dùng chung."
    )
    direction: str
    kind: str
    number: str
    symbol: str
    ref: str
    is_party: bool
    issued_on: datetime.date | None
    effective_on: datetime.date | None
    issuer_name: str
    subject: str
    signer_name: str
    notes: str
    version: int


def _doc_out(d):
    return {
        "uuid": d.uuid,
        "organisation": d.organization.code if d.organization_id else None,
        "direction": d.direction,
        "kind": d.kind,
        "number": d.number,
        "symbol": d.symbol,
        "ref": d.ref,
        "is_party": d.is_party,
        "issued_on": d.issued_on,
        "effective_on": d.effective_on,
        "issuer_name": d.issuer_label,
        "subject": d.subject,
        "signer_name": d.signer_name,
        "notes": d.notes,
        "version": d.version,
    }


class DocumentPage(Page):
    results: list[DocumentOut]


class DocumentFilters(Paging):
    organisation: str | None = Field(
        None, pattern=CODE_PATTERN, description="Sổ của cơ quan này và đơn vị trực thuộc."
    )
    shared: bool = Field(False, description="Chỉ văn bản pháp luật dùng chung.")
    year: int | None = Field(None, ge=1900, le=2200)
    kind: Literal[tuple(DocumentKind.values)] | None = None
    q: str | None = Field(None, max_length=200, description="Tìm trong số, ký hiệu, trích yếu.")


@api.get("/documents", response={200: DocumentPage, **ERR}, tags=["documents"], summary="Sổ văn bản")
def list_documents(request, filters: Query[DocumentFilters]):
    """Văn bản trong sổ của các cơ quan người dùng được xem, và văn bản pháp luật dùng chung."""
    qs = Document.objects.alive().select_related("organization", "issuer_org")
    if filters.shared:
        qs = qs.filter(organization__isnull=True)
    elif filters.organisation:
        org = _visible_org(request, filters.organisation, "documents.view")
        qs = qs.of_subtree(org)
    else:
        qs = qs.filter(
            Q(organization__in=access.orgs_with(request.user, "documents.view"))
            | Q(organization__isnull=True)
        )
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.q:
        qs = qs.filter(Q(ref__icontains=filters.q) | Q(subject__icontains=filters.q))
    count, rows = _page(qs.order_by("-issued_on", "-pk"), filters)
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [_doc_out(d) for d in rows],
    }


@api.get("/documents/{uuid}", response={200: DocumentOut, **ERR}, tags=["documents"], summary="Một văn bản")
def get_document(request, uuid: uuid_mod.UUID):
    d = Document.objects.alive().select_related("organization", "issuer_org").filter(uuid=uuid).first()
    if d is None or not can_view_document(request.user, d):
        raise Http404
    return _doc_out(d)


class DocumentIn(Schema):
    organisation: str | None = Field(
        None, pattern=CODE_PATTERN, description="Mã cơ quan; bỏ trống: văn bản pháp luật dùng chung."
    )
    direction: Literal[tuple(Direction.values)] = Direction.ISSUED
    kind: Literal[tuple(DocumentKind.values)]
    number: str = Field(..., max_length=16)
    symbol: str = Field(..., max_length=64)
    is_party: bool = False
    issued_on: datetime.date | None = None
    effective_on: datetime.date | None = None
    issuer_name: str = Field("", max_length=255)
    subject: str = Field(..., max_length=5000)
    signer_name: str = Field("", max_length=128)
    notes: str = Field("", max_length=5000)


@api.post("/documents", response={201: DocumentOut, **ERR}, tags=["documents"], summary="Vào sổ văn bản")
def create_document(request, payload: DocumentIn):
    """Vào sổ một văn bản (cần mã có quyền ghi và quyền sửa sổ văn bản của cơ quan)."""
    _ensure_write(request)
    org = None
    if payload.organisation:
        org = _visible_org(request, payload.organisation, "documents.view")
    if not can_change_in(request.user, org):
        raise PermissionDenied(_("Bạn không có quyền vào sổ văn bản của cơ quan này."))
    fields = payload.dict(exclude={"organisation"})
    doc = document_actions.create_document(actor=request.user, organization=org, **fields)
    return HttpStatus(201, _doc_out(doc))


# ------------------------------------------------------------------ petitions


class PetitionOut(Schema):
    """A letter as the worklist shows it. It has no field for the sender's identity, on purpose."""

    uuid: uuid_mod.UUID
    organisation: str
    reference: str
    kind: str
    channel: str
    sender_type: str
    received_on: datetime.date
    subject: str
    content: str
    is_anonymous: bool
    status: str
    outcome: str
    handler: str | None = Field(description="Tên đăng nhập của người xử lý.")
    accepted_on: datetime.date | None
    accept_due: datetime.date | None
    resolve_due: datetime.date | None
    next_due: datetime.date | None
    resolved_on: datetime.date | None
    resolved_on_time: bool | None
    finished_on: datetime.date | None
    overdue: bool
    external_source: str
    external_code: str


def _petition_out(p, today):
    return {
        "uuid": p.uuid,
        "organisation": p.organization.code,
        "reference": p.reference,
        "kind": p.kind,
        "channel": p.channel,
        "sender_type": p.sender_type,
        "received_on": p.received_on,
        "subject": p.subject,
        "content": p.content,
        "is_anonymous": p.is_anonymous,
        "status": p.status,
        "outcome": p.outcome,
        "handler": p.handler.get_username() if p.handler_id else None,
        "accepted_on": p.accepted_on,
        "accept_due": p.accept_due,
        "resolve_due": p.resolve_due,
        "next_due": p.next_due,
        "resolved_on": p.resolved_on,
        "resolved_on_time": p.resolved_on_time,
        "finished_on": p.finished_on,
        "overdue": p.overdue_on(today),
        "external_source": p.external_source,
        "external_code": p.external_code,
    }


class PetitionPage(Page):
    results: list[PetitionOut]


class PetitionFilters(Paging):
    """The worklist's filters (petitions.views._filtered), by the same names."""

    organisation: str = Field(..., pattern=CODE_PATTERN, description="Cơ quan (cùng các đơn vị trực thuộc).")
    q: str | None = Field(None, max_length=200, description="Số đơn, nội dung tóm tắt, nội dung, mã tra cứu.")
    kind: Literal[tuple(Kind.values)] | None = None
    status: Literal[("open", *Status.values)] | None = None
    handler: str | None = Field(
        None, pattern=r"^(none|[0-9]{1,9})$", description="`none` hoặc id người xử lý."
    )
    due: Literal["overdue", "soon"] | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    external_source: str | None = Field(None, max_length=32)
    external_code: str | None = Field(None, max_length=64)


@api.get("/petitions", response={200: PetitionPage, **ERR}, tags=["petitions"], summary="Sổ đơn thư")
def list_petitions(request, filters: Query[PetitionFilters]):
    """Sổ đơn thư của một cơ quan, cùng bộ lọc và thứ tự như trang danh sách đơn; người xử lý chỉ thấy
    đơn được giao."""
    from danchu.petitions.views import _filtered

    org = _visible_org(request, filters.organisation, "petitions.view")
    qs, _f = _filtered(request, org)
    if filters.external_source is not None:
        qs = qs.filter(external_source=filters.external_source)
    if filters.external_code is not None:
        qs = qs.filter(external_code=filters.external_code)
    count, rows = _page(qs, filters)
    today = timezone.localdate()
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "results": [_petition_out(p, today) for p in rows],
    }


def _get_petition(request, uuid):
    p = Petition.objects.select_related("organization", "handler").filter(uuid=uuid).first()
    if p is None or not petition_permissions.can_view(request.user, p):
        raise Http404
    return p


@api.get("/petitions/{uuid}", response={200: PetitionOut, **ERR}, tags=["petitions"], summary="Một đơn")
def get_petition(request, uuid: uuid_mod.UUID):
    return _petition_out(_get_petition(request, uuid), timezone.localdate())


class SenderIn(Schema):
    """Who sent the letter: stored encrypted (petitions.crypto) and never returned by the API."""

    full_name: str = Field("", max_length=255)
    address: str = Field("", max_length=500)
    phone: str = Field("", max_length=32)
    email: str = Field("", max_length=254)
    id_number: str = Field("", max_length=32)


class PetitionIn(Schema):
    organisation: str = Field(..., pattern=CODE_PATTERN)
    kind: Literal[tuple(Kind.values)]
    channel: Literal[tuple(Channel.values)]
    sender_type: Literal[tuple(SenderType.values)] = SenderType.CITIZEN
    received_on: datetime.date
    subject: str = Field(..., max_length=255)
    content: str = Field(..., max_length=10000)
    is_anonymous: bool = False
    sender: SenderIn | None = None
    second_time: bool = False
    several_places: bool = False
    transferred_from: str = Field("", max_length=255)
    external_source: str = Field(
        "", max_length=32, pattern=r"^[A-Za-z0-9._-]*$", description="Hệ thống nguồn, ví dụ `PAKN`."
    )
    external_code: str = Field("", max_length=64, description="Mã đơn ở hệ thống nguồn; duy nhất theo nguồn.")


@api.post("/petitions", response={201: PetitionOut, **ERR}, tags=["petitions"], summary="Tiếp nhận đơn")
def register_petition(request, payload: PetitionIn):
    """Tiếp nhận một đơn (cần mã có quyền ghi và quyền tiếp nhận đơn của cơ quan). Một mã đơn của
    một hệ thống nguồn chỉ được tiếp nhận một lần."""
    _ensure_write(request)
    org = _visible_org(request, payload.organisation, "petitions.view")
    if not access.can(request.user, "petitions.register", org):
        raise PermissionDenied(_("Bạn không có quyền tiếp nhận đơn của cơ quan này."))
    sender = payload.sender.dict() if payload.sender else {}
    p = petition_actions.register(
        org,
        actor=request.user,
        kind=payload.kind,
        channel=payload.channel,
        sender_type=payload.sender_type,
        received_on=payload.received_on,
        subject=payload.subject,
        content=payload.content,
        is_anonymous=payload.is_anonymous,
        identity=sender,
        second_time=payload.second_time,
        several_places=payload.several_places,
        transferred_from=payload.transferred_from,
        external_source=payload.external_source,
        external_code=payload.external_code,
    )
    p = Petition.objects.select_related("organization", "handler").get(pk=p.pk)
    return HttpStatus(201, _petition_out(p, timezone.localdate()))


# ------------------------------------------------------------------ indicators


class IndicatorOut(Schema):
    code: str
    label: str
    unit: str
    group: str
    value: int | float | None
    computed: int | float | None = Field(description="Giá trị tính từ sổ (trước khi nhập tay).")
    origin: Literal[tuple(Origin.values)] = Field(
        description="Nguồn gốc: `computed` tính từ sổ, `manual` nhập tay (có lý do), `missing` chưa có sổ."
    )
    reason: str = Field(description="Lý do nhập tay, khi origin là manual.")
    source: str = Field(description="Sổ mà chỉ tiêu được tính từ đó.")


class IndicatorsOut(Schema):
    organisation: str
    period: str
    data_start: datetime.date
    data_end: datetime.date
    missing: list[str] = Field(description="Các sổ chưa có trong danchu: chỉ tiêu của chúng là missing.")
    indicators: list[IndicatorOut]


def _number(v):
    return v if isinstance(v, int | float) and not isinstance(v, bool) else None


def _indicators(data, as_of):
    rows = []
    for code, value in data.values.items():
        indicator = INDICATOR_BY_CODE.get(code)
        rows.append(
            {
                "code": code,
                "label": str(indicator_label_on(code, as_of)) if indicator else code,
                "unit": str(indicator.unit) if indicator else "",
                "group": str(indicator.group) if indicator else "",
                "value": _number(value.value),
                "computed": _number(value.computed),
                "origin": str(value.origin),
                "reason": value.reason or "",
                "source": indicator.source if indicator else "",
            }
        )
    return rows


@api.get(
    "/organisations/{code}/indicators",
    response={200: IndicatorsOut, **ERR},
    tags=["indicators"],
    summary="Chỉ tiêu của cơ quan trong kỳ",
)
def get_indicators(
    request,
    code: str = Path(..., pattern=CODE_PATTERN),
    period: str = Query(..., pattern=CODE_PATTERN, description="Mã kỳ báo cáo, ví dụ 2020."),
):
    """Các chỉ tiêu của một cơ quan (cùng đơn vị trực thuộc) trong một kỳ, tính từ sổ như trên trang báo
    cáo, với nguồn gốc của từng số (tính từ sổ, nhập tay, chưa có sổ)."""
    org = _visible_org(request, code, "reporting.view")
    p = ReportingPeriod.objects.filter(code=period).first()
    if p is None:
        raise Http404
    data = compute_indicators(org, p)
    return {
        "organisation": org.code,
        "period": p.code,
        "data_start": p.cutoff_start,
        "data_end": p.cutoff_end,
        "missing": list(data.missing),
        "indicators": _indicators(data, p.cutoff_end),
    }


# ------------------------------------------------------------------ reports


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


# ------------------------------------------------------------------ the province: requests, submissions


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
    managed = access.orgs_with(request.user, "consolidation.manage")
    own = access.orgs_with(request.user, "consolidation.view_own")
    qs = (
        ReportRequest.objects.filter(
            Q(requesting_org__in=managed.values("pk")) | Q(target_rows__organization__in=own.values("pk"))
        )
        .distinct()
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
    from django.db import transaction

    _ensure_write(request)
    req, _managed, _targets = _get_request(request, uuid)
    org = _visible_org(request, payload.organisation, "consolidation.view_own")
    if not access.can(request.user, "consolidation.submit", org):
        raise PermissionDenied(_("Bạn không có quyền gửi báo cáo của cơ quan này."))
    with transaction.atomic():
        if payload.report is not None:
            report = (
                Report.objects.filter(uuid=payload.report, organization=org)
                .prefetch_related("snapshots")
                .first()
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
            raise ValidationError(
                {"report": _("Hãy chọn báo cáo đã gửi trong danchu, hoặc gửi tệp báo cáo.")}
            )
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


@api.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False
)
def not_found(request, rest: str):
    """Any other path under /api/v1/: the same JSON 404 as an unknown record."""
    raise Http404
