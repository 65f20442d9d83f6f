"""Upload a report, see its text beside the pre-filled data-entry form, confirm or correct, submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from danchu.consolidation.models import ReportRequest
from danchu.core.forms import add_validation_error
from danchu.orgs import access
from danchu.orgs.models import Organization
from danchu.reporting.indicators import BY_CODE

from . import actions
from .forms import ReadingEntryForm, UploadForm
from .models import Reading


def _get(queryset, **lookup):
    """The object or 404 (a malformed or unknown uuid alike)."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValidationError):
        raise Http404 from None


def _apply_errors(form, exc):
    add_validation_error(form, exc, lambda field: field if field in form.fields else f"v_{field}")


@login_required
def start(request, uuid, org):
    req = _get(ReportRequest.objects.select_related("period", "requesting_org"), uuid=uuid)
    org = _get(Organization.objects.all(), uuid=org)
    if not access.can(request.user, "consolidation.submit", org):
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            reading = actions.read_upload(
                req, org, actor=request.user, uploaded_file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã đọc %(n)s số liệu từ tệp; hãy đối chiếu từng số với câu văn rồi xác nhận hoặc sửa.")
                % {"n": len(reading.figures)},
            )
            return redirect("ingest:reading", uuid=reading.uuid)
    status = 400 if request.method == "POST" else 200
    return render(request, "ingest/start.html", {"req": req, "org": org, "form": form}, status=status)


def _may_view(user, reading):
    org = reading.organization
    return (
        access.can(user, "consolidation.submit", org)
        or access.can(user, "consolidation.view_own", org)
        or access.can(user, "consolidation.manage", reading.request.requesting_org)
    )


@login_required
def reading_page(request, uuid):
    reading = _get(
        Reading.objects.select_related(
            "request__period", "request__requesting_org", "organization", "submission"
        ),
        uuid=uuid,
    )
    if not _may_view(request.user, reading):
        raise Http404
    can_submit = reading.submission_id is None and access.can(
        request.user, "consolidation.submit", reading.organization
    )
    form = None
    if can_submit:
        if request.method == "POST":
            form = ReadingEntryForm(request.POST)
            if form.is_valid():
                try:
                    sub = actions.submit_reading(
                        reading,
                        actor=request.user,
                        values=form.cleaned_data["values"],
                        note=form.cleaned_data["note"],
                    )
                except ValidationError as exc:
                    _apply_errors(form, exc)
                else:
                    messages.success(request, _("Đã gửi báo cáo (phiên bản %(v)s).") % {"v": sub.version})
                    return redirect("consolidation:submission", uuid=sub.uuid)
        else:
            form = ReadingEntryForm(initial_values=reading.read_values)
    elif request.method == "POST":
        raise Http404
    context = {
        "reading": reading,
        "req": reading.request,
        "org": reading.organization,
        "form": form,
        "marked": marked_text(reading.text, reading.figures),
        "rows": figure_rows(reading),
        "groups": _groups(form, field_links(reading.figures)),
    }
    return render(
        request, "ingest/reading.html", context, status=400 if form is not None and form.errors else 200
    )


def marked_text(text, figures):
    """The text, escaped, each sentence a figure came from in a <mark id="s-…">, each value a
    link to its field of the form (id="f-N")."""
    sentences = sorted({tuple(f["span"]) for f in figures})
    values = sorted(
        ((tuple(f["value_span"]), i, f["indicator"]) for i, f in enumerate(figures)), key=lambda v: v[0]
    )
    out, pos = [], 0
    for start, end in sentences:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        inner, cursor = [], start
        for (vs, ve), index, code in values:
            if vs < cursor or ve > end or vs < start:
                continue
            inner.append(escape(text[cursor:vs]))
            label = BY_CODE[code].label if code in BY_CODE else code
            inner.append(
                format_html(
                    '<a class="fig" id="f-{}" href="#id_v_{}" title="{}">{}</a>',
                    index,
                    code,
                    label,
                    text[vs:ve],
                )
            )
            cursor = ve
        inner.append(escape(text[cursor:end]))
        out.append(format_html('<mark id="s-{}">{}</mark>', start, mark_safe("".join(inner))))
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def _groups(form, links):
    if form is None:
        return []
    return [
        (label, [(field, links.get(field.name, [])) for field in fields])
        for label, fields in form.group_fields()
    ]


def field_links(figures):
    """{field name: [(figure index, value)]}: each pre-filled value links to its sentence."""
    links = {}
    for index, figure in enumerate(figures):
        links.setdefault(f"v_{figure['indicator']}", []).append((index, figure["value"]))
    return links


def figure_rows(reading):
    rows = []
    for index, figure in enumerate(reading.figures):
        indicator = BY_CODE.get(figure["indicator"])
        rows.append(
            {
                "index": index,
                "label": indicator.label if indicator else figure["indicator"],
                "value": indicator.format(figure["value"]) if indicator else figure["value"],
                "partial": figure.get("partial"),
                "source": reading.sources.get(figure["indicator"]),
            }
        )
    return rows
