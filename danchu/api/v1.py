"""The REST API, version 1 (`/api/v1/`), on django-ninja. Endpoints are thin like the pages:
authenticate the token → look the object up through danchu.orgs.access (an outsider gets 404) →
call the app's action → answer. No endpoint ever serialises a sender's identity: the schemas
below have no field for it, and the reveal stays a page action (petitions:reveal, audited)."""

import datetime
import uuid as uuid_mod
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema, Swagger

from danchu.documents import actions as document_actions
from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Direction, Document
from danchu.documents.permissions import can_change_in, can_view_document
from danchu.orgs import access
from danchu.orgs.models import Organization, ReportingPeriod
from danchu.petitions import actions as petition_actions
from danchu.petitions import permissions as petition_permissions
from danchu.petitions.models import Channel, Kind, Petition, SenderType, Status

from . import errors
from .auth import TokenAuth

api = NinjaAPI(
    title="danchu API",
    version="1",
    description=(
        "API của danchu: cơ quan, kỳ báo cáo, sổ văn bản, đơn thư. Xác thực bằng mã truy cập cá nhân "
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
    if not request.auth.can_write:
        raise PermissionDenied(_("Mã truy cập này chỉ có quyền đọc; hãy tạo mã có quyền ghi."))


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


@api.get("/organisations", response={200: OrganisationPage, **ERR}, tags=["organisations"])
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


@api.get("/organisations/{code}", response={200: OrganisationOut, **ERR}, tags=["organisations"])
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


@api.get("/periods", response={200: list[PeriodOut], **ERR}, tags=["periods"])
def list_periods(request):
    """Các kỳ báo cáo (dùng chung cho mọi cơ quan)."""
    return list(ReportingPeriod.objects.order_by("-year", "code"))


@api.get("/periods/{code}", response={200: PeriodOut, **ERR}, tags=["periods"])
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


@api.get("/documents", response={200: DocumentPage, **ERR}, tags=["documents"])
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


@api.get("/documents/{uuid}", response={200: DocumentOut, **ERR}, tags=["documents"])
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


@api.post("/documents", response={201: DocumentOut, **ERR}, tags=["documents"])
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
    return 201, _doc_out(doc)


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


@api.get("/petitions", response={200: PetitionPage, **ERR}, tags=["petitions"])
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


@api.get("/petitions/{uuid}", response={200: PetitionOut, **ERR}, tags=["petitions"])
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


@api.post("/petitions", response={201: PetitionOut, **ERR}, tags=["petitions"])
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
    return 201, _petition_out(p, timezone.localdate())
