"""The document register: list, read, enter a document."""

import datetime
import uuid as uuid_mod
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja import Status as HttpStatus

from danchu.documents import actions as document_actions
from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Direction, Document
from danchu.documents.permissions import can_change_in, can_view_document
from danchu.orgs import access

from .shared import CODE_PATTERN, ERR, Page, Paging, _ensure_write, _page, _visible_org, api


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
        qs = qs.matching(filters.q)  # the registry page's search (accents and case folded)
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
