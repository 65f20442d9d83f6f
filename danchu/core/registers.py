"""Generic register pages, shared by the simple registers (oversight, activities).

An app describes each register with a `Register` (model, form, list columns, filters, import
spec, the action functions that save and delete) and includes `register.urls()` in its urls.py.
The views are thin: check access -> validate a form -> call the app's action -> redirect.

    list     <slug>/                 search, filters, pagination; fixed number of queries
    export   <slug>/xuat-xlsx/       the filtered list as XLSX (user text never becomes a formula)
    create   <slug>/them/
    detail   <slug>/<uuid>/          fields, child records, change history
    edit     <slug>/<uuid>/sua/
    delete   <slug>/<uuid>/xoa/      asks for confirmation, POST deletes
    import   <slug>/nhap/            upload -> dry run -> commit (danchu.core.imports)
    template <slug>/nhap/mau.xlsx    the blank import file

`save_record` and `delete_record` are the generic halves of the apps' action functions: atomic,
validated with full_clean, and writing the audit row in the same transaction.
"""

import datetime
import uuid as uuidlib
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import ProtectedError, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, snapshot
from danchu.core.fields import BoundedModelMultipleChoiceField
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal
from danchu.orgs.labels import label_org_fields
from danchu.orgs.models import Organization

from . import imports, search, stale, vnformat
from .xlsx import XLSX_MIME, xlsx_response

PAGE_SIZE = 25
SNAPSHOT_EXCLUDE = ("id", "uuid")


# ---------------------------------------------------------------------------------------------
# Actions: the generic halves


def save_record(instance, *, actor, m2m=None, reason="", verb="", organization=None, expected_version=None):
    """Validate and save `instance` (create or update), set its many-to-many values, audit it.

    `expected_version` is the version of the record the edit form was opened on
    (`stale.version_of`): the stored row is locked and, if it changed meanwhile, `stale.StaleEdit`
    is raised and nothing is saved. None (no form shown) checks nothing."""
    with transaction.atomic():
        creating = instance._state.adding or instance.pk is None
        before = {}
        if not creating:
            fresh = type(instance)._base_manager.select_for_update().get(pk=instance.pk)
            stale.check_record(fresh, expected_version, instance, m2m)
            before = snapshot(fresh, exclude=SNAPSHOT_EXCLUDE)
            for name in m2m or {}:
                before[name] = sorted(str(o) for o in getattr(fresh, name).all())
        instance.full_clean()
        instance.save()
        after = snapshot(instance, exclude=SNAPSHOT_EXCLUDE)
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
            after[name] = sorted(str(o) for o in values)
        kwargs = {"reason": reason, "verb": verb}
        if organization is not None:
            kwargs["organization"] = organization
        if creating:
            record(instance, AuditAction.CREATE, actor, changes=diff({}, after), **kwargs)
        else:
            changes = diff(before, after)
            if changes:
                record(instance, AuditAction.UPDATE, actor, changes=changes, **kwargs)
    return instance


def delete_record(instance, *, actor, reason="", organization=None):
    """Delete `instance` (and what cascades from it), keeping its last values in the trail."""
    with transaction.atomic():
        kwargs = {"reason": reason}
        if organization is not None:
            kwargs["organization"] = organization
        record(
            instance,
            AuditAction.DELETE,
            actor,
            changes=diff(snapshot(instance, exclude=SNAPSHOT_EXCLUDE), {}),
            **kwargs,
        )
        instance.delete()


# ---------------------------------------------------------------------------------------------
# Describing a register


@dataclass
class Col:
    """A list column: label, accessor (dotted attribute path or callable), format."""

    label: str
    accessor: object
    fmt: str = ""  # "", date, money, number, bool, choice
    num: bool = False

    def raw(self, obj):
        if callable(self.accessor):
            return self.accessor(obj)
        value = obj
        for part in self.accessor.split("."):
            if value is None:
                return None
            display = getattr(value, f"get_{part}_display", None)
            if self.fmt == "choice" and display is not None and part == self.accessor.split(".")[-1]:
                return display()
            value = getattr(value, part)
        return value

    def text(self, obj):
        value = self.raw(obj)
        if value is None or value == "":
            return ""
        if self.fmt == "date":
            return vnformat.short_date(value)
        if self.fmt == "money":
            return vnformat.number(value)
        if self.fmt == "number":
            return vnformat.number(value)
        if self.fmt == "bool":
            return _("Có") if value else ""
        return str(value)

    def export(self, obj):
        value = self.raw(obj)
        if self.fmt == "bool":
            return _("có") if value else _("không")
        if isinstance(value, models.Model):
            return str(value)
        if value is None:
            return ""
        if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
            return value
        return str(value)


