"""The pages of a register: list (search, filters, pagination, a fixed number of queries), XLSX
export of the filtered list, detail with child records and history, create/edit through the
register's action (refusing a stale edit), delete after confirmation, and an app's landing page.
The views are thin: check access -> validate a form -> call the app's action -> redirect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal

from .. import stale, vnformat
from ..xlsx import xlsx_response

PAGE_SIZE = 25


def _querystring(request, **drop):
    params = request.GET.copy()
    for key in ("page", *drop):
        params.pop(key, None)
    return params.urlencode()


def nav(register, request, obj=None):
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
        **nav(register, request),
        "page_obj": page,
        "rows": rows,
        "headers": [(c.label, c.num) for c in register.columns],
        "q": q,
        "filters": filters,
        "querystring_without_page": _querystring(request),
        "export_query": _querystring(request),
        "can_import": register.can_import,
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
    fields = register.detail_items(obj)
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
        **nav(register, request),
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
        **nav(register, request),
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
    return render(request, "core/register/delete.html", {**nav(register, request), "obj": obj})


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
