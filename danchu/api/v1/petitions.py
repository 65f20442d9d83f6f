"""The letters register: the worklist, one letter, receiving a letter (never the sender's identity)."""

import datetime
import uuid as uuid_mod
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja import Status as HttpStatus

from danchu.orgs import access
from danchu.petitions import actions as petition_actions
from danchu.petitions import permissions as petition_permissions
from danchu.petitions.models import Channel, Kind, Petition, SenderType, Status

from .shared import CODE_PATTERN, ERR, Page, Paging, _ensure_write, _page, _visible_org, api


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
    """The worklist's filters (danchu.petitions.worklist), by the same names."""

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
    from danchu.petitions.worklist import letters

    org = _visible_org(request, filters.organisation, "petitions.view")
    qs, _f = letters(request, org)
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
