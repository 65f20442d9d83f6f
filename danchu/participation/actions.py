"""Every state change of participation: atomic, validated, audited (docs/architecture.md rule 1)."""

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import diff, record, record_create, snapshot
from danchu.core import numbering, throttle
from danchu.documents.uploads import validate_upload
from danchu.legal.frameworks import framework_for
from danchu.notifications.actions import notify
from danchu.orgs.models import Membership, Person

from . import ballots, rules
from .models import (
    Attendee,
    BoardMember,
    BoardRole,
    Channel,
    Comment,
    ConferenceDocument,
    ConferenceDocumentKind,
    ConferenceKind,
    ConferenceStatus,
    Consultation,
    ConsultationSection,
    Convocation,
    Disclosure,
    DisclosureAttachment,
    DisclosureChannel,
    DisclosureKind,
    DisclosureRecipient,
    DisclosureStatus,
    FollowUp,
    NamedBallot,
    Phase,
    Recommendation,
    Resolution,
    SealedBallot,
    StaffConference,
    Vote,
    VoteKind,
    VoteOption,
    VoterRoll,
    VotingCode,
)
from .notifications import DISCLOSURE_UNREAD

# --- helpers ---------------------------------------------------------------------------------


def person_for(user):
    """The person behind a user account, or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).first()


def staff_person_ids(org, day):
    """The people working anywhere in `org`'s subtree on `day` (each once)."""
    return set(Membership.objects.staff_of(org, day).values_list("person_id", flat=True).distinct())


def conference_electorate(org, day):
    """The staff summoned to `org`'s conference: its subtree, except units below it that must
    hold their own conference (a public service centre holds its own)."""
    from danchu.orgs.models import Organization

    own = (
        Organization.objects.subtree(org)
        .exclude(pk=org.pk)
        .filter(kind="centre", staff_required_conference=True)
        .values_list("path", flat=True)
    )
    memberships = Membership.objects.staff_of(org, day)
    for path in own:
        memberships = memberships.exclude(organization__path__startswith=path)
    return set(memberships.values_list("person_id", flat=True).distinct())


def is_staff_of(person, org, day):
    return person is not None and Membership.objects.staff_of(org, day).filter(person=person).exists()


def current_board(org, day=None):
    day = day or timezone.localdate()
    return BoardMember.objects.filter(organization=org, term_start__lte=day, term_end__gte=day)


def is_board_member(person, org, day=None):
    return person is not None and current_board(org, day).filter(person=person).exists()


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise ValueError(day)


def _next_reference(org, year):
    prefix = f"CK-{year}-"
    taken = Disclosure.objects.filter(organization=org, reference__startswith=prefix).count()
    return f"{prefix}{numbering.allocate(org, numbering.DISCLOSURE, year, at_least=taken):03d}"


# --- disclosures -----------------------------------------------------------------------------


def _validate_disclosure(
    *, title, requirement, decided_on, channels, posted_from, posted_to, item_count, kind
):
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Vui lòng nhập tiêu đề.")
    if decided_on is None:
        errors["decided_on"] = _("Vui lòng nhập ngày ban hành quyết định, văn bản được công khai.")
    elif requirement is not None:
        framework = framework_for(decided_on)
        if requirement.framework != framework or requirement.area != "disclosure":
            errors["requirement"] = _(
                "Nội dung phải công khai không thuộc danh mục của khung pháp lý áp dụng vào ngày %(day)s."
            ) % {"day": decided_on.strftime("%d/%m/%Y")}
    if requirement is None:
        errors["requirement"] = _("Vui lòng chọn nội dung phải công khai theo quy định.")
    if not channels:
        errors["channels"] = _("Vui lòng chọn ít nhất một hình thức công khai.")
    elif set(channels) - set(Channel.values):
        errors["channels"] = _("Hình thức công khai không hợp lệ.")
    if posted_from and posted_to and posted_to < posted_from:
        errors["posted_to"] = _("Ngày kết thúc niêm yết phải sau ngày bắt đầu.")
    if kind == DisclosureKind.POSTING and not item_count:
        errors["item_count"] = _("Vui lòng nhập số nội dung được niêm yết.")
    if errors:
        raise ValidationError(errors)


