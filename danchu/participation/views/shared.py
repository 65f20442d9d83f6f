"""Helpers shared by the workflows' pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone

from danchu.core import params, stale
from danchu.core.forms import add_validation_error
from danchu.orgs import access

from .. import actions

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _org(request, perm="participation.view"):
    if request.org is None or not access.can(request.user, perm, request.org):
        raise Http404
    return request.org


def _get_open_to_staff(request, model, uuid):
    """A consultation, vote or conference: for those who may view the organisation and for its
    staff, even when their role is held in a unit below it; 404 for everyone else."""
    obj = model.objects.select_related("organization").filter(uuid=uuid).first()
    if obj is None:
        raise Http404
    if access.can(request.user, "participation.view", obj.organization):
        return obj
    person = actions.person_for(request.user)
    if actions.is_staff_of(person, obj.organization, timezone.localdate()) and any(
        access.can(request.user, "participation.take_part", o) for o in access.role_orgs(request.user)
    ):
        return obj
    raise Http404


def _take_part(request, org):
    """Taking part needs a role that allows it and a place among the organisation's staff."""
    if access.can(request.user, "participation.take_part", org):
        return True
    person = actions.person_for(request.user)
    return actions.is_staff_of(person, org, timezone.localdate()) and any(
        access.can(request.user, "participation.take_part", o) for o in access.role_orgs(request.user)
    )


def _apply(form, call):
    """Run an action; on a ValidationError put its messages on the form and return None. A stale
    edit (`stale.StaleEdit`) goes to the caller, which shows what changed."""
    try:
        return call()
    except stale.StaleEdit:
        raise
    except ValidationError as exc:
        add_validation_error(form, exc)
        return None


def _post_action(request, call, success):
    """Run an action, then say so; its ValidationError becomes messages (a stale edit,
    `stale.StaleEdit`, goes to the caller, which shows what changed)."""
    try:
        call()
        messages.success(request, success)
    except stale.StaleEdit:
        raise
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)


def _querystring(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _page(request, qs, size=25):
    """The page of `qs` the request asks for, its page number validated (a bad one is named on
    the page, danchu.core.params) — the plain lists of consultations, votes, conferences and
    recommendations."""
    f = params.Filters(request)
    number = f.page()
    f.report(request)
    return Paginator(qs, size).get_page(number)
