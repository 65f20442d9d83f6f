"""Pages of the petitions register. Views are thin: check access, validate a form, call one
action, redirect; or re-render with the errors and what the user typed."""

import datetime
import urllib.parse

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core import listcache, params, search
from danchu.core.leanhtml import options
from danchu.core.paginator import CappedPaginator
from danchu.core.xlsx import xlsx_response
from danchu.legal import calendar as workcal
from danchu.notifications import actions as notification_actions
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal
from danchu.orgs.models import Organization

from . import actions, forms, listrows, permissions, ratelimit, stats
from .actions import IDENTITY_FIELDS
from .models import (
    IdentityScan,
    Kind,
    Petition,
    PetitionAttachment,
    ReceptionSchedule,
    ReceptionSession,
    Status,
    normalize_tracking_code,
)

PAGE_SIZE = 50


def _require(request, perm):
    if request.org is None or not access.can(request.user, perm, request.org):
        raise Http404
    return request.org


def _get_petition(request, uuid):
    try:
        p = Petition.objects.select_related("organization", "handler", "answer_document", "duplicate_of").get(
            uuid=uuid
        )
    except (Petition.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
    if not permissions.can_view(request.user, p):
        raise Http404
    return p


def _form_errors(form, exc):
    """Put an action's ValidationError on the form (field errors where the field exists)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _due_soon_limit(today):
    return workcal.add_working_days(today, 3)


# ---------------------------------------------------------------- worklist


def _worklist_filters(request):
    """The worklist's filters, validated (danchu.core.params.Filters): the valid values as text
    for the form, and the messages for the values that were ignored."""
    v = params.Filters(request)
    handler = v.raw("handler")
    if handler != "none":
        handler = v.integer("handler", 1, label=_("Người xử lý"))
    year = v.year("year")
    f = {
        "q": v.raw("q")[:200],
        "kind": v.choice("kind", Kind.values, label=_("Loại đơn")),
        "status": v.choice("status", ["open", *Status.values], label=_("Trạng thái")),
        "handler": str(handler or ""),
        "due": v.choice("due", ("overdue", "soon"), label=_("Hạn")),
        "year": str(year or ""),
    }
    v.page()
    return f, v


def _filtered(request, org, org_ids=None):
    # The subtree as a list of organisation ids, not a join on `path LIKE`: PostgreSQL cannot
    # tell how many letters a path prefix covers (with a thousand units it guessed 50 rows of
    # 100,000 and sorted them all), while it knows how letters spread over organization_id.
    if org_ids is None:
        org_ids = list(Organization.objects.filter(path__startswith=org.path).values_list("pk", flat=True))
    qs = Petition.objects.filter(organization_id__in=org_ids)
    if not access.roles_in(request.user, org) & {permissions.H, permissions.C}:
        qs = qs.filter(permissions.visible_q(request.user))  # handlers: their own cases only
    f, _errors = _worklist_filters(request)
    today = timezone.localdate()
    if f["kind"]:
        qs = qs.filter(kind=f["kind"])
    if f["status"] == "open":
        qs = qs.filter(open_rank=0)
    elif f["status"]:
        qs = qs.filter(status=f["status"])
    if f["handler"] == "none":
        qs = qs.filter(handler__isnull=True)
    elif f["handler"]:
        qs = qs.filter(handler_id=int(f["handler"]))
    # open_rank = 0 is the stored form of "open" (models.Petition.open_rank), served by the index.
    if f["due"] == "overdue":
        qs = qs.filter(open_rank=0, next_due__lt=today)
    elif f["due"] == "soon":
        qs = qs.filter(open_rank=0, next_due__gte=today, next_due__lte=_due_soon_limit(today))
    if f["year"]:
        qs = qs.filter(received_on__year=int(f["year"]))
    if f["q"]:
        code = normalize_tracking_code(f["q"])
        qs = qs.filter(
            search.matches(f["q"], Petition.SEARCHED_FIELDS, stored="search_text") | Q(tracking_code=code)
        )
    qs = qs.select_related("organization", "handler")
    # Open letters first, nearest deadline first, newest first: the order of
    # petition_worklist_order_idx, so a page is read from the index, not sorted.
    qs = qs.order_by("open_rank", F("next_due").asc(nulls_last=True), "-received_on", "-pk")
    return qs, f


@login_required
def worklist(request):
    org = _require(request, "petitions.view")
    org_ids, version = listcache.subtree_state(org)
    _worklist_filters(request)[1].report(request)
    content = listcache.fragment(
        request, "petitions:worklist", version, lambda: _worklist_body(request, org, org_ids)
    )
    return render(request, "petitions/worklist.html", {"content": content})


def _worklist_body(request, org, org_ids):
    """The worklist below the menu: filters, rows and pages (cached by danchu.core.listcache)."""
    qs, f = _filtered(request, org, org_ids)
    # The rows as plain values, with what they show prepared here once: building 150 model
    # instances (letters, agencies, handlers) and resolving their attributes in the template
    # cost more than the query.
    rows = qs.values(
        *("uuid", "reference", "kind", "status", "received_on", "subject", "next_due", "organization_id"),
        *("organization__name", "organization__short_name"),
        *("handler_id", "handler__first_name", "handler__last_name", "handler__username"),
    )
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    zero = "00000000-0000-0000-0000-000000000000"
    # The rows and the dropdowns' options are written by listrows / leanhtml, not the template
    # engine: per row it cost more than the rest of the request (docs/benchmarks.md).
    rows_html = listrows.worklist_rows(
        list(page.object_list),
        org,
        today,
        _due_soon_limit(today),
        reverse("petitions:detail", args=[zero]),  # one reverse() per page, not per row
        zero,
        {value: str(label) for value, label in Kind.choices},
        {value: str(label) for value, label in Status.choices},
    )
    params = {k: v for k, v in request.GET.items() if k != "page"}
    handlers = listrows.subtree_handlers(org_ids)
    return render_to_string(
        "petitions/_worklist.html",
        {
            "org": org,
            "page_obj": page,
            "rows": rows_html,
            "f": f,
            "kind_options": options(Kind.choices, f["kind"]),
            "status_options": options(Status.choices, f["status"]),
            "handler_options": options(handlers, f["handler"]),
            "year_options": options([(y, y) for y in range(today.year, 2014, -1)], f["year"]),
            "querystring_without_page": urllib.parse.urlencode(params),
            "export_query": urllib.parse.urlencode(params),
            "can_register": access.can(request.user, "petitions.register", org),
        },
    )


@login_required
def export(request):
    org = _require(request, "petitions.view")
    qs, _f = _filtered(request, org)
    headers = [
        _("Số đơn"),
        _("Cơ quan"),
        _("Loại đơn"),
        _("Nguồn đơn"),
        _("Ngày nhận"),
        _("Nội dung tóm tắt"),
        _("Trạng thái"),
        _("Kết quả xử lý đơn"),
        _("Người xử lý"),
        _("Hạn thụ lý, xử lý"),
        _("Hạn giải quyết"),
        _("Ngày trả lời, giải quyết"),
        _("Đúng hạn"),
    ]
    rows = [
        [
            p.reference,
            p.organization.short_name or p.organization.name,
            p.get_kind_display(),
            p.get_channel_display(),
            p.received_on,
            p.subject,
            p.get_status_display(),
            p.get_outcome_display() if p.outcome else "",
            (p.handler.get_full_name() or p.handler.get_username()) if p.handler else "",
            p.accept_due,
            p.resolve_due,
            p.resolved_on,
            {True: _("Có"), False: _("Không")}.get(p.resolved_on_time, ""),
        ]
        for p in qs[:20000]
    ]
    return xlsx_response(f"don-thu-{timezone.localdate():%Y%m%d}.xlsx", [(_("Đơn thư"), headers, rows)])


# ---------------------------------------------------------------- register


@login_required
def register(request):
    org = _require(request, "petitions.register")
    if (refusal := ceased_refusal(request, org)) is not None:
        return refusal
    form = forms.RegisterForm(
        request.POST or None, request.FILES or None, initial={"received_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            p = actions.register(
                org,
                actor=request.user,
                kind=d["kind"],
                channel=d["channel"],
                received_on=d["received_on"],
                subject=d["subject"],
                content=d["content"],
                sender_type=d["sender_type"],
                is_anonymous=d["is_anonymous"],
                identity=form.identity(),
                scans=d["scans"],
                attachments=d["attachments"],
                second_time=d["second_time"],
                several_places=d["several_places"],
                transferred_from=d["transferred_from"],
                internal_notes=d["internal_notes"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã tiếp nhận đơn %(ref)s.") % {"ref": p.reference})
            return redirect("petitions:detail", uuid=p.uuid)
    return render(request, "petitions/register.html", {"form": form})


# ---------------------------------------------------------------- case detail and actions

ACTION_FORMS = {
    "classify": (forms.ClassifyForm, _("Phân loại, xử lý đơn"), ""),
    "assign": (forms.AssignForm, _("Giao người xử lý"), ""),
    "accept": (forms.AcceptForm, _("Thụ lý"), _("Xác nhận thụ lý giải quyết đơn này?")),
    "mark_complex": (forms.ComplexForm, _("Xác định tính chất vụ việc"), ""),
    "extend": (forms.ExtendForm, _("Gia hạn"), _("Xác nhận gia hạn giải quyết?")),
    "suspend": (forms.SuspendForm, _("Tạm đình chỉ"), _("Xác nhận tạm đình chỉ giải quyết?")),
    "resume": (forms.ResumeForm, _("Tiếp tục giải quyết"), ""),
    "record_verification": (forms.VerificationForm, _("Ghi nhận xác minh"), ""),
    "answer": (forms.AnswerForm, _("Trả lời, ban hành quyết định"), _("Xác nhận đã trả lời, giải quyết?")),
    "request_document": (forms.RequestDocumentForm, _("Đề nghị văn thư vào sổ văn bản trả lời"), ""),
    "send_decision": (
        forms.SendDecisionForm,
        _("Gửi quyết định giải quyết"),
        _("Xác nhận đã gửi quyết định giải quyết cho các bên?"),
    ),
    "close": (forms.CloseForm, _("Kết thúc hồ sơ"), _("Xác nhận kết thúc hồ sơ?")),
    "link_duplicate": (forms.DuplicateForm, _("Gộp đơn trùng"), _("Xác nhận đây là đơn trùng?")),
}


def _make_form(name, petition, data=None):
    cls = ACTION_FORMS[name][0]
    today = timezone.localdate()
    initial = {"on": today, "kind": petition.kind}
    kwargs = {}
    if name == "assign":
        kwargs["org"] = petition.organization
        initial["handler"] = petition.handler_id
    if name == "answer":
        kwargs["org"] = petition.organization
    return cls(data, initial=initial, prefix=name, **kwargs)


def _iso(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _detail_context(request, p, forms_override=None, identity=None):
    today = timezone.localdate()
    allowed = permissions.actions_for(request.user, p)
    action_forms = []
    for name in ACTION_FORMS:
        if name in allowed:
            form = (forms_override or {}).get(name) or _make_form(name, p)
            _cls, title, confirm = ACTION_FORMS[name]
            action_forms.append({"name": name, "form": form, "title": title, "confirm": confirm})
    notification_actions.mark_read(request.user, target=p)
    steps = [
        {**s, "due": _iso(s.get("due")), "counted_from": _iso(s.get("counted_from"))}
        for s in p.deadline_steps
    ]
    return {
        "p": p,
        "steps": steps,
        "events": p.events.select_related("actor"),
        "attachments": p.attachments.all(),
        "duplicates": p.duplicates.all(),
        "possible_duplicates": actions.possible_duplicates(p)[:5] if "link_duplicate" in allowed else [],
        "action_forms": action_forms,
        "can_reveal": "reveal" in allowed,
        "has_identity": hasattr(p, "identity") and not p.is_anonymous,
        "identity": identity,
        "reveal_form": forms.RevealForm(),
        "today": today,
        "overdue": p.overdue_on(today),
        "due_soon": p.is_open and p.next_due is not None and today <= p.next_due <= _due_soon_limit(today),
    }


@login_required
def detail(request, uuid):
    p = _get_petition(request, uuid)
    return render(request, "petitions/detail.html", _detail_context(request, p))


@login_required
@require_POST
def act(request, uuid, name):
    p = _get_petition(request, uuid)
    if name not in ACTION_FORMS:
        raise Http404
    if not permissions.may(request.user, name, p):
        messages.error(request, _("Bạn không thể thực hiện bước này với đơn ở trạng thái hiện tại."))
        return redirect("petitions:detail", uuid=p.uuid)
    form = _make_form(name, p, request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            _call(name, p, request.user, d, form)
        except ValidationError as exc:
            _form_errors(form, exc)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("Đã ghi nhận: %(step)s.") % {"step": ACTION_FORMS[name][1]})
            return redirect("petitions:detail", uuid=p.uuid)
    messages.error(request, _("Chưa thực hiện được: vui lòng kiểm tra thông tin đã nhập."))
    return render(request, "petitions/detail.html", _detail_context(request, p, {name: form}), status=400)


def _call(name, p, user, d, form):
    if name == "classify":
        return actions.classify(
            p,
            actor=user,
            outcome=d["outcome"],
            reason=d["reason"],
            kind=d["kind"],
            transferred_to=d["transferred_to"],
            on=d["on"],
        )
    if name == "assign":
        return actions.assign(p, actor=user, handler=d["handler"])
    if name == "accept":
        return actions.accept(p, actor=user, on=d["on"], answer_due=d["answer_due"])
    if name == "mark_complex":
        return actions.mark_complex(
            p,
            actor=user,
            complex=d["complex"],
            especially_complex=d["especially_complex"],
            remote=d["remote"],
            reason=d["reason"],
        )
    if name == "extend":
        return actions.extend(p, actor=user, reason=d["reason"], new_due=d["new_due"])
    if name == "suspend":
        return actions.suspend(p, actor=user, reason=d["reason"], on=d["on"])
    if name == "resume":
        return actions.resume(p, actor=user, on=d["on"])
    if name == "record_verification":
        return actions.record_verification(p, actor=user, note=d["note"], on=d["on"])
    if name == "request_document":
        return actions.request_answer_document(p, actor=user, note=d["note"])
    if name == "answer":
        return actions.answer(
            p,
            actor=user,
            document=d["document"],
            new_document=form.new_document(),
            public_answer=d["public_answer"],
            internal_notes=d["internal_notes"],
            on=d["on"],
        )
    if name == "send_decision":
        return actions.record_decision_sent(p, actor=user, on=d["on"], note=d["note"])
    if name == "close":
        return actions.close(p, actor=user, note=d["note"])
    if name == "link_duplicate":
        original = (
            Petition.objects.filter(permissions.visible_q(user), reference=d["original"].strip())
            .in_subtree(p.organization)
            .first()
        )
        if original is None:
            raise ValidationError({"original": _("Không tìm thấy đơn có số này trong cơ quan.")})
        return actions.link_duplicate(p, actor=user, original=original)
    raise Http404


@login_required
def reveal(request, uuid):
    p = _get_petition(request, uuid)
    if not permissions.may(request.user, "reveal", p):
        raise Http404
    form = forms.RevealForm(request.POST or None)
    identity = None
    if request.method == "POST" and form.is_valid():
        try:
            identity = actions.reveal_identity(p, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _form_errors(form, exc)
    response = render(
        request,
        "petitions/reveal.html",
        {"p": p, "form": form, "identity": identity, "reason": form.data.get("reason", "")},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def scan(request, uuid, pk):
    p = _get_petition(request, uuid)
    try:
        obj = IdentityScan.objects.select_related("identity__petition").get(pk=pk, identity__petition=p)
        name, content_type, data = actions.open_identity_scan(
            obj, actor=request.user, reason=request.POST.get("reason")
        )
    except (IdentityScan.DoesNotExist, PermissionDenied):
        raise Http404 from None
    except ValidationError:
        messages.error(request, _("Vui lòng ghi rõ lý do cần xem thông tin người gửi."))
        return redirect("petitions:reveal", uuid=p.uuid)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{urllib.parse.quote(name)}"
    response["Cache-Control"] = "no-store"
    return response


@login_required
def attachment(request, uuid, pk):
    p = _get_petition(request, uuid)
    try:
        att = p.attachments.get(pk=pk)
    except PetitionAttachment.DoesNotExist:
        raise Http404 from None
    response = HttpResponse(att.file.open("rb").read(), content_type=att.content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{urllib.parse.quote(att.original_name)}"
    return response


# ---------------------------------------------------------------- citizen reception


@login_required
def receptions(request):
    org = _require(request, "petitions.reception")
    f = params.Filters(request)
    year = f.year("year", label=_("Năm"))
    page_number = f.page()
    f.report(request)
    qs = ReceptionSession.objects.filter(organization__path__startswith=org.path).prefetch_related("letters")
    if year:
        qs = qs.filter(held_on__year=year)
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    schedule = ReceptionSchedule.objects.filter(organization=org).first()
    return render(
        request,
        "petitions/receptions.html",
        {
            "page_obj": page,
            "year": year,
            "schedule": schedule,
            "years": range(timezone.localdate().year, 2014, -1),
            "querystring_without_page": urllib.parse.urlencode({"year": year}),
        },
    )


def _reception_petitions(request, org):
    return (
        Petition.objects.filter(permissions.visible_q(request.user))
        .in_subtree(org)
        .order_by("-received_on")[:500]
    )


@login_required
def reception_create(request):
    org = _require(request, "petitions.reception")
    letters_qs = Petition.objects.filter(pk__in=[p.pk for p in _reception_petitions(request, org)]).order_by(
        "-received_on"
    )
    form = forms.ReceptionForm(
        request.POST or None,
        petitions=letters_qs,
        initial={"held_on": timezone.localdate(), "official_name": request.user.get_full_name()},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            actions.record_reception(
                org,
                actor=request.user,
                held_on=d["held_on"],
                official_name=d["official_name"],
                official=request.user,
                visits=d["visits"],
                people=d["people"],
                matters=d["matters"],
                answered_on_the_spot=d["answered_on_the_spot"],
                letters=d["letters"],
                notes=d["notes"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận buổi tiếp công dân."))
            return redirect("petitions:receptions")
    return render(request, "petitions/reception_form.html", {"form": form})


@login_required
def schedule(request):
    org = _require(request, "petitions.reception")
    current = ReceptionSchedule.objects.filter(organization=org).first()
    form = forms.ScheduleForm(
        request.POST or None, initial={"text": current.text, "place": current.place} if current else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.publish_schedule(
                org, actor=request.user, text=form.cleaned_data["text"], place=form.cleaned_data["place"]
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Đã công khai lịch tiếp công dân."))
            return redirect("petitions:receptions")
    return render(request, "petitions/schedule_form.html", {"form": form})


# ---------------------------------------------------------------- statistics


def _period(request):
    """The statistics' period from `start` + `end`, else `year`, else this year; a bad value is
    named on the page (params.Filters), never a 500 nor silently replaced."""
    today = timezone.localdate()
    f = params.Filters(request)
    start, end = f.date("start", label=_("Từ ngày")), f.date("end", label=_("Đến ngày"))
    year = f.year("year", label=_("Năm"))
    f.report(request)
    if start is None or end is None:
        year = year or today.year
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if end < start:
        start, end = end, start
    return start, end


@login_required
def statistics(request):
    org = _require(request, "petitions.stats")
    start, end = _period(request)
    figures = stats.petition_stats(org, start, end)
    query = urllib.parse.urlencode({"start": start.isoformat(), "end": end.isoformat()})
    rows = [(k, stats.label_for(k), figures[k]) for k in stats.FIGURES]
    kind_rows = [
        (
            label,
            [
                (
                    f"{prefix}_{'received' if k == 'letters_received' else k}",
                    figures[f"{prefix}_{'received' if k == 'letters_received' else k}"],
                )
                for k in stats.FIGURES
            ],
        )
        for (kind, prefix), label in zip(
            stats.KIND_PREFIX.items(), [k.label for k in stats.KIND_PREFIX], strict=True
        )
    ]
    return render(
        request,
        "petitions/stats.html",
        {
            "org": org,
            "start": start,
            "end": end,
            "s": figures,
            "rows": rows,
            "kind_rows": kind_rows,
            "headers": [stats.label_for(k) for k in stats.FIGURES],
            "channels": [
                (c.label, f"channel_{c.value}", figures[f"channel_{c.value}"]) for c in stats.Channel
            ],
            "reception": [(k, stats.label_for(k), figures[k]) for k in stats.RECEPTION_KEYS],
            "definition": stats.RATE_DEFINITION,
            "query": query,
            "years": range(timezone.localdate().year, 2014, -1),
        },
    )


@login_required
def statistics_records(request, key):
    org = _require(request, "petitions.stats")
    start, end = _period(request)
    try:
        qs = stats.records_for(org, start, end, key)
    except (KeyError, ValueError):
        raise Http404 from None
    is_reception = qs.model is ReceptionSession
    if not is_reception:
        qs = qs.filter(permissions.visible_q(request.user)).select_related("organization", "handler")
    f = params.Filters(request)
    page_number = f.page()
    f.report(request)
    page = Paginator(qs, PAGE_SIZE).get_page(page_number)
    return render(
        request,
        "petitions/stats_records.html",
        {
            "page_obj": page,
            "label": stats.label_for(key),
            "start": start,
            "end": end,
            "is_reception": is_reception,
            "querystring_without_page": urllib.parse.urlencode(
                {"start": start.isoformat(), "end": end.isoformat()}
            ),
        },
    )


# ---------------------------------------------------------------- public pages (no login)


def _too_many(request, template, form, extra=None):
    form.add_error(None, _("Bạn đã gửi quá nhiều yêu cầu trong một giờ. Vui lòng thử lại sau."))
    return render(request, template, {"form": form, **(extra or {})}, status=429)


def public_submit(request):
    org_code = request.GET.get("co-quan", "")
    chosen = forms.public_organizations().filter(code=org_code).first() if org_code else None
    posted = request.method == "POST"  # an empty POST still binds the form (errors, rate limit)
    form = forms.PublicSubmitForm(
        request.POST if posted else None, request.FILES if posted else None, initial={"organization": chosen}
    )
    schedules = ReceptionSchedule.objects.filter(organization__in=form.fields["organization"].queryset)
    if org_code:
        schedules = schedules.filter(organization__code=org_code)
    extra = {"schedules": schedules.select_related("organization")[:20], "identity_fields": IDENTITY_FIELDS}
    if request.method == "POST":
        if not ratelimit.hit(request, "submit"):
            return _too_many(request, "petitions/public_submit.html", form, extra)
        if form.is_valid():
            d = form.cleaned_data
            if d["website"]:
                form.add_error(None, _("Không thể gửi đơn. Vui lòng thử lại."))
            else:
                try:
                    p = actions.register(
                        d["organization"],
                        actor=None,
                        kind=d["kind"],
                        channel="web",
                        received_on=timezone.localdate(),
                        subject=d["subject"],
                        content=d["content"],
                        is_anonymous=d["is_anonymous"],
                        identity={} if d["is_anonymous"] else form.identity(),
                        attachments=d["attachments"],
                    )
                except ValidationError as exc:
                    _form_errors(form, exc)
                else:
                    request.session["petitions_submitted"] = p.tracking_code
                    return redirect("petitions:public_done")
    return render(
        request,
        "petitions/public_submit.html",
        {"form": form, **extra},
        status=400 if request.method == "POST" else 200,
    )


def public_done(request):
    # Shown once, then forgotten: the next person at a shared computer must not see it.
    code = request.session.pop("petitions_submitted", None)
    if not code:
        return redirect("petitions:public_submit")
    response = render(request, "petitions/public_done.html", {"code": code, "pretty": _pretty(code)})
    response["Cache-Control"] = "no-store"
    return response


def _pretty(code):
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def public_lookup(request):
    form = forms.LookupForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST":
        if not ratelimit.hit(request, "lookup"):
            return _too_many(request, "petitions/public_lookup.html", form)
        if form.is_valid() and not form.cleaned_data["website"]:
            code = normalize_tracking_code(form.cleaned_data["code"])
            result = (
                Petition.objects.select_related("organization")
                .only(
                    "reference",
                    "kind",
                    "status",
                    "received_on",
                    "resolved_on",
                    "accept_due",
                    "resolve_due",
                    "public_answer",
                    "organization__name",
                    "tracking_code",
                    "duplicate_of",
                    "transferred_to",
                )
                .filter(tracking_code=code)
                .first()
            )
            if result is None:
                form.add_error("code", _("Không tìm thấy đơn với mã này. Vui lòng kiểm tra lại mã tra cứu."))
    response = render(request, "petitions/public_lookup.html", {"form": form, "result": result})
    response["Cache-Control"] = "no-store"
    return response