def _checked_upload(upload, field):
    """(content type, safe name) of an upload whose bytes are an allowed kind, else a
    ValidationError on `field` (an extension alone is not trusted)."""
    try:
        return validate_upload(upload)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


@transaction.atomic
def create_disclosure(
    *,
    organization,
    actor,
    title,
    requirement,
    decided_on,
    channels,
    content="",
    kind=DisclosureKind.DISCLOSURE,
    special_case=False,
    posted_from=None,
    posted_to=None,
    item_count=None,
    files=(),
    consultation=None,
):
    """A draft disclosure; `publish_disclosure` makes it visible to the staff."""
    _validate_disclosure(
        title=title,
        requirement=requirement,
        decided_on=decided_on,
        channels=channels,
        posted_from=posted_from,
        posted_to=posted_to,
        item_count=item_count,
        kind=kind,
    )
    checked = [(upload, *_checked_upload(upload, "attachment")) for upload in files]
    disclosure = Disclosure.objects.create(
        organization=organization,
        reference=_next_reference(organization, decided_on.year),
        kind=kind,
        title=title.strip(),
        content=content,
        framework=framework_for(decided_on),
        requirement=requirement,
        decided_on=decided_on,
        special_case=special_case,
        posted_from=posted_from,
        posted_to=posted_to,
        item_count=item_count,
        consultation=consultation,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    DisclosureChannel.objects.bulk_create(
        [DisclosureChannel(disclosure=disclosure, channel=c) for c in dict.fromkeys(channels)]
    )
    for upload, content_type, name in checked:
        DisclosureAttachment.objects.create(
            disclosure=disclosure,
            file=upload,
            original_name=name[:255],
            content_type=content_type,
            size=upload.size,
        )
    record_create(disclosure, actor, verb=_("Tạo nội dung công khai"))
    return disclosure


@transaction.atomic
def publish_disclosure(disclosure, *, actor, published_on=None):
    """Publish to the staff of the organisation's subtree as they are on the publication day."""
    disclosure = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    if disclosure.status != DisclosureStatus.DRAFT:
        raise ValidationError(_("Nội dung này đã được công khai."))
    published_on = published_on or timezone.localdate()
    if published_on < disclosure.decided_on:
        raise ValidationError(
            {"published_on": _("Ngày công khai không thể trước ngày ban hành quyết định được công khai.")}
        )
    if published_on > timezone.localdate():
        raise ValidationError({"published_on": _("Ngày công khai không thể sau ngày hôm nay.")})
    before = snapshot(disclosure)
    disclosure.published_on = published_on
    disclosure.due_on = rules.disclosure_due(
        disclosure.framework, disclosure.decided_on, disclosure.special_case
    )
    if disclosure.posted_from is None and rules.posting_needed(disclosure.framework, disclosure.channel_list):
        disclosure.posted_from = published_on
    people = staff_person_ids(disclosure.organization, published_on)
    DisclosureRecipient.objects.bulk_create(
        [DisclosureRecipient(disclosure=disclosure, person_id=pid) for pid in sorted(people)]
    )
    disclosure.audience_size = len(people)
    disclosure.status = DisclosureStatus.PUBLISHED
    disclosure.save()
    record(
        disclosure,
        AuditAction.TRANSITION,
        actor,
        changes=diff(before, snapshot(disclosure)),
        verb=_("Công khai đến %(n)s người") % {"n": len(people)},
    )
    return disclosure


@transaction.atomic
def end_posting(disclosure, *, actor, posted_to):
    """Record the day the item was taken down from the notice board or intranet."""
    disclosure = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    if disclosure.status != DisclosureStatus.PUBLISHED:
        raise ValidationError(_("Chỉ ghi ngày gỡ niêm yết cho nội dung đã công khai."))
    start = disclosure.posted_from or disclosure.published_on
    if posted_to is None or posted_to < start:
        raise ValidationError({"posted_to": _("Ngày gỡ niêm yết phải từ ngày bắt đầu niêm yết trở đi.")})
    before = snapshot(disclosure)
    disclosure.posted_to = posted_to
    disclosure.save(update_fields=["posted_to"])
    record(disclosure, AuditAction.UPDATE, actor, changes=diff(before, snapshot(disclosure)))
    return disclosure


@transaction.atomic
def acknowledge(disclosure, *, actor, person=None, at=None):
    """The person confirms having read the disclosure. Only people of its audience can."""
    person = person or person_for(actor)
    recipient = (
        DisclosureRecipient.objects.select_for_update().filter(disclosure=disclosure, person=person).first()
        if person
        else None
    )
    if recipient is None or disclosure.status != DisclosureStatus.PUBLISHED:
        raise ValidationError(_("Nội dung này không được công khai đến bạn."))
    if recipient.acknowledged_at:
        return recipient
    recipient.acknowledged_at = at or timezone.now()
    recipient.save(update_fields=["acknowledged_at"])
    record(
        disclosure,
        AuditAction.OTHER,
        actor,
        verb=_("%(person)s xác nhận đã đọc") % {"person": person.full_name},
    )
    return recipient


@transaction.atomic
def remind_unread(disclosure, *, actor):
    """Remind everyone who has not read yet: in danchu (home page) and by e-mail where known."""
    if disclosure.status != DisclosureStatus.PUBLISHED:
        raise ValidationError(_("Chỉ nhắc đọc nội dung đã công khai."))
    now = timezone.now()
    unread = list(
        DisclosureRecipient.objects.filter(
            disclosure=disclosure, acknowledged_at__isnull=True
        ).select_related("person__user")
    )
    if not unread:
        raise ValidationError(_("Tất cả mọi người đã xác nhận đọc; không cần nhắc."))
    DisclosureRecipient.objects.filter(pk__in=[r.pk for r in unread]).update(
        reminders=F("reminders") + 1, last_reminded_at=now
    )
    emails = sorted(
        {
            r.person.email or (r.person.user.email if r.person.user_id else "")
            for r in unread
            if r.person.email or (r.person.user_id and r.person.user.email)
        }
    )
    notify(
        DISCLOSURE_UNREAD,
        [
            (
                r.person.user if r.person.user_id else None,
                r.person.email or (r.person.user.email if r.person.user_id else ""),
            )
            for r in unread
        ],
        params={
            "org": disclosure.organization.name,
            "title": disclosure.title,
            "day": disclosure.published_on.strftime("%d/%m/%Y"),
        },
        target=disclosure,
        organization=disclosure.organization,
        actor=actor,
        url=reverse("participation:disclosure", args=[disclosure.uuid]),
    )
    record(
        disclosure,
        AuditAction.OTHER,
        actor,
        verb=_("Nhắc %(n)s người chưa đọc (%(e)s thư điện tử)") % {"n": len(unread), "e": len(emails)},
    )
    return len(unread), len(emails)


# --- consultations -----------------------------------------------------------------------------


@transaction.atomic
def create_consultation(
    *, organization, actor, title, opens_on, closes_on, description="", sections=(), topic=None
):
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Vui lòng nhập tên dự thảo.")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = _("Hạn cuối nhận ý kiến phải từ ngày bắt đầu trở đi.")
    if errors:
        raise ValidationError(errors)
    consultation = Consultation.objects.create(
        organization=organization,
        title=title.strip(),
        topic=topic,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for order, (section_title, text) in enumerate(sections, start=1):
        if section_title.strip():
            ConsultationSection.objects.create(
                consultation=consultation, order=order, title=section_title.strip(), text=text
            )
    record_create(consultation, actor, verb=_("Tạo đợt lấy ý kiến"))
    return consultation


@transaction.atomic
def add_comment(consultation, *, actor, body, section=None, person=None, today=None, at=None):
    today = today or timezone.localdate()
    person = person or person_for(actor)
    phase = consultation.phase(today)
    if phase == Phase.BEFORE:
        raise ValidationError(_("Chưa đến thời gian nhận ý kiến."))
    if phase == Phase.CLOSED:
        raise ValidationError(_("Đã hết thời gian nhận ý kiến."))
    if not is_staff_of(person, consultation.organization, today):
        raise ValidationError(_("Bạn không thuộc đối tượng được lấy ý kiến."))
    if not (body or "").strip():
        raise ValidationError({"body": _("Vui lòng nhập ý kiến.")})
    if section is not None and section.consultation_id != consultation.pk:
        raise ValidationError({"section": _("Phần được góp ý không thuộc dự thảo này.")})
    comment = Comment.objects.create(
        consultation=consultation,
        section=section,
        person=person,
        body=body.strip(),
        created_at=at or timezone.now(),
    )
    record_create(comment, actor, verb=_("Góp ý dự thảo"), organization=consultation.organization)
    return comment


def consultation_result_requirement(framework):
    """The category "summary of staff opinions and how they were taken up" of `framework`."""
    from danchu.legal.models import Requirement

    return Requirement.objects.get(
        framework=framework, area="disclosure", code=rules.CONSULTATION_RESULT_CODE[framework]
    )


@transaction.atomic
def publish_consultation_summary(
    consultation, *, actor, summary, uptake, channels=(Channel.INTRANET,), published_on=None, today=None
):
    """After closing, the organiser publishes what staff said and how it was taken up; the
    summary is itself a disclosure (Law 2022 Art. 46(10); ND 04/2015 Art. 7(8))."""
    today = today or timezone.localdate()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.phase(today) != Phase.CLOSED:
        raise ValidationError(_("Chỉ công bố kết quả sau khi đã hết thời gian nhận ý kiến."))
    if Disclosure.objects.filter(consultation=consultation).exists():
        raise ValidationError(_("Kết quả lấy ý kiến đã được công bố."))
    errors = {}
    if not (summary or "").strip():
        errors["summary"] = _("Vui lòng nhập tổng hợp ý kiến.")
    if not (uptake or "").strip():
        errors["uptake"] = _("Vui lòng nêu việc tiếp thu, giải trình.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(consultation)
    consultation.summary, consultation.uptake = summary.strip(), uptake.strip()
    consultation.save(update_fields=["summary", "uptake"])
    record(consultation, AuditAction.UPDATE, actor, changes=diff(before, snapshot(consultation)))
    decided_on = published_on or today
    n = consultation.comments.count()
    disclosure = create_disclosure(
        organization=consultation.organization,
        actor=actor,
        title=_("Kết quả lấy ý kiến: %(title)s") % {"title": consultation.title},
        content=_(
            "Đã nhận %(n)s ý kiến.\n\nTổng hợp ý kiến:\n%(summary)s\n\nViệc tiếp thu, giải trình:\n%(uptake)s"
        )
        % {"n": n, "summary": consultation.summary, "uptake": consultation.uptake},
        requirement=consultation_result_requirement(framework_for(decided_on)),
        decided_on=decided_on,
        channels=list(channels),
        consultation=consultation,
    )
    return publish_disclosure(disclosure, actor=actor, published_on=published_on or decided_on)


# --- votes -------------------------------------------------------------------------------------

YES_NO_LABELS = ("Tán thành", "Không tán thành", "Không biểu quyết")


@transaction.atomic
def create_vote(*, organization, actor, title, kind, secret, opens_on, closes_on, description="", options=()):
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Vui lòng nhập nội dung biểu quyết.")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
    labels = list(YES_NO_LABELS) if kind == VoteKind.YES_NO else [o.strip() for o in options if o.strip()]
    if kind == VoteKind.OPTIONS and len(labels) < 2:
        errors["options"] = _("Vui lòng nhập ít nhất hai phương án, mỗi dòng một phương án.")
    if len(set(labels)) != len(labels):
        errors["options"] = _("Các phương án không được trùng nhau.")
    if errors:
        raise ValidationError(errors)
    vote = Vote.objects.create(
        organization=organization,
        title=title.strip(),
        description=description,
        kind=kind,
        secret=secret,
        opens_on=opens_on,
        closes_on=closes_on,
        electorate_size=len(staff_person_ids(organization, opens_on)),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    VoteOption.objects.bulk_create(
        [VoteOption(vote=vote, order=i, label=label) for i, label in enumerate(labels, start=1)]
    )
    record_create(vote, actor, verb=_("Tạo biểu quyết"))
    return vote


def cast_vote(vote, *, actor, option, person=None, today=None):
    """One person, one vote. For a secret vote the roll and its audit row say who voted, in one
    transaction; the choice is sealed into a `SealedBallot` in a second transaction, so no
    transaction id, count or time links the two (see `Vote` and participation/ballots.py).
    Call it outside any transaction of your own, or both land in one."""
    today = today or timezone.localdate()
    person = person or person_for(actor)
    phase = vote.phase(today)
    if phase == Phase.BEFORE:
        raise ValidationError(_("Chưa đến thời gian biểu quyết."))
    if phase == Phase.CLOSED:
        raise ValidationError(_("Đã hết thời gian biểu quyết."))
    if not is_staff_of(person, vote.organization, today):
        raise ValidationError(_("Bạn không có quyền biểu quyết nội dung này."))
    if option is None or option.vote_id != vote.pk:
        raise ValidationError({"option": _("Vui lòng chọn một phương án.")})
    already = _("Bạn đã biểu quyết nội dung này.")
    if VoterRoll.objects.filter(vote=vote, person=person).exists():
        raise ValidationError(already)
    try:
        with transaction.atomic():
            roll = VoterRoll.objects.create(vote=vote, person=person)
            if vote.secret:
                # The trail says who voted, never what: no option, no id of anything option-related.
                record(vote, AuditAction.OTHER, actor, verb=_("Đã bỏ phiếu kín"))
            else:
                VoteOption.objects.filter(pk=option.pk).update(tally=F("tally") + 1)
                NamedBallot.objects.create(vote=vote, person=person, option=option)
                record(
                    vote,
                    AuditAction.OTHER,
                    actor,
                    verb=_("Biểu quyết công khai: %(option)s") % {"option": option.label},
                )
    except IntegrityError:
        raise ValidationError(already) from None
    if vote.secret:
        with transaction.atomic():  # its own transaction: its xmin is not the roll's
            SealedBallot.objects.create(vote=vote, sealed=ballots.seal(vote, option))
    return roll


def vote_results(vote, today=None):
    """The result once the vote is closed; withheld for a secret vote with too few voters.
    `turnout` counts the named roll and the ballots cast with one-time codes (`code_ballots`),
    whose voters no table names."""
    today = today or timezone.localdate()
    options = list(vote.options.all())
    code_ballots = vote.codes.filter(used=True).count()
    turnout = vote.roll.count() + code_ballots
    result = {
        "turnout": turnout,
        "electorate": vote.electorate_size,
        "code_ballots": code_ballots,
        "withheld": None,
        "options": [],
    }
    if vote.phase(today) != Phase.CLOSED:
        result["withheld"] = _("Kết quả được công bố sau khi kết thúc biểu quyết.")
        return result
    if vote.secret and turnout < rules.MIN_RESULT_GROUP:
        result["withheld"] = _(
            "Không công bố kết quả chi tiết: dưới %(n)s người biểu quyết, kết quả có thể làm lộ lựa chọn của từng người."
        ) % {"n": f"{rules.MIN_RESULT_GROUP:02d}"}
        return result
    sealed = ballots.count(vote) if vote.secret else {}
    for o in options:
        # `tally` holds the named votes, and the secret ones counted before sealed ballots existed.
        n = o.tally + sealed.get(o.pk, 0)
        result["options"].append(
            {"label": o.label, "tally": n, "pct": round(100 * n / turnout, 1) if turnout else 0}
        )
    return result


# --- one-time voting codes (a room without devices) ---------------------------------------------


def normalize_code(raw):
    """What the voter typed, as stored: upper case, no spaces or dashes, and the letters that are
    easily mistaken for digits read as those digits (Crockford's base32)."""
    text = "".join(ch for ch in (raw or "").upper() if not ch.isspace() and ch != "-")
    return text.translate(str.maketrans("ILO", "110"))


def code_digest(vote, code):
    """The only trace of a code in the database. The vote's uuid salts it, so the same code in
    two votes has two digests; 80 random bits make it impossible to recover by trying."""
    return hashlib.sha256(f"{vote.uuid}:{normalize_code(code)}".encode()).hexdigest()


def format_code(code):
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _new_code():
    return "".join(secrets.choice(rules.CODE_ALPHABET) for _ in range(rules.CODE_LENGTH))


def codes_available(vote):
    """How many more codes may be printed: the electorate less those who voted online and the
    codes already printed (used or not)."""
    return max(0, vote.electorate_size - vote.roll.count() - vote.codes.count())


@transaction.atomic
def generate_voting_codes(vote, *, actor, count, today=None):
    """Print `count` one-time codes for a secret vote. Returns the plain codes, formatted for the
    printed sheet; they are never stored (only their digests) and cannot be shown again."""
    today = today or timezone.localdate()
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    if not vote.secret:
        raise ValidationError(_("Mã bỏ phiếu chỉ dùng cho biểu quyết kín."))
    if vote.phase(today) == Phase.CLOSED:
        raise ValidationError(_("Đã hết thời gian biểu quyết."))
    if count is None or count < 1:
        raise ValidationError({"count": _("Vui lòng nhập số mã cần in (ít nhất 01).")})
    if count > rules.CODE_MAX_BATCH:
        raise ValidationError(
            {"count": _("Mỗi lần in tối đa %(n)s mã.") % {"n": f"{rules.CODE_MAX_BATCH:,}".replace(",", ".")}}
        )
    room = codes_available(vote)
    if count > room:
        raise ValidationError(
            {
                "count": _(
                    "Chỉ còn in được %(room)s mã: %(e)s người có quyền biểu quyết, %(online)s người đã "
                    "biểu quyết trực tuyến, %(printed)s mã đã in."
                )
                % {
                    "room": room,
                    "e": vote.electorate_size,
                    "online": vote.roll.count(),
                    "printed": vote.codes.count(),
                }
            }
        )
    plain = set()
    while len(plain) < count:
        plain.add(_new_code())
    plain = sorted(plain)  # sorted, not in creation order: the sheet says nothing about the rows
    VotingCode.objects.bulk_create([VotingCode(vote=vote, digest=code_digest(vote, c)) for c in plain])
    record(
        vote,
        AuditAction.OTHER,
        actor,
        verb=_("In %(n)s mã bỏ phiếu dùng một lần") % {"n": count},
    )
    return [format_code(c) for c in plain]


@transaction.atomic
def void_unused_codes(vote, *, actor):
    """Cancel every code not used yet (a lost or spoilt sheet); the ballots already cast stay."""
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    n, _detail = vote.codes.filter(used=False).delete()
    if not n:
        raise ValidationError(_("Không có mã nào chưa sử dụng."))
    record(vote, AuditAction.OTHER, actor, verb=_("Hủy %(n)s mã bỏ phiếu chưa sử dụng") % {"n": n})
    return n


class _BadCode(Exception):
    pass


def _failure_key(vote, actor):
    who = actor.pk if getattr(actor, "is_authenticated", False) else "anon"
    return f"{vote.pk}:{who}"


def code_lookups_blocked(vote, actor):
    # Counted in the database (danchu.core.throttle): every worker sees the same count.
    return throttle.count("vote-code-failures", _failure_key(vote, actor), rules.CODE_FAILURE_WINDOW) >= (
        rules.CODE_FAILURE_LIMIT
    )


def cast_code_ballot(vote, *, actor, code, option, today=None):
    """A secret ballot cast at the kiosk with a one-time code: the code is marked used and the
    option's count goes up by one; nothing records which code chose what, nor who held it.
    Wrong or used codes are counted per vote and kiosk account and, past the limit, look-ups are
    refused for the rest of the window, so codes cannot be found by trying."""
    if code_lookups_blocked(vote, actor):
        raise ValidationError(
            _("Đã nhập sai mã quá nhiều lần. Vui lòng chờ %(m)s phút rồi thử lại.")
            % {"m": rules.CODE_FAILURE_WINDOW // 60}
        )
    try:
        return _cast_code_ballot(vote, actor=actor, code=code, option=option, today=today)
    except _BadCode:
        throttle.hit("vote-code-failures", _failure_key(vote, actor), rules.CODE_FAILURE_WINDOW)
        raise ValidationError({"code": _("Mã không đúng hoặc đã được sử dụng.")}) from None


@transaction.atomic
def _cast_code_ballot(vote, *, actor, code, option, today=None):
    today = today or timezone.localdate()
    vote = Vote.objects.select_for_update().get(pk=vote.pk)
    if not vote.secret:
        raise ValidationError(_("Mã bỏ phiếu chỉ dùng cho biểu quyết kín."))
    phase = vote.phase(today)
    if phase == Phase.BEFORE:
        raise ValidationError(_("Chưa đến thời gian biểu quyết."))
    if phase == Phase.CLOSED:
        raise ValidationError(_("Đã hết thời gian biểu quyết."))
    normalized = normalize_code(code)
    if not normalized:
        raise ValidationError({"code": _("Vui lòng nhập mã bỏ phiếu.")})
    if option is None or option.vote_id != vote.pk:
        raise ValidationError({"option": _("Vui lòng chọn một phương án.")})
    if len(normalized) != rules.CODE_LENGTH or set(normalized) - set(rules.CODE_ALPHABET):
        raise _BadCode
    used = VotingCode.objects.filter(vote=vote, digest=code_digest(vote, normalized), used=False).update(
        used=True
    )
    if used != 1:
        raise _BadCode
    if vote.roll.count() + vote.codes.filter(used=True).count() > vote.electorate_size:
        raise ValidationError(
            _(
                "Số phiếu đã bằng số người có quyền biểu quyết; không nhận thêm phiếu. Vui lòng báo người tổ chức."
            )
        )
    SealedBallot.objects.create(vote=vote, sealed=ballots.seal(vote, option))
    # The trail says a code ballot was cast, never which code nor which option.
    record(vote, AuditAction.OTHER, actor, verb=_("Phiếu kín bằng mã dùng một lần"))


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


@transaction.atomic
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


@transaction.atomic
def set_delegates(conference, *, actor, person_ids):
    """With 100 staff or more, only the delegates chosen by the head and the union among the
    electorate are summoned; the quorum (2/3) is then counted over the delegates."""
    conference = StaffConference.objects.select_for_update().get(pk=conference.pk)
    if not conference.by_delegates:
        raise ValidationError(_("Cơ quan dưới 100 người: toàn thể cán bộ, công chức, viên chức dự hội nghị."))
    if conference.status != ConferenceStatus.PLANNED:
        raise ValidationError(_("Chỉ chọn đại biểu trước khi khai mạc."))
    ids = {int(pid) for pid in person_ids}
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


@transaction.atomic
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


@transaction.atomic
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


@transaction.atomic
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


@transaction.atomic
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
            member, actor, verb=_("Bầu Ban Thanh tra nhân dân"), organization=conference.organization
        )
        created.append(member)
    return created


@transaction.atomic
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


@transaction.atomic
def record_follow_up(follow_up, *, actor, done_on, result):
    if not (result or "").strip():
        raise ValidationError({"result": _("Vui lòng nhập kết quả sơ kết việc thực hiện nghị quyết.")})
    if done_on is None:
        raise ValidationError({"done_on": _("Vui lòng nhập ngày sơ kết.")})
    before = snapshot(follow_up)
    follow_up.done_on, follow_up.result = done_on, result.strip()
    follow_up.save()
    record(
        follow_up,
        AuditAction.UPDATE,
        actor,
        changes=diff(before, snapshot(follow_up)),
        organization=follow_up.conference.organization,
    )
    return follow_up


# --- recommendations -----------------------------------------------------------------------------


@transaction.atomic
def send_recommendation(
    *,
    organization,
    actor,
    addressee,
    subject,
    body,
    anonymous=False,
    from_board=False,
    received_on=None,
    person=None,
):
    """`person` is the sender when the clerk registers a recommendation received on paper."""
    from danchu.legal.calendar import add_calendar_days

    received_on = received_on or timezone.localdate()
    person = person or person_for(actor)
    if not is_staff_of(person, organization, received_on):
        raise ValidationError(_("Chỉ cán bộ, công chức, viên chức của cơ quan gửi kiến nghị tại đây."))
    errors = {}
    if not (subject or "").strip():
        errors["subject"] = _("Vui lòng nhập tiêu đề.")
    if not (body or "").strip():
        errors["body"] = _("Vui lòng nhập nội dung kiến nghị.")
    if from_board:
        if not is_board_member(person, organization, received_on):
            errors["from_board"] = _("Chỉ thành viên Ban Thanh tra nhân dân gửi kiến nghị nhân danh Ban.")
        if anonymous:
            errors["anonymous"] = _("Kiến nghị của Ban Thanh tra nhân dân không gửi ẩn danh.")
        addressee = "head"
    if errors:
        raise ValidationError(errors)
    recommendation = Recommendation.objects.create(
        organization=organization,
        addressee=addressee,
        from_board=from_board,
        subject=subject.strip(),
        body=body.strip(),
        author=None if anonymous else actor,
        tracking_code=secrets.token_hex(5).upper(),
        received_on=received_on,
        due_on=add_calendar_days(received_on, rules.BOARD_ANSWER_DAYS) if from_board else None,
    )
    # An anonymous sender is not named in the trail either.
    record_create(
        recommendation, None if anonymous else actor, verb=_("Gửi kiến nghị"), secret_fields=("author",)
    )
    return recommendation


def may_answer(user, recommendation):
    from danchu.orgs import access

    if recommendation.addressee == "board":
        return is_board_member(person_for(user), recommendation.organization)
    return access.can(user, "participation.answer", recommendation.organization)


@transaction.atomic
def answer_recommendation(recommendation, *, actor, answer, answered_on=None):
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if not may_answer(actor, recommendation):
        raise ValidationError(_("Bạn không có thẩm quyền trả lời kiến nghị này."))
    if recommendation.answered_on:
        raise ValidationError(_("Kiến nghị đã được trả lời."))
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Vui lòng nhập nội dung trả lời.")})
    answered_on = answered_on or timezone.localdate()
    if answered_on < recommendation.received_on:
        raise ValidationError({"answered_on": _("Ngày trả lời không thể trước ngày nhận kiến nghị.")})
    before = snapshot(recommendation)
    recommendation.answer, recommendation.answered_on = answer.strip(), answered_on
    recommendation.answered_by = actor
    recommendation.save()
    record(
        recommendation,
        AuditAction.UPDATE,
        actor,
        changes=diff(before, snapshot(recommendation)),
        verb=_("Trả lời kiến nghị"),
        secret_fields=("author",),
    )
    return recommendation
