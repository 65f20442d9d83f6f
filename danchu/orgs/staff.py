"""An agency's staff list from a spreadsheet, through the one import engine (danchu.core.imports:
dry run, then confirm). Each row becomes a person and a membership via `actions.add_member`."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core.imports import Column, ImportSpec, normalize

from . import actions
from .models import Membership, Organization, Person, SigningAuthority, StaffCategory


def _unit_lookup(text, context):
    """A unit of the agency by code, short name or name (the agency itself when empty)."""
    wanted = normalize(text)
    for org in context["orgs"]:
        if wanted in (normalize(org.code), normalize(org.short_name), normalize(org.name)):
            return org
    raise ValidationError(
        _("Không có đơn vị “%(v)s” trong %(org)s (ghi mã, tên viết tắt hoặc tên đơn vị).")
        % {"v": text, "org": context["org"].name}
    )


def _build(values, context):
    org = values.get("unit") or context["org"]
    return Membership(
        person=Person(full_name=values["full_name"]),
        organization=org,
        position=values["position"],
        staff_category=values["staff_category"] or StaffCategory.CIVIL_SERVANT,
        is_head=values["is_head"],
        is_deputy=values["is_deputy"],
        signs_as=values["signs_as"] or "",
        is_party_member=values["is_party_member"],
        start=values["start"],
        end=values["end"],
    )


def _save(membership, values, context):
    return actions.add_member(
        membership.organization,
        actor=context["actor"],
        full_name=values["full_name"],
        position=values["position"],
        staff_category=membership.staff_category,
        is_head=values["is_head"],
        is_deputy=values["is_deputy"],
        signs_as=values["signs_as"] or "",
        is_party_member=values["is_party_member"],
        gender=values["gender"] or "",
        email=values["email"],
        start=values["start"],
        end=values["end"],
    )


def _describe(membership):
    parts = [membership.person.full_name, membership.position or membership.get_staff_category_display()]
    if membership.is_head:
        parts.append(str(_("người đứng đầu")))
    elif membership.is_deputy:
        parts.append(str(_("cấp phó")))
    return f"{' — '.join(parts)} ({membership.organization.short_name or membership.organization.name})"


def staff_spec(register=None):
    return ImportSpec(
        title=gettext_lazy("Danh sách cán bộ, công chức, viên chức, người lao động"),
        columns=[
            Column("full_name", "Họ và tên", required=True, max_length=128),
            Column("gender", "Giới tính", kind="choice", choices=Person.Gender.choices),
            Column("position", "Chức vụ", max_length=128, example="Phó Giám đốc"),
            Column(
                "staff_category",
                "Loại",
                kind="choice",
                choices=[c for c in StaffCategory.choices if c[0] != StaffCategory.OTHER],
                help="Công chức, viên chức hay người lao động; để trống là công chức.",
            ),
            Column(
                "unit",
                "Đơn vị",
                kind="lookup",
                lookup=_unit_lookup,
                help="Mã, tên viết tắt hoặc tên đơn vị trực thuộc; để trống là chính cơ quan.",
                field="organization",
            ),
            Column("is_head", "Người đứng đầu", kind="bool"),
            Column("is_deputy", "Cấp phó", kind="bool"),
            Column(
                "signs_as",
                "Ký với thẩm quyền",
                kind="choice",
                choices=SigningAuthority.choices,
                help="KT., Q., TL. …; để trống: người đứng đầu ký trực tiếp, cấp phó ký thay (KT.).",
            ),
            Column("is_party_member", "Đảng viên", kind="bool"),
            Column("email", "Thư điện tử", max_length=254),
            Column("start", "Từ ngày", kind="date"),
            Column("end", "Đến ngày", kind="date"),
        ],
        build=_build,
        save=_save,
        describe=_describe,
    )


class StaffRegister:
    """Enough of a `core.registers.Register` for its import view, over one agency's staff list."""

    name = "orgs_staff"
    title = gettext_lazy("Danh sách cán bộ")
    change_perm = "orgs.settings"

    def __init__(self, org):
        self.org = org

    def spec(self):
        return staff_spec(self)

    def url(self, view, obj=None):
        names = {"import": "orgs:staff_import", "template": "orgs:staff_template"}
        return reverse(names.get(view, "orgs:settings"), kwargs={"code": self.org.code})

    def change_orgs(self, request, org=None):
        return Organization.objects.subtree(self.org)
