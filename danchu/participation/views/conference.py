"""The annual staff conference."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import params, search, stale
from danchu.orgs import access
from danchu.orgs.ceased import ceased_refusal
from danchu.orgs.models import Membership, Organization

from .. import actions, forms
from ..docs import minutes_docx, resolution_docx
from ..models import (
    FollowUp,
    StaffConference,
)
from .shared import DOCX_MIME, _apply, _get_open_to_staff, _org, _page, _post_action, _querystring

# --- conferences ------------------------------------------------------------------------------


@login_required
def conference_list(request):
    org = _org(request)
    qs = StaffConference.objects.filter(organization__path__startswith=org.path).select_related(
        "organization"
    )
    page = _page(request, qs)
    return render(
        request,
        "participation/conference_list.html",
        {
            "page_obj": page,
            "manage": access.can(request.user, "participation.manage", org),
            "querystring_without_page": _querystring(request),
        },
    )


@login_required
def conference_create(request):
    org = _org(request, "participation.manage")
    if (refusal := ceased_refusal(request, org)) is not None:
        return refusal
    today = timezone.localdate()
    form = forms.ConferenceForm(request.POST or None, initial={"year": today.year - 1, "held_on": today})
    if request.method == "POST" and form.is_valid():
        conference = _apply(
            form, lambda: actions.create_conference(organization=org, actor=request.user, **form.cleaned_data)
        )
        if conference:
            for w in actions.conference_warnings(conference):
                messages.warning(request, w)
            messages.success(request, _("Đã lập kế hoạch hội nghị và danh sách triệu tập."))
            return redirect("participation:conference", uuid=conference.uuid)
    return render(
        request,
        "participation/form.html",
        {"form": form, "title": _("Hội nghị cán bộ, công chức, viên chức, người lao động")},
    )


@login_required
def conference_detail(request, uuid):
    conference = _get_open_to_staff(request, StaffConference, uuid)
    manage = access.can(request.user, "participation.manage", conference.organization)
    attendees = list(conference.attendees.select_related("person").filter(summoned=True))
    people = {a.person_id: a.person for a in attendees}
    resolution_form = forms.ResolutionForm(request.POST if "text" in request.POST else None)
    board_form = forms.BoardForm(
        request.POST if "person_1" in request.POST else None, people=[a.person for a in attendees]
    )
    document_form = forms.ConferenceDocumentForm(
        request.POST if "upload" in request.FILES or "doc-kind" in request.POST else None,
        request.FILES or None,
        prefix="doc",
    )
    followup_form = forms.FollowUpForm(request.POST if "result" in request.POST else None)
    # Each review's form carries the version it was opened on (issue 14, item 9).
    follow_ups = [[f, stale.version_of(f)] for f in conference.follow_ups.all()]
    conflict, conflict_pk, conflict_form = None, None, None
    attendance_version, ticked = stale.fingerprint(actions.attendance(conference)), None
    if request.method == "POST":
        if not manage:
            raise Http404
        action = request.POST.get("action")
        done = None
        if action == "checkin":
            ids = params.ints(request.POST.getlist("present"))
            try:
                actions.set_attendance(
                    conference,
                    actor=request.user,
                    present_ids=ids,
                    expected_version=request.POST.get(stale.VERSION_FIELD, ""),
                )
                done = _("Đã cập nhật điểm danh.")
            except stale.StaleEdit as exc:
                # The ticks the user made stay; the form carries the stored version, so saving
                # again, knowingly, overwrites.
                messages.error(request, exc.messages[0])
                conflict, conflict_form = exc.rows, "checkin"
                attendance_version, ticked = exc.versions[stale.VERSION_FIELD], ids
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        elif action == "resolution" and resolution_form.is_valid():
            if _apply(
                resolution_form,
                lambda: actions.record_resolution(
                    conference, actor=request.user, **resolution_form.cleaned_data
                ),
            ):
                done = _("Đã ghi kết quả biểu quyết.")
        elif action == "board" and board_form.is_valid():
            if _apply(
                board_form,
                lambda: actions.elect_board(
                    conference,
                    actor=request.user,
                    members=board_form.members(people),
                    larger_board_reason=board_form.cleaned_data.get("larger_board_reason", ""),
                ),
            ):
                done = _("Đã ghi kết quả bầu Ban Thanh tra nhân dân.")
        elif action == "document" and document_form.is_valid():
            d = document_form.cleaned_data
            if _apply(
                document_form,
                lambda: actions.add_conference_document(
                    conference,
                    actor=request.user,
                    kind=d["kind"],
                    title=d["title"],
                    summary=d.get("summary", ""),
                    upload=d.get("upload"),
                ),
            ):
                done = _("Đã thêm tài liệu.")
        elif action == "close":
            try:
                actions.close_conference(conference, actor=request.user)
                done = _("Hội nghị đã bế mạc.")
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        elif action == "followup" and followup_form.is_valid():
            follow_up = FollowUp.objects.filter(
                conference=conference, pk=params.int_or_none(request.POST.get("follow_up")) or 0
            ).first()
            try:
                if follow_up and _apply(
                    followup_form,
                    lambda: actions.record_follow_up(
                        follow_up,
                        actor=request.user,
                        expected_version=request.POST.get(stale.VERSION_FIELD, ""),
                        **followup_form.cleaned_data,
                    ),
                ):
                    done = _("Đã ghi kết quả sơ kết.")
            except stale.StaleEdit as exc:
                # What the user typed stays in the form, now carrying the stored version: saving
                # again, knowingly, overwrites.
                followup_form.add_error(None, exc.messages[0])
                conflict, conflict_pk, conflict_form = exc.rows, follow_up.pk, "followup"
                follow_ups = [
                    [f, exc.versions[stale.VERSION_FIELD] if f.pk == follow_up.pk else v]
                    for f, v in follow_ups
                ]
        if done:
            messages.success(request, done)
            return redirect("participation:conference", uuid=uuid)
        conference.refresh_from_db()
    q = actions.quorum(conference)
    return render(
        request,
        "participation/conference_detail.html",
        {
            "c": conference,
            "manage": manage,
            "attendees": attendees,
            "q": q,
            "warnings": actions.conference_warnings(conference),
            "resolution_form": resolution_form,
            "board_form": board_form,
            "board_rows": [
                (board_form[f"person_{i}"], board_form[f"role_{i}"], board_form[f"votes_{i}"])
                for i in range(1, board_form.ROWS + 1)
            ],
            "document_form": document_form,
            "followup_form": followup_form,
            "follow_ups": follow_ups,
            "conflict": conflict,
            "conflict_pk": conflict_pk,
            "conflict_form": conflict_form,
            "attendance_version": attendance_version,
            "ticked": ticked,
            "board": conference.board.select_related("person"),
        },
    )


@login_required
def conference_delegates(request, uuid):
    """Pick the delegates of a conference of 100 staff or more among its electorate, searching by
    name and unit. Each page of the list only changes the people it shows ("shown"), so filtering
    and paging never drop a choice made on another page."""
    conference = access.get_for_user(
        request.user, StaffConference.objects.all(), "participation.manage", uuid=uuid
    )
    org = conference.organization
    units = list(Organization.objects.subtree(org).order_by("path"))
    f = params.Filters(request)
    q = f.raw("q")[:200]
    unit_pk = f.choice("unit", [str(u.pk) for u in units], label=_("Đơn vị"))
    unit = next((u for u in units if str(u.pk) == unit_pk), None)
    only = f.choice("only", ("chosen", "not_chosen"), label=_("Lọc"))
    page_number = f.page()
    if request.method == "GET":  # a save redirects back here with the same query: said once
        f.report(request)
    attendees = conference.attendees.select_related("person").order_by("person__full_name", "pk")
    if q:
        attendees = attendees.filter(search.matches(q, ("person__full_name",)))
    if unit is not None:
        attendees = attendees.filter(
            person_id__in=Membership.objects.staff_of(unit, conference.held_on).values("person_id")
        )
    if only == "chosen":
        attendees = attendees.filter(summoned=True)
    elif only == "not_chosen":
        attendees = attendees.filter(summoned=False)
    page = Paginator(attendees, 50).get_page(page_number)
    conflict, ticked = None, None
    version = stale.fingerprint(actions.delegate_choices(conference, [a.person_id for a in page]))
    if request.method == "POST":
        shown = params.ints(request.POST.getlist("shown"))
        picked = params.ints(request.POST.getlist("delegate")) & shown
        action = request.POST.get("action")
        if action == "all":
            picked = shown
        elif action == "none":
            picked = set()
        try:
            _post_action(
                request,
                lambda: actions.set_delegates(
                    conference,
                    actor=request.user,
                    person_ids=picked,
                    shown=shown,
                    expected_version=request.POST.get(stale.VERSION_FIELD, ""),
                ),
                _("Đã lưu danh sách đại biểu."),
            )
        except stale.StaleEdit as exc:
            # The choices the user made stay on the page, which now carries the stored version:
            # saving again, knowingly, overwrites.
            messages.error(request, exc.messages[0])
            conflict, ticked = exc.rows, picked
            version = exc.versions[stale.VERSION_FIELD]
        else:
            query = request.GET.urlencode()
            target = reverse("participation:conference_delegates", kwargs={"uuid": uuid})
            return redirect(f"{target}?{query}" if query else target)
    memberships = {}
    for m in (
        Membership.objects.staff_of(org, conference.held_on)
        .filter(person_id__in=[a.person_id for a in page])
        .select_related("organization")
        .order_by("organization__path")
    ):
        memberships.setdefault(m.person_id, []).append(m)
    rows = [(a, memberships.get(a.person_id, [])) for a in page]
    return render(
        request,
        "participation/conference_delegates.html",
        {
            "c": conference,
            "rows": rows,
            "page_obj": page,
            "units": units,
            "unit": unit,
            "q": q,
            "only": only,
            "q_stats": actions.quorum(conference),
            "electorate": conference.attendees.count(),
            "editable": conference.by_delegates and conference.status == "planned",
            "opened_version": version,
            "conflict": conflict,
            "ticked": ticked,
            "querystring_without_page": _querystring(request),
        },
    )


def _docx(request, uuid, builder, name):
    conference = _get_open_to_staff(request, StaffConference, uuid)
    response = HttpResponse(builder(conference), content_type=DOCX_MIME)
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{conference.organization.code}-{conference.year}.docx"'
    )
    return response


@login_required
def conference_document(request, uuid, pk):
    """A report stored on a conference (the head's, the union's, the inspection board's…): for the
    staff of the organisation and those who may view it; 404 for everyone else."""
    conference = _get_open_to_staff(request, StaffConference, uuid)
    document = conference.documents.filter(pk=pk).exclude(file="").first()
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=document.original_name or document.file.name.rsplit("/", 1)[-1]
    )


@login_required
def conference_minutes(request, uuid):
    return _docx(request, uuid, minutes_docx, "bien-ban-hoi-nghi")


@login_required
def conference_resolution(request, uuid):
    return _docx(request, uuid, resolution_docx, "nghi-quyet-hoi-nghi")
