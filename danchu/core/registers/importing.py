"""A register's import: its file declared by the model fields it fills, and the pages that take
the file (upload -> dry run -> commit, danchu.core.imports) and give the blank template.

`Imports(["ref", ("partner", _("Cơ quan phối hợp")), ...])` lists the columns in file order. A
column's Vietnamese header is the field's `verbose_name` unless the entry gives one (both read in
Vietnamese whatever the user's language: a file keeps its headers); its type, whether it is required
(the field may not be blank and has no default), its default, its choices and its maximum length
come from the field. A relation is a look-up: `lookups[name]`, or for `organization` the
organisations the user may change (optional: left empty it is the active one). A column that
fills no field as it is (a name to find a record by) is a `Column` written out.
"""

import datetime
import uuid as uuidlib
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.orgs import access

from .. import imports
from ..imports import Column, ImportSpec
from ..xlsx import XLSX_MIME
from .views import nav

ORG_HELP = gettext_lazy("Mã hoặc tên; để trống là cơ quan đang làm việc.")
ORG_EXAMPLE = "TV.STTTT"


def organization_lookup(text, context):
    """Import column: an organisation given by code or name, among those the user may change."""
    orgs = context["orgs"]
    match = orgs.filter(Q(code__iexact=text) | Q(name__iexact=text) | Q(short_name__iexact=text)).first()
    if match is None:
        raise ValidationError(
            _("Không tìm thấy cơ quan, đơn vị “%(v)s” trong phạm vi bạn được cập nhật.") % {"v": text}
        )
    return match


def record_lookup(model, field_name, message):
    """Import column: a record of `model` whose `field_name` is the text (any case), among the
    organisations the user may change; else `message` (a lazy text with %(v)s, the text)."""

    def lookup(text, context):
        match = model.objects.filter(
            **{f"{field_name}__iexact": text, "organization__in": context["orgs"]}
        ).first()
        if match is None:
            raise ValidationError(message % {"v": text})
        return match

    return lookup


@dataclass
class Imports:
    """How a register reads a file: its columns (see the module's docstring), examples and help
    texts by field, the look-ups of its relations, and optionally how a row becomes a record
    (`build(values, context)`, by default the model with the organisation defaulting to the
    active one) and how the dry run describes it."""

    columns: list
    examples: dict = field(default_factory=dict)
    help: dict = field(default_factory=dict)
    lookups: dict = field(default_factory=dict)
    build: object = None
    describe: object = str

    def spec(self, register):
        with translation.override("vi"):
            columns = [self.column(register.model, entry) for entry in self.columns]
        return ImportSpec(
            title=register.title,
            columns=columns,
            build=self.build or default_build(register),
            save=import_save(register),
            describe=self.describe,
        )

    def column(self, model, entry):
        if isinstance(entry, Column):
            return entry
        name, header = (entry, None) if isinstance(entry, str) else entry
        model_field = model._meta.get_field(name)
        has_default = model_field.has_default() and not callable(model_field.default)
        kwargs = {
            "required": not model_field.blank and not model_field.has_default(),
            "default": model_field.default if has_default else None,
            "example": self.examples.get(name, ""),
            "help": self.help.get(name, ""),
        }
        if model_field.is_relation:
            kwargs.update(kind="lookup", lookup=self.lookups.get(name))
            if name == "organization" and kwargs["lookup"] is None:
                kwargs.update(
                    lookup=organization_lookup,
                    required=False,
                    help=self.help.get(name, ORG_HELP),
                    example=self.examples.get(name, ORG_EXAMPLE),
                )
            if kwargs["lookup"] is None:
                raise ImproperlyConfigured(f"{model.__name__}.{name}: an import column needs a look-up")
        elif model_field.choices:
            kwargs.update(kind="choice", choices=list(model_field.choices))
        elif isinstance(model_field, models.BooleanField):
            kwargs.update(kind="bool", default=None)
        elif isinstance(model_field, models.DateField):
            kwargs.update(kind="date")
        elif isinstance(model_field, models.IntegerField):
            kwargs.update(kind="integer")
        else:
            kwargs.update(kind="text", max_length=model_field.max_length)
        return Column(name, str(header or capfirst(model_field.verbose_name)), **kwargs)


def default_build(register):
    """A row's values as an unsaved record: the many-to-many values are left for the save, and an
    empty organisation is the one imported into."""

    def build(values, context):
        values = {key: value for key, value in values.items() if key not in register.m2m_fields}
        if register.org_field == "organization":
            values["organization"] = values.get("organization") or context["org"]
        return register.model(**values)

    return build


def import_save(register):
    """Each row is saved through the register's action, the file named as the reason."""

    def save(record, values, context):
        kwargs = {}
        if register.m2m_fields:
            kwargs["m2m"] = {name: values.get(name) or [] for name in register.m2m_fields}
        return register.save(
            record,
            actor=context["actor"],
            reason=_("Nhập từ tệp %(f)s") % {"f": context["filename"]},
            **kwargs,
        )

    return save


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
    context = {**nav(register, request), "spec": spec, "result": None, "token": ""}
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