@dataclass
class Filter:
    """A filter of a list: GET parameter `name`, choices (or a callable(qs, request) giving them),
    and the lookup it applies (a field path, or a callable(qs, value))."""

    name: str
    label: str
    choices: object
    lookup: object

    def options(self, request):
        choices = self.choices(request) if callable(self.choices) else self.choices
        return [(str(v), str(label)) for v, label in choices]

    def apply(self, qs, value):
        if callable(self.lookup):
            return self.lookup(qs, value)
        if value in ("true", "false"):
            return qs.filter(**{self.lookup: value == "true"})
        return qs.filter(**{self.lookup: value})


BOOL_CHOICES = [("true", gettext_lazy("Có")), ("false", gettext_lazy("Không"))]


@dataclass
class Child:
    """Records of another register shown on a parent's detail page."""

    register: object
    fk: str
    title: str = ""


@dataclass
class Register:
    model: type
    name: str
    slug: str
    namespace: str
    title: str
    title_one: str
    form_class: type
    columns: list
    view_perm: str
    change_perm: str
    save: object
    delete: object
    search: tuple = ()
    filters: list = field(default_factory=list)
    org_field: str = "organization"
    date_field: str = ""
    select_related: tuple = ()
    prefetch_related: tuple = ()
    ordering: tuple = ()
    annotate: object = None
    export_columns: list = None
    detail_fields: list = None
    children: list = field(default_factory=list)
    parent_fk: str = ""
    import_spec: object = None  # callable(register) -> imports.ImportSpec
    m2m_fields: tuple = ()
    description: str = ""

    # --- urls
    def url(self, view, obj=None):
        name = f"{self.namespace}:{self.name}_{view}"
        return reverse(name, args=[obj.uuid]) if obj is not None else reverse(name)

    def urls(self):
        n, s = self.name, self.slug
        return [
            path(f"{s}/", self.wrap(list_view), name=f"{n}_list"),
            path(f"{s}/xuat-xlsx/", self.wrap(export_view), name=f"{n}_export"),
            path(f"{s}/them/", self.wrap(edit_view), name=f"{n}_create"),
            path(f"{s}/nhap/", self.wrap(import_view), name=f"{n}_import"),
            path(f"{s}/nhap/mau.xlsx", self.wrap(template_view), name=f"{n}_template"),
            path(f"{s}/<uuid:key>/", self.wrap(detail_view), name=f"{n}_detail"),
            path(f"{s}/<uuid:key>/sua/", self.wrap(edit_view), name=f"{n}_edit"),
            path(f"{s}/<uuid:key>/xoa/", self.wrap(delete_view), name=f"{n}_delete"),
        ]

    def wrap(self, view):
        register = self

        @login_required
        def wrapped(request, **kwargs):
            return view(request, register, **kwargs)

        wrapped.__name__ = view.__name__
        return wrapped

    # --- querysets
    def org_of(self, obj):
        value = obj
        for part in self.org_field.split("__"):
            value = getattr(value, part)
        return value

    def base_queryset(self):
        qs = self.model.objects.all()
        related = tuple(self.select_related) + (self.org_field,)
        qs = qs.select_related(*related)
        if self.prefetch_related:
            qs = qs.prefetch_related(*self.prefetch_related)
        if self.annotate:
            qs = self.annotate(qs)
        return qs.order_by(*(self.ordering or self.model._meta.ordering or ("pk",)), "pk")

    def scoped(self, request, perm=None):
        """Records in the active organisation's subtree (the user holds `perm` there)."""
        org = request.org
        if org is None or not access.can(request.user, perm or self.view_perm, org):
            raise Http404
        return self.base_queryset().filter(**{f"{self.org_field}__path__startswith": org.path})

    def get(self, request, key, perm=None):
        obj = access.get_for_user(
            request.user, self.base_queryset(), perm or self.view_perm, org_field=self.org_field, uuid=key
        )
        return obj

    def filtered(self, request):
        qs = self.scoped(request)
        q = request.GET.get("q", "").strip()
        if q and self.search:
            qs = qs.filter(search.matches(q, self.search))
        active = {}
        for flt in self.all_filters():
            value = request.GET.get(flt.name, "")
            if value and value in {v for v, _label in flt.options(request)}:
                qs = flt.apply(qs, value)
                active[flt.name] = value
        return qs, q, active

    def all_filters(self):
        filters = list(self.filters)
        if self.date_field:
            filters.insert(
                0,
                Filter(
                    "nam",
                    _("Năm"),
                    year_choices,
                    f"{self.date_field}__year",
                ),
            )
        return filters

    def change_orgs(self, request, org=None):
        """Organisations where the user may change this register, within the active organisation
        (or `org`)."""
        org = org or request.org
        if org is None:
            return Organization.objects.none()
        return access.orgs_with(request.user, self.change_perm).filter(path__startswith=org.path)

    def export_cols(self):
        return self.export_columns or self.columns

    def spec(self):
        return self.import_spec(self) if self.import_spec else None


