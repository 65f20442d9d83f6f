"""Organisations: the agencies a user may see, one by code."""

import datetime
import uuid as uuid_mod

from ninja import Path, Query, Schema

from danchu.orgs import access

from .shared import CODE_PATTERN, ERR, Page, Paging, _page, _visible_org, api


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


@api.get(
    "/organisations/{code}",
    response={200: OrganisationOut, **ERR},
    tags=["organisations"],
    summary="Một cơ quan",
)
def get_organisation(request, code: str = Path(..., pattern=CODE_PATTERN)):
    return _org_out(_visible_org(request, code))
