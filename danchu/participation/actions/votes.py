"""Votes, ballots and one-time voting codes."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record, record_create
from danchu.core import throttle, transactions

from .. import ballots, rules
from ..models import (
    NamedBallot,
    Phase,
    SealedBallot,
    Vote,
    VoteKind,
    VoteOption,
    VoterRoll,
    VotingCode,
)
from .shared import is_staff_of, person_for, staff_person_ids

# --- votes -------------------------------------------------------------------------------------

YES_NO_LABELS = ("Tán thành", "Không tán thành", "Không biểu quyết")


@transactions.action()
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
    Both are durable actions (core/transactions.py): a caller's transaction around them is refused,
    since both would land in it; only a batch (the demo, a test) puts them in one."""
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
        with transactions.action():
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
        with transactions.action():  # its own transaction: its xmin is not the roll's
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


@transactions.action()
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


@transactions.action()
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


@transactions.action()
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