# ---------------------------------------------------------------------------------------------
# Forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class VNIntegerField(forms.CharField):
    """An integer typed the Vietnamese way: 41.250.000 or 41250000."""

    def __init__(self, *args, min_value=0, max_value=None, **kwargs):
        self.min_value = min_value
        self.max_value = max_value
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        number = imports.parse_integer(value)
        if self.min_value is not None and number < self.min_value:
            raise ValidationError(_("Không được là số âm."))
        if self.max_value is not None and number > self.max_value:
            raise ValidationError(_("Số quá lớn: tối đa %(max)s.") % {"max": vnformat.number(self.max_value)})
        return number

    def prepare_value(self, value):
        if isinstance(value, int):
            return vnformat.number(value)
        return value


def _bound_integer(form_field, model_field):
    """A number beyond what the column holds is a form error naming the maximum, never an
    OverflowError from the database (a uniqueness check queries with the value as typed)."""
    _low, high = BaseDatabaseOperations.integer_field_ranges.get(
        model_field.get_internal_type(), (None, None)
    )
    if high is None:
        return
    if isinstance(form_field, VNIntegerField):
        form_field.max_value = high if form_field.max_value is None else min(high, form_field.max_value)
    elif isinstance(form_field, forms.IntegerField):
        form_field.max_value = high if form_field.max_value is None else min(high, form_field.max_value)
        form_field.validators.append(MaxValueValidator(form_field.max_value))
        form_field.widget.attrs.setdefault("max", form_field.max_value)


class RegisterForm(forms.ModelForm):
    """A register's form: organisation and related records limited to what the user may change."""

    # field name -> the path from that field's model to its organisation
    scopes = {}

    def __init__(self, *args, request=None, register=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        orgs = register.change_orgs(request) if request is not None else Organization.objects.none()
        for name, form_field in self.fields.items():
            model_field = self._meta.model._meta.get_field(name) if name in self._meta.fields else None
            if isinstance(model_field, models.IntegerField) and not isinstance(model_field, models.AutoField):
                _bound_integer(form_field, model_field)
            if type(form_field) is forms.ModelMultipleChoiceField:
                # The same field, but an overflowing id posted is a form error, not a 500.
                form_field.__class__ = BoundedModelMultipleChoiceField
            if isinstance(model_field, models.DateField):
                form_field.widget = DateInput()
                form_field.input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
            if isinstance(form_field, forms.ModelChoiceField) and not isinstance(
                form_field, forms.ModelMultipleChoiceField
            ):
                form_field.empty_label = _("— Chọn —")
            elif isinstance(form_field, forms.ChoiceField) and form_field.choices:
                form_field.choices = [
                    ("", _("— Chọn —")) if value == "" else (value, label)
                    for value, label in form_field.choices
                ]
            if name == "organization":
                form_field.queryset = self.limit_organizations(orgs)
            elif name in self.scopes:
                form_field.queryset = form_field.queryset.filter(**{f"{self.scopes[name]}__in": orgs})
        label_org_fields(self)
        if self.instance.pk is not None:
            # The version the form was opened on; save_record refuses if the record changed since.
            self.fields[stale.VERSION_FIELD] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=stale.version_of(self.instance)
            )
        if "organization" in self.fields and not self.instance.pk and request is not None:
            if self.fields["organization"].queryset.filter(pk=request.org.pk).exists():
                self.fields["organization"].initial = request.org.pk

    def limit_organizations(self, orgs):
        return orgs.order_by("path")


