"""The annual staff conference."""

import copy
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import stale, transactions
from danchu.orgs.models import Membership

from .. import rules
from ..models import (
    Attendee,
    BoardMember,
    BoardRole,
    ConferenceDocument,
    ConferenceDocumentKind,
    ConferenceKind,
    ConferenceStatus,
    Convocation,
    FollowUp,
    Resolution,
    StaffConference,
)
from .disclosures import _checked_upload
from .shared import _add_months, conference_electorate

# --- the annual staff conference -----------------------------------------------------------------


def conference_warnings(conference, staff_count=None):
    warnings = []
    if staff_count is None:
        staff_count = conference.summoned_count
    if conference.kind == ConferenceKind.ANNUAL and conference.held_on > rules.conference_deadline(
        conference.year
    ):
        warnings.append(
            _(
                "Hội nghị thường niên tổng kết năm %(y)s phải tổ chức chậm nhất ngày %(d)s (3 tháng sau khi kết thúc năm)."
            )
            % {"y": conference.year, "d": rules.conference_deadline(conference.year).strftime("%d/%m/%Y")}
        )
    if not conference.organization.staff_required_conference or staff_count <= rules.NO_CONFERENCE_MAX_STAFF:
        warnings.append(_("Cơ quan, đơn vị có từ 07 người trở xuống không bắt buộc tổ chức hội nghị."))
    return warnings


