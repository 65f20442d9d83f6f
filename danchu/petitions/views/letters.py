"""Registering a letter, its detail page and the steps taken on it."""

import datetime
import urllib.parse

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danchu.core.forms import add_validation_error
from danchu.notifications import actions as notification_actions
from danchu.orgs.ceased import ceased_refusal

from .. import actions, forms, permissions
from ..models import (
    IdentityScan,
    Petition,
    PetitionAttachment,
)
from ..worklist import due_soon_limit as _due_soon_limit
from .shared import _get_petition, _require


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
            add_validation_error(form, exc)
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
            add_validation_error(form, exc)
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
            add_validation_error(form, exc)
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
