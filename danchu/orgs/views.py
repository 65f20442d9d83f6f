from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import imports, search
from danchu.core.forms import add_validation_error
from danchu.core.registers import import_view
from danchu.core.xlsx import XLSX_MIME

from . import access, actions
from .forms import (
    MemberForm,
    OrganizationCreateForm,
    OrganizationSettingsForm,
    PeriodForm,
    RoleForm,
    UserForm,
)
from .models import Membership, Organization, ReportingPeriod, RoleAssignment, StaffCategory
from .staff import StaffRegister


@login_required
def detail_active(request):
    if request.org is None:
        return redirect("home")
    return redirect("orgs:detail", code=request.org.code)


@login_required
def detail(request, code):
    org = _get_org(request, code)
    children = org.children.annotate(staff=Count("memberships")).order_by("name")
    context = {
        "org": org,
        "children": children,
        # An ancestor the user may not open is named, not linked (a link would be a 404).
        "ancestors": [(a, access.can(request.user, "orgs.view", a)) for a in org.ancestors()],
        "can_settings": access.can(request.user, "orgs.settings", org),
    }
    if access.can(request.user, "orgs.view_staff", org):
        staff = Membership.objects.staff_of(org).select_related("person", "organization")
        q = request.GET.get("q", "").strip()
        category = request.GET.get("category", "")
        if q:
            staff = staff.filter(search.matches(q, ("person__full_name", "position")))
        if category in StaffCategory.values:
            staff = staff.filter(staff_category=category)
        page = Paginator(staff, 50).get_page(request.GET.get("page"))
        context.update(
            page_obj=page,
            q=q,
            category=category,
            categories=StaffCategory.choices,
            counts=[
                (StaffCategory(row["staff_category"]).label, row["n"])
                for row in Membership.objects.staff_of(org)
                .exclude(organization__kind__in=["party_committee", "party_cell", "union", "committee"])
                .values("staff_category")
                .annotate(n=Count("person", distinct=True))
                .order_by("staff_category")
            ],
        )
    return render(request, "orgs/detail.html", context)


def _get_org(request, code):
    org = Organization.objects.filter(code=code).select_related("parent", "successor").first()
    if org is None or not access.can(request.user, "orgs.view", org):
        raise Http404
    return org


def _errors_to_form(form, exc):
    add_validation_error(form, exc)


# ---------------------------------------------------------------------------------------------
# Setting up: the province tree


@login_required
def setup(request):
    """The tree the user may build, with links to each body's settings."""
    managed = access.orgs_with(request.user, "orgs.manage")
    if not managed.exists() and not access.is_system_admin(request.user):
        if not actions.may_manage_periods(request.user):
            raise Http404
    tree = list(managed.select_related("parent").order_by("path"))
    return render(
        request,
        "orgs/setup.html",
        {
            "tree": tree,
            "can_add_province": access.is_system_admin(request.user),
            "can_periods": actions.may_manage_periods(request.user),
        },
    )


@login_required
def org_create(request):
    parents = access.orgs_with(request.user, "orgs.manage").filter(valid_to__isnull=True)
    if not parents.exists() and not access.is_system_admin(request.user):
        raise Http404
    initial = {}
    if wanted := request.GET.get("parent"):
        parent = parents.filter(code=wanted).first()
        if parent is not None:
            initial = {"parent": parent.pk, "place_name": parent.place_name}
    form = OrganizationCreateForm(request.POST or None, parents=parents, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            org = actions.create_organization(
                actor=request.user,
                code=d["code"],
                name=d["name"],
                kind=d["kind"],
                parent=d["parent"],
                short_name=d["short_name"],
                place_name=d["place_name"],
                valid_from=d["valid_from"],
            )
        except PermissionDenied:
            form.add_error(
                "parent", _("Bạn không được tạo cơ quan ở đây; chỉ quản trị hệ thống tạo tỉnh mới.")
            )
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã tạo %(name)s.") % {"name": org.name})
            return redirect("orgs:settings", code=org.code)
    return render(request, "orgs/create.html", {"form": form}, status=400 if form.errors else 200)


# ---------------------------------------------------------------------------------------------
# An agency's settings, staff and accounts


def _settings_org(request, code):
    org = (
        Organization.objects.filter(code=code).select_related("parent", "successor", "default_signer").first()
    )
    if org is None or not access.can(request.user, "orgs.settings", org):
        raise Http404
    return org


def _may_structure(user, org):
    return access.can(user, "orgs.manage", org.parent if org.parent_id else org)


@login_required
def settings_view(request, code):
    org = _settings_org(request, code)
    structure = _may_structure(request.user, org)
    form = OrganizationSettingsForm(request.POST or None, instance=org, structure=structure)
    if request.method == "POST" and request.POST.get("form") == "settings":
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.fields}
            try:
                actions.update_organization(Organization.objects.get(pk=org.pk), actor=request.user, **fields)
            except ValidationError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, _("Đã lưu thiết lập của cơ quan."))
                return redirect("orgs:settings", code=org.code)
    elif request.method == "POST":
        form = OrganizationSettingsForm(instance=org, structure=structure)
    return _settings_page(request, org, form=form, status=400 if form.errors else 200)


