"""Every change to the organisation registry goes through one of these functions: atomic,
validated with a Vietnamese message, audited, and checking who may do it.

Who may: `orgs.manage` (system admin, province officer) builds the tree — a new province only by
a system admin; `orgs.settings` (also the agency head) sets what an agency's documents need and
imports its staff; `orgs.users` gives accounts and roles; `orgs.periods` adds reporting periods.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import transactions

from . import access
from .models import (
    Membership,
    Organization,
    OrganizationKind,
    PeriodKind,
    Person,
    ReportingPeriod,
    Role,
    RoleAssignment,
    SigningAuthority,
    StaffCategory,
)
from .periods import default_dates, parts_of, period_code, period_name

# Since 01/07/2025 there is no district level (Nghị quyết 202/2025/QH15; LEGAL.md §10).
NO_DISTRICTS_FROM = datetime.date(2025, 7, 1)

ORG_FIELDS = (
    "code",
    "name",
    "short_name",
    "kind",
    "parent",
    "place_name",
    "valid_from",
    "valid_to",
    "successor",
)
SETTINGS_FIELDS = (
    "name",
    "short_name",
    "place_name",
    "head_title",
    "default_signer",
    "default_recipients",
    "staff_required_conference",
    "has_internal_site",
)
STRUCTURE_FIELDS = ("parent", "valid_from", "valid_to", "successor", "kind")


def _check_kind(kind, parent, valid_from):
    errors = {}
    starts = valid_from or datetime.date.today()
    if kind == OrganizationKind.DISTRICT and starts >= NO_DISTRICTS_FROM:
        errors["kind"] = _("Từ ngày 01/07/2025 không còn cấp huyện: hãy tạo xã, phường trực thuộc tỉnh.")
    if kind == OrganizationKind.PROVINCE and parent is not None:
        errors["parent"] = _("Tỉnh là cấp cao nhất, không có cơ quan cấp trên.")
    if kind != OrganizationKind.PROVINCE and parent is None:
        errors["parent"] = _("Chọn cơ quan cấp trên (tỉnh, sở hoặc cơ quan chứa đơn vị này).")
    return errors


@transactions.action()
def create_organization(*, actor, code, name, kind, parent=None, short_name="", place_name="", **extra):
    """A province (system admin only), an agency or commune under a province, or a unit inside an
    agency (`orgs.manage` over the parent)."""
    if parent is None:
        if not access.is_system_admin(actor):
            raise PermissionDenied
    elif not access.can(actor, "orgs.manage", parent):
        raise PermissionDenied
    code, name = (code or "").strip(), (name or "").strip()
    errors = _check_kind(kind, parent, extra.get("valid_from"))
    if not code:
        errors["code"] = _("Ghi mã cơ quan, ví dụ VL.SKHCN.")
    elif Organization.objects.filter(code=code).exists():
        errors["code"] = _("Đã có cơ quan mang mã “%(code)s”.") % {"code": code}
    if not name:
        errors["name"] = _("Ghi tên cơ quan.")
    if parent is not None and parent.valid_to is not None:
        errors["parent"] = _("Cơ quan cấp trên đã ngừng hoạt động từ %(day)s; chọn cơ quan kế thừa.") % {
            "day": parent.valid_to.strftime("%d/%m/%Y")
        }
    if errors:
        raise ValidationError(errors)
    org = Organization(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        short_name=(short_name or "").strip(),
        place_name=(place_name or (parent.place_name if parent is not None else "")).strip(),
        **{k: v for k, v in extra.items() if k in ORG_FIELDS + SETTINGS_FIELDS},
    )
    org.full_clean()
    org.save()
    record_create(org, actor, organization=org, verb="tạo cơ quan, đơn vị")
    return org


@transactions.action()
def update_organization(org, *, actor, **fields):
    """Change an agency's settings (`orgs.settings`) and, for `orgs.manage`, its place in the tree
    and its validity (a ceased body names its successor)."""
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if not access.can(actor, "orgs.settings", org):
        raise PermissionDenied
    structural = {k for k in fields if k in STRUCTURE_FIELDS}
    if structural:
        over = org.parent if org.parent_id else org
        if not access.can(actor, "orgs.manage", over):
            raise PermissionDenied
    before = snapshot(org)
    for name, value in fields.items():
        if name not in SETTINGS_FIELDS + STRUCTURE_FIELDS:
            raise ValueError(name)
        setattr(org, name, value.strip() if isinstance(value, str) else value)
    errors = {}
    if org.parent_id and (org.parent_id == org.pk or org.parent.path.startswith(org.path)):
        errors["parent"] = _("Cơ quan cấp trên không được là chính nó hoặc đơn vị trực thuộc nó.")
    if org.default_signer_id and org.default_signer.organization_id != org.pk:
        errors["default_signer"] = _("Người ký mặc định phải là thành viên của chính cơ quan này.")
    if org.successor_id and org.successor_id == org.pk:
        errors["successor"] = _("Cơ quan kế thừa phải là cơ quan khác.")
    if org.successor_id and not org.valid_to:
        errors["valid_to"] = _("Ghi ngày hết hiệu lực khi đã chọn cơ quan kế thừa.")
    if errors:
        raise ValidationError(errors)
    org.full_clean()
    org.save()
    changes = diff(before, snapshot(org))
    if changes:
        record(
            org, AuditAction.UPDATE, actor, changes=changes, organization=org, verb="sửa thiết lập cơ quan"
        )
    return org


def _clean_member(org, values):
    errors = {}
    if not (values.get("full_name") or "").strip():
        errors["full_name"] = _("Ghi họ và tên.")
    if values.get("staff_category") and values["staff_category"] not in StaffCategory.values:
        errors["staff_category"] = _("Loại cán bộ không hợp lệ.")
    if values.get("signs_as") and values["signs_as"] not in SigningAuthority.values:
        errors["signs_as"] = _("Thẩm quyền ký không hợp lệ.")
    if values.get("is_head") and values.get("is_deputy"):
        errors["is_deputy"] = _("Một người không thể vừa là người đứng đầu vừa là cấp phó.")
    start, end = values.get("start"), values.get("end")
    if start and end and end < start:
        errors["end"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
    if org.valid_to and start and start > org.valid_to:
        errors["start"] = _("Cơ quan đã ngừng hoạt động từ %(day)s.") % {
            "day": org.valid_to.strftime("%d/%m/%Y")
        }
    return errors


@transactions.action()
def add_member(
    org,
    *,
    actor,
    full_name,
    position="",
    staff_category=StaffCategory.CIVIL_SERVANT,
    is_head=False,
    is_deputy=False,
    signs_as="",
    is_party_member=False,
    gender="",
    email="",
    phone="",
    start=None,
    end=None,
    person=None,
):
    """A person (new, or `person` given) becomes a member of `org` (`orgs.settings` over it)."""
    if not access.can(actor, "orgs.settings", org):
        raise PermissionDenied
    values = dict(
        full_name=full_name if person is None else person.full_name,
        staff_category=staff_category,
        signs_as=signs_as,
        is_head=is_head,
        is_deputy=is_deputy,
        start=start,
        end=end,
    )
    errors = _clean_member(org, values)
    if errors:
        raise ValidationError(errors)
    if person is None:
        person = Person(
            full_name=full_name.strip(), gender=gender or "", email=email or "", phone=phone or ""
        )
        person.full_clean()
        person.save()
    membership = Membership(
        person=person,
        organization=org,
        position=(position or "").strip(),
        staff_category=staff_category or StaffCategory.CIVIL_SERVANT,
        is_party_member=bool(is_party_member),
        is_head=bool(is_head),
        is_deputy=bool(is_deputy),
        signs_as=signs_as or "",
        start=start,
        end=end,
    )
    membership.full_clean()
    membership.save()
    record_create(membership, actor, verb="thêm cán bộ vào danh sách")
    return membership


@transactions.action()
def update_member(membership, *, actor, **fields):
    membership = Membership.objects.select_for_update().select_related("organization").get(pk=membership.pk)
    if not access.can(actor, "orgs.settings", membership.organization):
        raise PermissionDenied
    before = snapshot(membership)
    allowed = {
        "position",
        "staff_category",
        "is_head",
        "is_deputy",
        "signs_as",
        "is_party_member",
        "start",
        "end",
    }
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(membership, name, value)
    errors = _clean_member(
        membership.organization,
        {
            "full_name": membership.person.full_name,
            **{
                k: getattr(membership, k)
                for k in ("staff_category", "signs_as", "is_head", "is_deputy", "start", "end")
            },
        },
    )
    if errors:
        raise ValidationError(errors)
    membership.full_clean()
    membership.save()
    changes = diff(before, snapshot(membership))
    if changes:
        record(membership, AuditAction.UPDATE, actor, changes=changes, verb="sửa thông tin cán bộ")
    return membership


@transactions.action()
def create_user(*, actor, username, password, full_name, org, role, person=None, email=""):
    """An account holding `role` over `org` (`orgs.users` over it), linked to a person of the staff
    list when one is given."""
    if not access.can(actor, "orgs.users", org):
        raise PermissionDenied
    User = get_user_model()
    username = (username or "").strip()
    errors = {}
    if not username:
        errors["username"] = _("Ghi tên đăng nhập.")
    elif User.objects.filter(username=username).exists():
        errors["username"] = _("Tên đăng nhập “%(u)s” đã có người dùng.") % {"u": username}
    if not password or len(password) < 8:
        errors["password"] = _("Mật khẩu phải có ít nhất 8 ký tự.")
    if role not in Role.values:
        errors["role"] = _("Vai trò không hợp lệ.")
    if person is not None and person.user_id:
        errors["person"] = _("Người này đã có tài khoản.")
    if errors:
        raise ValidationError(errors)
    user = User.objects.create_user(
        username=username, password=password, first_name=full_name.strip(), email=email
    )
    record_create(user, actor, organization=org, verb="tạo tài khoản", secret_fields=("password",))
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    assign_role(actor=actor, user=user, org=org, role=role)
    return user


@transactions.action()
def assign_role(*, actor, user, org, role):
    if not access.can(actor, "orgs.users", org):
        raise PermissionDenied
    if role not in Role.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ.")})
    if role == Role.SYSTEM_ADMIN and not access.is_system_admin(actor):
        raise PermissionDenied
    if org.valid_to is not None:
        raise ValidationError(
            {"organization": _("Cơ quan đã ngừng hoạt động; hãy giao vai trò ở cơ quan kế thừa.")}
        )
    assignment, created = RoleAssignment.objects.get_or_create(user=user, organization=org, role=role)
    if not created:
        raise ValidationError({"role": _("Người dùng đã có vai trò này ở cơ quan này.")})
    record_create(assignment, actor, organization=org, verb="giao vai trò")
    access.clear_cache(user)
    return assignment


@transactions.action()
def remove_role(assignment, *, actor):
    if not access.can(actor, "orgs.users", assignment.organization):
        raise PermissionDenied
    record(
        assignment,
        AuditAction.DELETE,
        actor,
        changes=diff(snapshot(assignment), {}),
        organization=assignment.organization,
        verb="bỏ vai trò",
    )
    assignment.delete()


def may_manage_periods(user):
    """Periods serve every agency: whoever holds `orgs.periods` anywhere may add them."""
    granting = access.roles_granting("orgs.periods")
    return access.is_system_admin(user) or any(a.role in granting for a in access.assignments(user))


@transactions.action()
def create_period(
    *, actor, kind, year, part=None, cutoff_start=None, cutoff_end=None, name="", authorised=False
):
    """A year, half-year or quarter; the cut-off defaults to Nghị định 09/2019 Điều 12
    (`periods.default_dates`, (check)). `authorised`: created by another action (a province
    request) that checked its own permission."""
    if not authorised and not may_manage_periods(actor):
        raise PermissionDenied
    errors = {}
    if kind not in (PeriodKind.ANNUAL, PeriodKind.HALF_YEAR, PeriodKind.QUARTER):
        errors["kind"] = _("Chọn loại kỳ: năm, 6 tháng hoặc quý.")
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = None
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = _("Ghi năm có bốn chữ số, ví dụ 2026.")
    if not errors and parts_of(kind) and part not in parts_of(kind):
        errors["part"] = (
            _("Chọn 6 tháng đầu năm (1) hay cuối năm (2).")
            if kind == PeriodKind.HALF_YEAR
            else _("Chọn quý 1, 2, 3 hoặc 4.")
        )
    if errors:
        raise ValidationError(errors)
    part = part if parts_of(kind) else None
    code = period_code(kind, year, part)
    if ReportingPeriod.objects.filter(code=code).exists():
        raise ValidationError({"year": _("Đã có kỳ báo cáo “%(code)s”.") % {"code": code}})
    start, end, default_from, default_to = default_dates(kind, year, part)
    cutoff_start, cutoff_end = cutoff_start or default_from, cutoff_end or default_to
    if cutoff_end < cutoff_start:
        raise ValidationError({"cutoff_end": _("Ngày chốt số liệu cuối không được trước ngày đầu.")})
    period = ReportingPeriod(
        code=code,
        name=(name or "").strip() or period_name(kind, year, part),
        kind=kind,
        year=year,
        start=start,
        end=end,
        cutoff_start=cutoff_start,
        cutoff_end=cutoff_end,
    )
    period.full_clean()
    period.save()
    record_create(period, actor, verb="thêm kỳ báo cáo")
    return period


def period_for_year(year):
    """The annual period of `year`, if there is one."""
    return ReportingPeriod.objects.filter(code=period_code(PeriodKind.ANNUAL, year)).first()