# ---------------------------------------------------------------------------------------------
# Views


def year_choices(request=None):
    """Years for a list's year filter: next year back to 2010."""
    return [(str(y), str(y)) for y in range(timezone.localdate().year + 1, 2009, -1)]


def _querystring(request, **drop):
    params = request.GET.copy()
    for key in ("page", *drop):
        params.pop(key, None)
    return params.urlencode()


def _nav(register, request, obj=None):
    can_change = request.org is not None and access.can(request.user, register.change_perm, request.org)
    return {
        "register": register,
        "can_change": can_change,
        "list_url": register.url("list"),
        "create_url": register.url("create"),
        "import_url": register.url("import"),
        "template_url": register.url("template"),
        "export_url": register.url("export"),
    }


def list_view(request, register):
    qs, q, active = register.filtered(request)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(register.url("detail", obj), [(c.text(obj), c.num) for c in register.columns]) for obj in page]
    filters = [(f.name, f.label, f.options(request), active.get(f.name, "")) for f in register.all_filters()]
    context = {
        **_nav(register, request),
        "page_obj": page,
        "rows": rows,
        "headers": [(c.label, c.num) for c in register.columns],
        "q": q,
        "filters": filters,
        "querystring_without_page": _querystring(request),
        "export_query": _querystring(request),
        "can_import": register.import_spec is not None,
    }
    return render(request, "core/register/list.html", context)


def export_view(request, register):
    qs, _q, _active = register.filtered(request)
    cols = register.export_cols()
    rows = [[c.export(obj) for c in cols] for obj in qs]
    return xlsx_response(f"{register.name}.xlsx", [(str(register.title), [str(c.label) for c in cols], rows)])


def _detail_value(obj, item):
    if isinstance(item, tuple):
        label, getter = item
        value = getter(obj)
        return capfirst(str(label)), value if isinstance(value, str) else _plain(value)
    model_field = obj._meta.get_field(item)
    label = capfirst(str(model_field.verbose_name))
    if model_field.many_to_many:
        return label, ", ".join(str(o) for o in getattr(obj, item).all()) or "—"
    value = getattr(obj, item)
    if model_field.choices:
        value = getattr(obj, f"get_{item}_display")()
    elif isinstance(model_field, models.BooleanField):
        value = _("Có") if value else _("Không")
    elif item.endswith("_vnd") and value is not None:
        value = vnformat.money(value)
    return label, _plain(value)


def _plain(value):
    if value is None or value == "":
        return "—"
    if hasattr(value, "isoformat") and not hasattr(value, "hour"):
        return vnformat.short_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return vnformat.number(value)
    return str(value)