def _settings_page(request, org, *, form=None, member_form=None, user_form=None, role_form=None, status=200):
    from .signing import default_signature

    members = Membership.objects.filter(organization__path__startswith=org.path).select_related(
        "person", "organization", "person__user"
    )
    may_users = access.can(request.user, "orgs.users", org)
    roles = (
        RoleAssignment.objects.filter(organization=org).select_related("user", "organization")
        if may_users
        else RoleAssignment.objects.none()
    )
    return render(
        request,
        "orgs/settings.html",
        {
            "org": org,
            "form": form
            or OrganizationSettingsForm(instance=org, structure=_may_structure(request.user, org)),
            "member_form": member_form or MemberForm(initial={"staff_category": StaffCategory.CIVIL_SERVANT}),
            "user_form": user_form or (UserForm(org=org) if may_users else None),
            "role_form": role_form or (RoleForm() if may_users else None),
            "members": members.order_by("organization__path", "-is_head", "-is_deputy", "person__full_name")[
                :300
            ],
            "member_count": members.count(),
            "roles": roles,
            "children": org.children.select_related("parent").order_by("name"),
            "signature": default_signature(org),
            "may_structure": _may_structure(request.user, org),
        },
        status=status,
    )


@login_required
@require_POST
def member_add(request, code):
    org = _settings_org(request, code)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            actions.add_member(org, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": form.cleaned_data["full_name"]})
            return redirect("orgs:settings", code=org.code)
    return _settings_page(request, org, member_form=form, status=400)


@login_required
def staff_import(request, code):
    org = _settings_org(request, code)
    return import_view(request, StaffRegister(org), org=org)


@login_required
def staff_template(request, code):
    org = _settings_org(request, code)
    response = HttpResponse(imports.template_xlsx(StaffRegister(org).spec()), content_type=XLSX_MIME)
    response["Content-Disposition"] = 'attachment; filename="danh-sach-can-bo.xlsx"'
    return response


@login_required
@require_POST
def user_create(request, code):
    org = _settings_org(request, code)
    if not access.can(request.user, "orgs.users", org):
        raise Http404
    form = UserForm(request.POST, org=org)
    if form.is_valid():
        try:
            actions.create_user(actor=request.user, org=org, **form.cleaned_data)
        except PermissionDenied:
            form.add_error("role", _("Chỉ quản trị hệ thống giao được vai trò này."))
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã tạo tài khoản %(u)s.") % {"u": form.cleaned_data["username"]})
            return redirect("orgs:settings", code=org.code)
    return _settings_page(request, org, user_form=form, status=400)


@login_required
@require_POST
def role_add(request, code):
    org = _settings_org(request, code)
    if not access.can(request.user, "orgs.users", org):
        raise Http404
    form = RoleForm(request.POST)
    if form.is_valid():
        user = get_user_model().objects.filter(username=form.cleaned_data["username"].strip()).first()
        if user is None:
            form.add_error(
                "username", _("Không có tài khoản “%(u)s”.") % {"u": form.cleaned_data["username"]}
            )
        else:
            try:
                actions.assign_role(actor=request.user, user=user, org=org, role=form.cleaned_data["role"])
            except PermissionDenied:
                form.add_error("role", _("Chỉ quản trị hệ thống giao được vai trò này."))
            except ValidationError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, _("Đã giao vai trò."))
                return redirect("orgs:settings", code=org.code)
    return _settings_page(request, org, role_form=form, status=400)


@login_required
@require_POST
def role_remove(request, code, pk):
    org = _settings_org(request, code)
    assignment = RoleAssignment.objects.filter(pk=pk, organization=org).select_related("organization").first()
    if assignment is None or not access.can(request.user, "orgs.users", org):
        raise Http404
    actions.remove_role(assignment, actor=request.user)
    messages.success(request, _("Đã bỏ vai trò."))
    return redirect("orgs:settings", code=org.code)


# ---------------------------------------------------------------------------------------------
# Reporting periods


@login_required
def periods(request):
    if not actions.may_manage_periods(request.user):
        raise Http404
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            period = actions.create_period(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Đã thêm kỳ báo cáo %(name)s.") % {"name": period.name})
            return redirect("orgs:periods")
    return render(
        request,
        "orgs/periods.html",
        {"form": form, "periods": ReportingPeriod.objects.order_by("-year", "code")},
        status=400 if form.errors else 200,
    )
