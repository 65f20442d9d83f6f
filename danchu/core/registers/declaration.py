"""Describing a register: one `Register` per register, the model and which of its fields are
edited (`fields`, the form and by default the detail page), listed (`columns`), exported
(`export_columns`, by default the list's) and imported (`imports`), with labels and formats taken
from the model's fields and written out only where they differ."""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext as _

from danchu.orgs import access
from danchu.orgs.models import Organization

from .. import search
from . import views
from .columns import Filter, derive_col, year_choices
from .forms import form_for
from .importing import Imports, import_view, template_view


@dataclass
class Register:
    model: type
    name: str
    slug: str
    namespace: str
    title: str
    title_one: str
    view_perm: str
    change_perm: str
    save: object
    delete: object
    # The form: its fields in order, or a form class written out.
    fields: tuple = ()
    form_class: type = None
    form_base: type = None  # a RegisterForm subclass the derived form extends
    scopes: dict = field(default_factory=dict)  # field -> path from its model to its organisation
    widgets: dict = field(default_factory=dict)
    help_texts: dict = field(default_factory=dict)
    # Entries "field", "field.path", ("field", label) or Col (columns.py).
    columns: list = field(default_factory=list)
    export_columns: list = None
    # Field names or (label, getter) pairs; by default the form's fields.
    detail_fields: list = None
    imports: Imports = None
    import_spec: object = None  # callable(register) -> imports.ImportSpec, when `imports` won't do
    search: tuple = ()
    filters: list = field(default_factory=list)
    org_field: str = "organization"
    date_field: str = ""
    select_related: tuple = ()
    prefetch_related: tuple = ()
    ordering: tuple = ()
    annotate: object = None
    children: list = field(default_factory=list)
    parent_fk: str = ""
    m2m_fields: tuple = ()
    description: str = ""

    def __post_init__(self):
        self.columns = [derive_col(self.model, entry) for entry in self.columns]
        if self.export_columns is not None:
            self.export_columns = [derive_col(self.model, entry) for entry in self.export_columns]
        if self.form_class is None:
            self.form_class = form_for(self)

    # --- urls
    def url(self, view, obj=None):
        name = f"{self.namespace}:{self.name}_{view}"
        return reverse(name, args=[obj.uuid]) if obj is not None else reverse(name)

    def urls(self):
        n, s = self.name, self.slug
        return [
            path(f"{s}/", self.wrap(views.list_view), name=f"{n}_list"),
            path(f"{s}/xuat-xlsx/", self.wrap(views.export_view), name=f"{n}_export"),
            path(f"{s}/them/", self.wrap(views.edit_view), name=f"{n}_create"),
            path(f"{s}/nhap/", self.wrap(import_view), name=f"{n}_import"),
            path(f"{s}/nhap/mau.xlsx", self.wrap(template_view), name=f"{n}_template"),
            path(f"{s}/<uuid:key>/", self.wrap(views.detail_view), name=f"{n}_detail"),
            path(f"{s}/<uuid:key>/sua/", self.wrap(views.edit_view), name=f"{n}_edit"),
            path(f"{s}/<uuid:key>/xoa/", self.wrap(views.delete_view), name=f"{n}_delete"),
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

    def detail_items(self, obj):
        """What the detail page shows: `detail_fields`, else the form's fields, else every field."""
        return (
            self.detail_fields
            or list(self.fields)
            or [
                f.name
                for f in obj._meta.get_fields()
                if f.concrete and not f.auto_created and f.name not in ("id", "uuid")
            ]
        )

    @property
    def can_import(self):
        return self.imports is not None or self.import_spec is not None

    def spec(self):
        if self.imports is not None:
            return self.imports.spec(self)
        return self.import_spec(self) if self.import_spec else None