@transactions.action()
def create_conference(
    *,
    organization,
    actor,
    year,
    held_on,
    kind=ConferenceKind.ANNUAL,
    convocation=Convocation.FIRST,
    place="",
    chair="",
    secretary="",
    agenda="",
):
    if held_on is None or year is None:
        raise ValidationError(_("Vui lòng nhập năm công tác và ngày tổ chức."))
    if kind == ConferenceKind.ANNUAL and held_on.year <= year and held_on < datetime.date(year, 12, 1):
        raise ValidationError(
            {"held_on": _("Hội nghị thường niên tổ chức sau khi kết thúc năm công tác (từ tháng 12).")}
        )
    people = sorted(conference_electorate(organization, held_on))
    conference = StaffConference.objects.create(
        organization=organization,
        year=year,
        held_on=held_on,
        kind=kind,
        convocation=convocation,
        place=place,
        chair=chair,
        secretary=secretary,
        agenda=agenda,
        by_delegates=len(people) >= rules.DELEGATES_FROM_STAFF,
        summoned_count=len(people),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Attendee.objects.bulk_create([Attendee(conference=conference, person_id=pid) for pid in people])
    record_create(conference, actor, verb=_("Lập kế hoạch hội nghị"))
    return conference


def delegate_choices(conference, person_ids):
    """{person id: chosen} for the people `person_ids` of the electorate (those a page of the
    delegates list shows); its fingerprint is the version that page's form carries."""
    rows = conference.attendees.filter(person_id__in=list(person_ids)).values_list("person_id", "summoned")
    return {str(pid): summoned for pid, summoned in rows}


@transactions.action()
def set_delegates(conference, *, actor, person_ids, shown=None, expected_version=None):
    """With 100 staff or more, only the delegates chosen by the head and the union among the
    electorate are summoned; the quorum (2/3) is then counted over the delegates.

    `person_ids` is the whole list; or, with `shown` (the people one page of the list shows), the
    people chosen among them, the others keeping their stored choice. `expected_version` is the
    fingerprint of `delegate_choices` of the page as it was opened ("" when the form carried
    none): under the conference's row lock, choices someone else changed meanwhile on these people
    are not overwritten (`stale.StaleEdit`). None checks nothing."""
    conference = StaffConference.objects.select_for_update().get(pk=conference.pk)
    if not conference.by_delegates:
        raise ValidationError(_("Cơ quan dưới 100 người: toàn thể cán bộ, công chức, viên chức dự hội nghị."))
    if conference.status != ConferenceStatus.PLANNED:
        raise ValidationError(_("Chỉ chọn đại biểu trước khi khai mạc."))
    ids = {int(pid) for pid in person_ids}
    if shown is not None:
        shown = {int(pid) for pid in shown}
        stored = delegate_choices(conference, shown)
        ids &= shown
        stale.check_values(
            conference,
            expected_version,
            stored,
            {pid: int(pid) in ids for pid in stored},
            labels=dict(
                (str(pid), name)
                for pid, name in conference.attendees.filter(person_id__in=shown).values_list(
                    "person_id", "person__full_name"
                )
            ),
            show=lambda chosen: _("Đại biểu") if chosen else _("Không chọn"),
        )
        summoned = set(conference.attendees.filter(summoned=True).values_list("person_id", flat=True))
        ids |= summoned - shown
    if not ids:
        raise ValidationError(_("Vui lòng chọn ít nhất một đại biểu."))
    attendees = conference.attendees.all()
    outside = ids - set(attendees.values_list("person_id", flat=True))
    if outside:
        raise ValidationError(
            _("%(n)s người được chọn không thuộc danh sách cán bộ, công chức, viên chức của hội nghị.")
            % {"n": len(outside)}
        )
    before_ids = set(attendees.filter(summoned=True).values_list("person_id", flat=True))
    if before_ids == ids and conference.summoned_count == len(ids):
        return conference
    attendees.exclude(person_id__in=ids).update(summoned=False)
    attendees.filter(person_id__in=ids).update(summoned=True)
    before = snapshot(conference)
    conference.summoned_count = len(ids)
    conference.save(update_fields=["summoned_count"])
    record(
        conference,
        AuditAction.UPDATE,
        actor,
        changes=diff(before, snapshot(conference)),
        verb=_("Chọn %(n)s đại biểu (thêm %(added)s, bớt %(removed)s)")
        % {"n": len(ids), "added": len(ids - before_ids), "removed": len(before_ids - ids)},
    )
    return conference


def quorum(conference):
    """(present, summoned, needed, reached) — live, from the check-ins."""
    summoned = conference.attendees.filter(summoned=True)
    present = summoned.filter(present=True).count()
    total = summoned.count()
    needed = rules.quorum_needed(total)
    return {
        "present": present,
        "summoned": total,
        "needed": needed,
        "reached": total > 0 and present >= needed,
    }


@transactions.action()
def check_in(conference, *, actor, person, present=True):
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(_("Hội nghị đã bế mạc."))
    attendee = conference.attendees.select_for_update().filter(person=person, summoned=True).first()
    if attendee is None:
        raise ValidationError(_("Người này không có trong danh sách triệu tập."))
    if attendee.present == present:
        return attendee
    attendee.present = present
    attendee.checked_in_at = timezone.now() if present else None
    attendee.save(update_fields=["present", "checked_in_at"])
    if conference.status == ConferenceStatus.PLANNED and present:
        conference.status = ConferenceStatus.IN_SESSION
        conference.save(update_fields=["status"])
    record(
        conference,
        AuditAction.OTHER,
        actor,
        verb=(_("Điểm danh có mặt: %(p)s") if present else _("Bỏ điểm danh: %(p)s"))
        % {"p": person.full_name},
    )
    return attendee


def attendance(conference):
    """{person id: present} of the people summoned to `conference`; its fingerprint is the
    version the roll-call form carries (`stale.fingerprint`)."""
    rows = conference.attendees.filter(summoned=True).values_list("person_id", "present")
    return {str(pid): present for pid, present in rows}


@transactions.action()
def set_attendance(conference, *, actor, present_ids, expected_version=None):
    """Save the roll call: those in `present_ids` are present, the other people summoned are not.
    `expected_version` is the fingerprint of the attendance as the form showed it ("" when it
    carried none): under the conference's row lock, a roll call someone else changed meanwhile is
    not overwritten (`stale.StaleEdit` naming each person who differs). None checks nothing."""
    conference = StaffConference.objects.select_for_update().get(pk=conference.pk)
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(_("Hội nghị đã bế mạc."))
    stored = attendance(conference)
    wanted = {str(pid) for pid in present_ids}
    mine = {pid: pid in wanted for pid in stored}
    people = {
        str(a.person_id): a.person
        for a in conference.attendees.filter(summoned=True).select_related("person")
    }
    stale.check_values(
        conference,
        expected_version,
        stored,
        mine,
        labels={pid: person.full_name for pid, person in people.items()},
        show=lambda present: _("Có mặt") if present else _("Vắng mặt"),
    )
    for pid, present in mine.items():
        if present != stored[pid]:
            check_in(conference, actor=actor, person=people[pid], present=present)
    return conference


@transactions.action()
def add_conference_document(conference, *, actor, kind, title, summary="", upload=None):
    if kind not in ConferenceDocumentKind.values:
        raise ValidationError({"kind": _("Loại tài liệu không hợp lệ.")})
    if not (title or "").strip():
        raise ValidationError({"title": _("Vui lòng nhập tên tài liệu.")})
    name = _checked_upload(upload, "upload")[1] if upload else ""
    document = ConferenceDocument.objects.create(
        conference=conference,
        kind=kind,
        title=title.strip(),
        summary=summary,
        file=upload,
        original_name=name[:255],
    )
    record_create(document, actor, verb=_("Thêm tài liệu hội nghị"), organization=conference.organization)
    return document


def _require_session_with_quorum(conference):
    if conference.status != ConferenceStatus.IN_SESSION:
        raise ValidationError(_("Chỉ biểu quyết khi hội nghị đang họp."))
    q = quorum(conference)
    if not q["reached"]:
        raise ValidationError(
            _("Hội nghị chưa đủ 2/3 số người được triệu tập (%(present)s/%(summoned)s, cần %(needed)s).") % q
        )
    return q


@transactions.action()
def record_resolution(conference, *, actor, text, votes_for, votes_against=0, abstentions=0):
    """A matter voted by show of hands: passes with more than 50% of those present."""
    q = _require_session_with_quorum(conference)
    if not (text or "").strip():
        raise ValidationError({"text": _("Vui lòng nhập nội dung biểu quyết.")})
    if min(votes_for, votes_against, abstentions) < 0:
        raise ValidationError(_("Số phiếu không được âm."))
    if votes_for + votes_against + abstentions > q["present"]:
        raise ValidationError(
            _("Tổng số phiếu (%(n)s) vượt số người có mặt (%(present)s).")
            % {"n": votes_for + votes_against + abstentions, "present": q["present"]}
        )
    resolution = Resolution.objects.create(
        conference=conference,
        order=conference.resolutions.count() + 1,
        text=text.strip(),
        present=q["present"],
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        passed=rules.resolution_passes(votes_for, q["present"]),
    )
    record_create(resolution, actor, verb=_("Biểu quyết tại hội nghị"), organization=conference.organization)
    return resolution


def board_ineligible(conference, person):
    """Why `person` cannot sit on the people's inspection board, or None."""
    org = conference.organization
    memberships = Membership.objects.staff_of(org, conference.held_on).filter(person=person)
    if not memberships.exists():
        return _("%(p)s không phải cán bộ, công chức, viên chức của cơ quan.") % {"p": person.full_name}
    if memberships.filter(organization=org).filter(is_head=True).exists():
        return _("%(p)s là thủ trưởng cơ quan.") % {"p": person.full_name}
    if memberships.filter(organization=org, is_deputy=True).exists():
        return _("%(p)s là cấp phó của thủ trưởng cơ quan.") % {"p": person.full_name}
    if memberships.filter(position__icontains="kế toán trưởng").exists():
        return _("%(p)s là kế toán trưởng.") % {"p": person.full_name}
    return None


@transactions.action()
def elect_board(conference, *, actor, members, larger_board_reason=""):
    """members: [(person, role, votes)]. 3–9 members (more when the conference decides so for an
    agency of a special nature or operating in dispersed places: `larger_board_reason`), 2-year
    term, none where the agency has 7 staff or fewer (all its staff, not those summoned); the
    head, deputies and chief accountant cannot be members; each elected by more than half present
    (Luật Thực hiện dân chủ ở cơ sở 2022, Art. 60)."""
    q = _require_session_with_quorum(conference)
    staff = len(conference_electorate(conference.organization, conference.held_on))
    if staff <= rules.NO_BOARD_MAX_STAFF:
        raise ValidationError(
            _(
                "Cơ quan có từ 07 cán bộ, công chức, viên chức, người lao động trở xuống (%(n)s người) không "
                "tổ chức Ban Thanh tra nhân dân (%(basis)s)."
            )
            % {"n": f"{staff:02d}", "basis": rules.BOARD_BASIS}
        )
    if conference.board.exists():
        raise ValidationError(_("Hội nghị đã bầu Ban Thanh tra nhân dân."))
    larger_board_reason = (larger_board_reason or "").strip()
    if len(members) < rules.BOARD_MIN or (len(members) > rules.BOARD_MAX and not larger_board_reason):
        raise ValidationError(
            _(
                "Ban Thanh tra nhân dân có từ %(a)s đến %(b)s thành viên; đã chọn %(n)s. Nhiều hơn %(b)s chỉ khi "
                "hội nghị quyết định vì cơ quan có tính chất đặc thù hoặc hoạt động phân tán: ghi rõ lý do "
                "(%(basis)s)."
            )
            % {
                "a": f"{rules.BOARD_MIN:02d}",
                "b": f"{rules.BOARD_MAX:02d}",
                "n": len(members),
                "basis": rules.BOARD_BASIS,
            }
        )
    if len(members) >= rules.BOARD_MAX and (
        sum(1 for _p, r, _v in members if r == BoardRole.DEPUTY) > rules.BOARD_MAX_DEPUTIES_FROM_NINE
    ):
        raise ValidationError(
            _("Ban có từ 09 thành viên trở lên có không quá 02 Phó Trưởng ban (%(basis)s).")
            % {"basis": rules.BOARD_DEPUTIES_BASIS}
        )
    if len({p.pk for p, _r, _v in members}) != len(members):
        raise ValidationError(_("Một người được chọn hai lần."))
    if sum(1 for _p, r, _v in members if r == BoardRole.HEAD) != 1:
        raise ValidationError(_("Ban Thanh tra nhân dân có đúng một Trưởng ban."))
    errors = [reason for p, _r, _v in members if (reason := board_ineligible(conference, p))]
    for p, _r, votes in members:
        if not rules.resolution_passes(votes, q["present"]):
            errors.append(
                _("%(p)s được %(v)s phiếu, chưa quá 50%% số người có mặt (%(n)s).")
                % {"p": p.full_name, "v": votes, "n": q["present"]}
            )
    if errors:
        raise ValidationError(errors)
    start = conference.held_on
    end = _add_months(start, 12 * rules.BOARD_TERM_YEARS) - datetime.timedelta(days=1)
    created = []
    for person, role, votes in members:
        member = BoardMember.objects.create(
            conference=conference,
            organization=conference.organization,
            person=person,
            role=role,
            votes=votes,
            term_start=start,
            term_end=end,
        )
        record_create(
            member,
            actor,
            verb=_("Bầu Ban Thanh tra nhân dân"),
            organization=conference.organization,
            reason=larger_board_reason if len(members) > rules.BOARD_MAX else "",
        )
        created.append(member)
    return created


@transactions.action()
def close_conference(conference, *, actor):
    conference = StaffConference.objects.select_for_update().get(pk=conference.pk)
    if conference.status == ConferenceStatus.CLOSED:
        raise ValidationError(_("Hội nghị đã bế mạc."))
    q = quorum(conference)
    before = snapshot(conference)
    conference.status = ConferenceStatus.CLOSED
    conference.quorum_reached = q["reached"]
    conference.present_at_close = q["present"]
    conference.summoned_count = q["summoned"]
    conference.save()
    if q["reached"] and conference.resolutions.filter(passed=True).exists():
        for months in (6, 12):
            FollowUp.objects.create(conference=conference, due_on=_add_months(conference.held_on, months))
    record(
        conference,
        AuditAction.TRANSITION,
        actor,
        changes=diff(before, snapshot(conference)),
        verb=_("Bế mạc"),
    )
    return conference


@transactions.action()
def record_follow_up(follow_up, *, actor, done_on, result, expected_version=None):
    """Record (or correct) the six-monthly review. `expected_version` is the `stale.version_of`
    the review as the form showed it ("" when the form carried none): under the row lock, a review
    someone else recorded meanwhile is not overwritten (`stale.StaleEdit`). None checks nothing."""
    if not (result or "").strip():
        raise ValidationError({"result": _("Vui lòng nhập kết quả sơ kết việc thực hiện nghị quyết.")})
    if done_on is None:
        raise ValidationError({"done_on": _("Vui lòng nhập ngày sơ kết.")})
    follow_up = (
        FollowUp.objects.select_for_update().select_related("conference__organization").get(pk=follow_up.pk)
    )
    mine = copy.copy(follow_up)
    mine.done_on, mine.result = done_on, result.strip()
    stale.check_record(follow_up, expected_version, mine)
    before = snapshot(follow_up)
    follow_up.done_on, follow_up.result = mine.done_on, mine.result
    follow_up.save()
    record(
        follow_up,
        AuditAction.UPDATE,
        actor,
        changes=diff(before, snapshot(follow_up)),
        organization=follow_up.conference.organization,
    )
    return follow_up