def detail_view(request, register, key):
    obj = register.get(request, key)
    fields = register.detail_fields or [
        f.name
        for f in obj._meta.get_fields()
        if f.concrete and not f.auto_created and f.name not in ("id", "uuid")
    ]
    org = register.org_of(obj)
    can_change = access.can(request.user, register.change_perm, org)
    children = []
    for child in register.children:
        items = list(child.register.base_queryset().filter(**{child.fk: obj}))
        children.append(
            {
                "title": child.title or child.register.title,
                "headers": [(c.label, c.num) for c in child.register.columns],
                "rows": [
                    (
                        child.register.url("detail", item),
                        [(c.text(item), c.num) for c in child.register.columns],
                    )
                    for item in items
                ],
                "create_url": child.register.url("create") + "?" + urlencode({child.fk: obj.pk}),
                "can_change": access.can(request.user, child.register.change_perm, org),
            }
        )
    parent_url = parent_label = ""
    if register.parent_fk:
        parent = getattr(obj, register.parent_fk)
        parent_register = getattr(register, "parent_register", None)
        if parent_register is not None:
            parent_url, parent_label = parent_register.url("detail", parent), str(parent)
    context = {
        **_nav(register, request),
        "obj": obj,
        "props": [_detail_value(obj, item) for item in fields],
        "children": children,
        "can_change_obj": can_change,
        "edit_url": register.url("edit", obj),
        "delete_url": register.url("delete", obj),
        "parent_url": parent_url,
        "parent_label": parent_label,
    }
    return render(request, "core/register/detail.html", context)


