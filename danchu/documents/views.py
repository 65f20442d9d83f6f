"""The document registry pages. Thin: check access, validate a form, call one action, redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import params
from danchu.core.vnformat import short_date
from danchu.core.xlsx import xlsx_response
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal

from . import actions
from .checks import check_refs
from .forms import AttachmentForm, CheckForm, DeleteForm, DocumentForm, RelationForm
from .kinds import DocumentKind
from .models import Attachment, Direction, Document, DocumentRelation
from .permissions import can_change_document, can_change_external, can_change_in, can_view_document
from .refs import find_refs

PAGE_SIZE = 25


def visible_documents(request):
    """Documents the user may see in the organisation they work in, plus the shared legal texts."""
    scope = Q(organization__isnull=True)
    org = request.org
    if org is not None and access.can(request.user, "documents.view", org):
        scope |= Q(organization__path__startswith=org.path)
    return Document.objects.filter(scope)


def _get_document(request, uuid, change=False):
    doc = Document.objects.select_related("organization", "issuer_org").filter(uuid=uuid).first()
    if doc is None or not can_view_document(request.user, doc):
        raise Http404
    if change and not can_change_document(request.user, doc):
        if doc.organization_id is not None and not access.can(
            request.user, "documents.view", doc.organization
        ):
            raise Http404
        raise PermissionDenied
    return doc


def _filters(request):
    """The registry's filters through the validated layer (danchu.core.params.Filters); a value
    that is not valid is ignored and said so on the page."""
    v = params.Filters(request)
    f = {
        "q": v.raw("q")[:200],
        "direction": v.choice("direction", Direction.values, label=_("Loại sổ")),
        "kind": v.choice("kind", DocumentKind.values, label=_("Loại văn bản")),
        "year": str(v.year("year") or ""),
        "issuer_type": v.choice("issuer_type", ("party", "government"), label=_("Hệ thống")),
        "trash": request.GET.get("trash") == "1",
    }
    v.page()
    if request.GET.get("format") != "xlsx":
        v.report(request)
    return f


def _filtered(request, f):
    qs = visible_documents(request)
    qs = qs.deleted() if f["trash"] else qs.alive()
    if f["q"]:
        qs = qs.matching(f["q"])
    if f["direction"]:
        qs = qs.filter(direction=f["direction"])
    if f["kind"]:
        qs = qs.filter(kind=f["kind"])
    if f["year"]:
        qs = qs.filter(year=int(f["year"]))
    if f["issuer_type"]:
        qs = qs.filter(is_party=f["issuer_type"] == "party")
    return qs.select_related("organization", "issuer_org").order_by("-issued_on", "-pk")


@login_required
def document_list(request):
    f = _filters(request)
    qs = _filtered(request, f)
    if request.GET.get("format") == "xlsx":
        return _export(qs)
    page = Paginator(qs.annotate(attachment_count=Count("attachments")), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("format", None)
    years = (
        visible_documents(request)
        .alive()
        .exclude(year=None)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    org = request.org
    context = {
        "page_obj": page,
        "f": f,
        "querystring_without_page": params.urlencode(),
        "directions": Direction.choices,
        "kinds": DocumentKind.choices,
        "years": list(years),
        "can_create": (org is not None and can_change_in(request.user, org))
        or can_change_external(request.user),
    }
    return render(request, "documents/list.html", context)


def _export(qs):
    rows = (
        [
            d.ref,
            d.get_kind_display(),
            short_date(d.issued_on),
            d.issuer_label,
            d.subject,
            d.organization.name if d.organization_id else _("Dùng chung"),
            d.get_direction_display(),
            _("Đảng") if d.is_party else _("Chính quyền"),
        ]
        for d in qs.iterator(chunk_size=500)
    )
    headers = [
        _("Số, ký hiệu"),
        _("Loại văn bản"),
        _("Ngày ban hành"),
        _("Cơ quan ban hành"),
        _("Trích yếu"),
        _("Sổ văn bản của"),
        _("Loại sổ"),
        _("Khối"),
    ]
    return xlsx_response("so-van-ban.xlsx", [(_("Sổ văn bản"), headers, rows)])


def _registries(request):
    orgs = []
    if request.org is not None and can_change_in(request.user, request.org):
        orgs = list(
            access.orgs_with(request.user, "documents.change").filter(path__startswith=request.org.path)
        )
    return orgs


@login_required
def document_create(request):
    if (refusal := ceased_refusal(request)) is not None:
        return refusal
    registries = _registries(request)
    allow_external = can_change_external(request.user)
    if not registries and not allow_external:
        raise PermissionDenied
    form_kwargs = {"registries": registries, "allow_external": allow_external}
    if request.method == "POST":
        form = DocumentForm(request.POST, **form_kwargs)
        if form.is_valid():
            choice = form.cleaned_data["registry"]
            organization = (
                None if choice == "external" else next(o for o in registries if str(o.pk) == choice)
            )
            fields = form.document_fields()
            if organization is None:
                fields["direction"] = Direction.EXTERNAL
            try:
                doc = actions.create_document(actor=request.user, organization=organization, **fields)
            except ValidationError as exc:
                form.add_action_errors(exc)
            else:
                messages.success(request, _("Đã vào sổ văn bản %(ref)s.") % {"ref": doc.ref})
                return redirect("documents:detail", uuid=doc.uuid)
    else:
        initial = {"registry": str(request.org.pk) if request.org else "", "direction": Direction.ISSUED}
        form = DocumentForm(initial=initial, **form_kwargs)
    return render(request, "documents/form.html", {"form": form, "doc": None})


FIELD_LABELS = {
    "direction": _("Loại sổ"),
    "kind": _("Loại văn bản"),
    "ref": _("Số, ký hiệu"),
    "issued_on": _("Ngày ban hành"),
    "effective_on": _("Ngày có hiệu lực"),
    "issuer_name": _("Cơ quan ban hành"),
    "subject": _("Trích yếu"),
    "signer_name": _("Người ký"),
    "notes": _("Ghi chú"),
}


@login_required
def document_edit(request, uuid):
    doc = _get_document(request, uuid, change=True)
    if doc.is_deleted:
        messages.error(request, _("Văn bản đã bị xóa; hãy khôi phục trước khi sửa."))
        return redirect("documents:detail", uuid=doc.uuid)
    conflict = None
    if request.method == "POST":
        form = DocumentForm(request.POST, editing=True)
        if form.is_valid():
            try:
                doc = actions.update_document(
                    doc,
                    actor=request.user,
                    # A form posted without its version is checked too ("" never matches).
                    expected_version=form.cleaned_data.get("version") or "",
                    **form.document_fields(),
                )
            except actions.StaleDocument as exc:
                conflict = _conflict_rows(exc.current, form)
                form.add_error(None, exc.messages[0])
                # A second save, made knowingly, overwrites the other person's version.
                form.data = form.data.copy()
                form.data["version"] = str(exc.current.version)
                doc = exc.current
            except ValidationError as exc:
                form.add_action_errors(exc)
            else:
                messages.success(request, _("Đã lưu văn bản %(ref)s.") % {"ref": doc.ref})
                return redirect("documents:detail", uuid=doc.uuid)
    else:
        form = DocumentForm(initial=DocumentForm.initial_for(doc), editing=True)
    return render(request, "documents/form.html", {"form": form, "doc": doc, "conflict": conflict})


def _conflict_rows(current, form):
    mine = form.document_fields()
    mine["ref"] = form.cleaned_data.get("ref_text") or ""
    rows = []
    theirs = {
        "direction": current.get_direction_display(),
        "kind": current.get_kind_display(),
        "ref": current.ref,
        "issued_on": short_date(current.issued_on),
        "effective_on": short_date(current.effective_on),
        "issuer_name": current.issuer_name,
        "subject": current.subject,
        "signer_name": current.signer_name,
        "notes": current.notes,
    }
    from .refs import format_ref

    mine_shown = {
        "direction": dict(Direction.choices).get(mine["direction"], mine["direction"]),
        "kind": dict(DocumentKind.choices).get(mine["kind"], mine["kind"]),
        "ref": format_ref(mine["number"], mine["symbol"], mine["is_party"]),
        "issued_on": short_date(mine["issued_on"]),
        "effective_on": short_date(mine["effective_on"]),
        "issuer_name": mine["issuer_name"],
        "subject": mine["subject"],
        "signer_name": mine["signer_name"],
        "notes": mine["notes"],
    }
    for key, label in FIELD_LABELS.items():
        if str(theirs[key]) != str(mine_shown[key]):
            rows.append((label, theirs[key], mine_shown[key]))
    return rows


@login_required
def document_detail(request, uuid, attachment_form=None, relation_form=None, status=200):
    doc = _get_document(request, uuid)
    relations_out = doc.relations_out.select_related("target").order_by("kind", "target__issued_on")
    relations_in = doc.relations_in.select_related("source").filter(source__deleted_at__isnull=True)
    visible = {d.pk for d in visible_documents(request).filter(pk__in=[r.source_id for r in relations_in])}
    context = {
        "doc": doc,
        "can_change": can_change_document(request.user, doc),
        "attachments": doc.attachments.select_related("uploaded_by").order_by("uploaded_at"),
        "relations_out": relations_out,
        "relations_in": [r for r in relations_in if r.source_id in visible],
        "attachment_form": attachment_form or AttachmentForm(),
        "relation_form": relation_form or RelationForm(),
    }
    return render(request, "documents/detail.html", context, status=status)


@login_required
def document_delete(request, uuid):
    doc = _get_document(request, uuid, change=True)
    if doc.is_deleted:
        return redirect("documents:detail", uuid=doc.uuid)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.delete_document(doc, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Đã xóa văn bản %(ref)s. Có thể khôi phục lại trên trang này.") % {"ref": doc.ref}
            )
        return redirect("documents:detail", uuid=doc.uuid)
    return render(request, "documents/confirm_delete.html", {"doc": doc, "form": form})


@login_required
@require_POST
def document_restore(request, uuid):
    doc = _get_document(request, uuid, change=True)
    try:
        actions.restore_document(doc, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã khôi phục văn bản %(ref)s.") % {"ref": doc.ref})
    return redirect("documents:detail", uuid=doc.uuid)


@login_required
@require_POST
def attachment_upload(request, uuid):
    doc = _get_document(request, uuid, change=True)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = actions.add_attachment(doc, form.cleaned_data["file"], actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("file", message)
        else:
            messages.success(request, _("Đã đính kèm tệp %(name)s.") % {"name": attachment.original_name})
            return redirect("documents:detail", uuid=doc.uuid)
    return document_detail(request, uuid=uuid, attachment_form=form, status=400)


def _get_attachment(request, uuid, pk, change=False):
    doc = _get_document(request, uuid, change=change)
    attachment = Attachment.objects.filter(document=doc, pk=pk).first()
    if attachment is None:
        raise Http404
    return doc, attachment


@login_required
def attachment_download(request, uuid, pk):
    _doc, attachment = _get_attachment(request, uuid, pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )


@login_required
@require_POST
def attachment_remove(request, uuid, pk):
    doc, attachment = _get_attachment(request, uuid, pk, change=True)
    actions.remove_attachment(attachment, actor=request.user)
    messages.success(request, _("Đã gỡ tệp %(name)s.") % {"name": attachment.original_name})
    return redirect("documents:detail", uuid=doc.uuid)


@login_required
@require_POST
def relation_add(request, uuid):
    doc = _get_document(request, uuid, change=True)
    form = RelationForm(request.POST)
    if form.is_valid():
        ref = form.cleaned_data["target"]
        candidates = visible_documents(request).alive().filter(ref=ref.ref).exclude(pk=doc.pk)
        if ref.date:
            candidates = candidates.filter(issued_on=ref.date)
        candidates = list(candidates[:2])
        if not candidates:
            form.add_error(
                "target",
                _("Chưa có văn bản %(ref)s trong sổ; hãy vào sổ văn bản đó trước.") % {"ref": ref.ref},
            )
        elif len(candidates) > 1:
            form.add_error(
                "target",
                _("Có nhiều văn bản số %(ref)s; hãy ghi kèm ngày ban hành, ví dụ “%(ref)s ngày 25/3/2020”.")
                % {"ref": ref.ref},
            )
        else:
            try:
                actions.add_relation(doc, candidates[0], form.cleaned_data["kind"], actor=request.user)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error("target", message)
            else:
                messages.success(request, _("Đã thêm quan hệ với văn bản %(ref)s.") % {"ref": ref.ref})
                return redirect("documents:detail", uuid=doc.uuid)
    return document_detail(request, uuid=uuid, relation_form=form, status=400)


@login_required
@require_POST
def relation_remove(request, uuid, pk):
    doc = _get_document(request, uuid, change=True)
    relation = DocumentRelation.objects.filter(source=doc, pk=pk).select_related("target").first()
    if relation is None:
        raise Http404
    actions.remove_relation(relation, actor=request.user)
    messages.success(request, _("Đã bỏ quan hệ với văn bản %(ref)s.") % {"ref": relation.target.ref})
    return redirect("documents:detail", uuid=doc.uuid)


@login_required
def check_text(request):
    """Paste a report; see every reference it cites and whether the registry agrees."""
    rows = None
    form = CheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rows = check_refs(find_refs(form.cleaned_data["text"]), queryset=visible_documents(request))
    return render(request, "documents/check.html", {"form": form, "rows": rows})