def edit_view(request, register, key=None):
    obj = register.get(request, key, register.change_perm) if key else None
    if obj is None and (request.org is None or not register.change_orgs(request).exists()):
        raise Http404
    if obj is None and (refusal := ceased_refusal(request)) is not None:
        return refusal
    instance = obj if obj is not None else register.model()
    initial = {}
    if obj is None and register.parent_fk and request.GET.get(register.parent_fk):
        initial[register.parent_fk] = request.GET.get(register.parent_fk)
    form = register.form_class(
        request.POST or None, instance=instance, initial=initial, request=request, register=register
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        instance = form.save(commit=False)
        m2m = {name: form.cleaned_data[name] for name in register.m2m_fields if name in form.cleaned_data}
        kwargs = {"expected_version": form.cleaned_data.get(stale.VERSION_FIELD) or ""} if obj else {}
        try:
            register.save(instance, actor=request.user, m2m=m2m, **kwargs)
        except stale.StaleEdit as exc:
            form.add_error(None, exc.messages[0])
            conflict = exc.rows
            # What the user typed stays; the stored version goes in, so saving again overwrites.
            form.data = form.data.copy()
            for name, version in exc.versions.items():
                form.data[name] = version
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu: %(obj)s") % {"obj": instance})
            return redirect(register.url("detail", instance))
    context = {
        **_nav(register, request),
        "form": form,
        "obj": obj,
        "conflict": conflict,
        "cancel_url": register.url("detail", obj) if obj is not None else register.url("list"),
    }
    return render(request, "core/register/form.html", context, status=400 if form.errors else 200)


def _add_errors(form, exc):
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def delete_view(request, register, key):
    obj = register.get(request, key, register.change_perm)
    if request.method == "POST":
        back = register.url("list")
        try:
            register.delete(obj, actor=request.user, reason=request.POST.get("reason", "").strip())
        except ProtectedError:
            messages.error(request, _("Không xóa được: còn hồ sơ khác liên kết với bản ghi này."))
            return redirect(register.url("detail", obj))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(register.url("detail", obj))
        messages.success(request, _("Đã xóa: %(obj)s") % {"obj": obj})
        return redirect(back)
    return render(request, "core/register/delete.html", {**_nav(register, request), "obj": obj})


def template_view(request, register):
    register.scoped(request)  # 404 for outsiders
    spec = register.spec()
    if spec is None:
        raise Http404
    response = HttpResponse(imports.template_xlsx(spec), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{register.name}.xlsx"'
    return response


SESSION_IMPORTS = "danchu_imports"


def import_view(request, register, org=None):
    """Upload -> dry run -> commit. `org` is the organisation imported into (the active one unless
    the page names another, as the staff list of an agency being set up does)."""
    org = org or request.org
    spec = register.spec()
    if spec is None or org is None or not access.can(request.user, register.change_perm, org):
        raise Http404
    context = {**_nav(register, request), "spec": spec, "result": None, "token": ""}
    if request.method != "POST":
        return render(request, "core/register/import.html", context)
    pending = request.session.get(SESSION_IMPORTS, {})
    token = request.POST.get("token", "")
    commit = request.POST.get("action") == "commit"
    if commit:
        entry = pending.get(token)
        if not entry or entry.get("register") != register.name or entry.get("org") != org.pk:
            messages.error(request, _("Phiên nhập dữ liệu đã hết hạn; vui lòng chọn lại tệp."))
            return redirect(register.url("import"))
        try:
            with default_storage.open(entry["path"], "rb") as handle:
                data = handle.read()
        except OSError:
            messages.error(request, _("Phiên nhập dữ liệu đã hết hạn; vui lòng chọn lại tệp."))
            return redirect(register.url("import"))
        filename = entry["name"]
    else:
        upload = request.FILES.get("file")
        if upload is None:
            context["file_error"] = _("Hãy chọn một tệp .xlsx hoặc .csv.")
            return render(request, "core/register/import.html", context, status=400)
        if upload.size > spec.max_bytes:
            context["file_error"] = _("Tệp quá lớn (%(size)s KB); giới hạn là %(max)s KB.") % {
                "size": upload.size // 1024,
                "max": spec.max_bytes // 1024,
            }
            return render(request, "core/register/import.html", context, status=400)
        data, filename = upload.read(), upload.name
    import_context = {
        "request": request,
        "actor": request.user,
        "org": org,
        "orgs": register.change_orgs(request, org),
        "filename": filename,
    }
    result = imports.run(spec, data, filename, context=import_context, commit=commit)
    context["result"] = result
    context["filename"] = filename
    if result.file_error:
        context["file_error"] = result.file_error
    if commit:
        _forget(request, token)
        if result.committed:
            messages.success(
                request,
                _("Đã nhập %(n)s dòng từ tệp %(name)s.") % {"n": len(result.rows), "name": filename},
            )
            return redirect(register.url("list"))
    elif result.ok:
        _prune_abandoned_imports()
        token = uuidlib.uuid4().hex
        stored = default_storage.save(f"imports/{token}", ContentFile(data))
        pending[token] = {"path": stored, "name": filename, "register": register.name, "org": org.pk}
        items = list(pending.items())
        for _token, stale in items[:-5]:  # keep the last five dry runs of this session
            try:
                default_storage.delete(stale["path"])
            except OSError:
                pass
        request.session[SESSION_IMPORTS] = dict(items[-5:])
        context["token"] = token
    return render(request, "core/register/import.html", context, status=200 if result.ok else 400)


IMPORT_FILES_KEPT = datetime.timedelta(days=1)


def _prune_abandoned_imports():
    """Delete the checked files nobody came back to confirm (the session that held them ended or
    moved on): anything in imports/ older than a day. Runs with each new dry run."""
    cutoff = timezone.now() - IMPORT_FILES_KEPT
    try:
        _dirs, files = default_storage.listdir("imports")
    except (OSError, NotImplementedError):
        return
    for name in files:
        path = f"imports/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
        except (OSError, NotImplementedError):
            continue


def _forget(request, token):
    pending = request.session.get(SESSION_IMPORTS, {})
    entry = pending.pop(token, None)
    if entry:
        try:
            default_storage.delete(entry["path"])
        except OSError:
            pass
        request.session[SESSION_IMPORTS] = pending


def index_view(request, *, title, registers, intro=""):
    """An app's landing page: its registers, with the number of records in the active organisation."""
    if request.org is None:
        raise Http404
    cards = []
    for register in registers:
        if not access.can(request.user, register.view_perm, request.org):
            continue
        count = register.model.objects.filter(
            **{f"{register.org_field}__path__startswith": request.org.path}
        ).count()
        cards.append({"register": register, "count": count, "url": register.url("list")})
    if not cards:
        raise Http404
    return render(request, "core/register/index.html", {"title": title, "cards": cards, "intro": intro})


def organization_lookup(text, context):
    """Import column: an organisation given by code or name, among those the user may change."""
    orgs = context["orgs"]
    match = orgs.filter(Q(code__iexact=text) | Q(name__iexact=text) | Q(short_name__iexact=text)).first()
    if match is None:
        raise ValidationError(
            _("Không tìm thấy cơ quan, đơn vị “%(v)s” trong phạm vi bạn được cập nhật.") % {"v": text}
        )
    return match
