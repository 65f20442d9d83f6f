"""The statutory rules of participation that depend on the framework (LEGAL.md §2, §4).

Every figure here is looked up by the framework of the date it applies to, never hard-wired.
"""

import datetime
import functools
import math
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from danchu.core.vnformat import short_date
from danchu.legal.frameworks import Framework

from .models import ONLINE_CHANNELS, Channel

# Working days to disclose after the decision: (normal, special case).
DISCLOSE_WITHIN = {Framework.ND04_2015: (3, 5), Framework.LAW_2022: (5, 5)}
# The catalog item "summary of staff opinions and how they were taken up" (ND 04 Art. 7(8),
# Law Art. 46(10)), by framework.
CONSULTATION_RESULT_CODE = {Framework.ND04_2015: "8", Framework.LAW_2022: "10"}
# Consecutive days an item stays posted.
MIN_POSTING_DAYS = {Framework.ND04_2015: 30, Framework.LAW_2022: 20}
BASIS = {
    Framework.ND04_2015: "Nghị định 04/2015/NĐ-CP",
    Framework.LAW_2022: "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 47, 48",
}
# Posting days are counted as the Civil Code counts periods (Bộ luật Dân sự 2015, Art. 147): the
# day the item was put up is not counted; a period of 20 days posted on 05/03 ends on 25/03.
#
# Which posting applies (checked against the text of the pháp điển, đề mục "Thực hiện dân chủ ở cơ
# sở", Điều 44.13.LQ.48 = Luật 10/2022/QH15 Art. 48, and the ND 04/2015 Art. 8(2) quoted by
# thuvienphapluat.vn):
# - ND 04/2015 Art. 8(2): a document posted at the agency's seat stays up at least 30 consecutive
#   days; no other channel carries a posting period.
# - Law Art. 48(1): an agency that has an internal website or electronic system posts every Art. 46
#   item there for at least 20 consecutive days; no other channel (a written notice, a conference)
#   replaces it.
# - Law Art. 48(2): an agency without one posts it at its seat for at least 20 consecutive days,
#   unless it sent a written notice to all its staff.
# - Law Art. 48(3): other forms of Art. 47(1) (a conference, sub-unit heads, the union) only add to
#   these; a disclosure made only at a conference has not met Art. 48(1) or (2).
POSTING_BASIS = {
    Framework.ND04_2015: "Nghị định 04/2015/NĐ-CP, Điều 8 khoản 2",
    Framework.LAW_2022: "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 48",
}

# The annual conference, the people's inspection board and the head's answers (LEGAL.md §4).
CONFERENCE_DEADLINE_MONTHS = 3
QUORUM_FRACTION = (2, 3)
NO_CONFERENCE_MAX_STAFF = 7
DELEGATES_FROM_STAFF = 100
# People's inspection board in an agency (Luật Thực hiện dân chủ ở cơ sở 2022, Art. 60(1), confirmed
# from qcdc.bacgiang.gov.vn; Nghị định 59/2023 refers to it): 03–09 members; an agency of a special
# nature or operating in dispersed places may have more, decided by the staff conference; none
# in an agency of 07 staff or fewer (counted over all its staff, not over those summoned).
BOARD_MIN, BOARD_MAX = 3, 9
NO_BOARD_MAX_STAFF = 7
BOARD_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 60 khoản 1"
# Nghị định 59/2023/NĐ-CP Art. 21(2)–(3) (pháp điển 44.13.NĐ.1.21): the larger board is proposed by
# the union executive after agreeing with the head and decided by the conference; a board of 09 or
# more has at most 02 deputies.
BOARD_MAX_DEPUTIES_FROM_NINE = 2
BOARD_DEPUTIES_BASIS = "Nghị định 59/2023/NĐ-CP, Điều 21 khoản 3"
BOARD_TERM_YEARS = 2
BOARD_ANSWER_DAYS = 15
# A secret vote's result is withheld below this many voters: it would reveal individual votes.
MIN_RESULT_GROUP = 5


def disclose_within(framework, special_case=False):
    normal, special = DISCLOSE_WITHIN[framework]
    return special if special_case else normal


def disclosure_due(framework, decided_on, special_case=False):
    from danchu.legal.calendar import add_working_days

    return add_working_days(decided_on, disclose_within(framework, special_case))


@dataclass
class Timing:
    late: bool = False
    late_days: int = 0
    posting_short: bool = False
    posting_missing: bool = False
    posting_days: int | None = None
    posting_required: int | None = None
    messages: list = field(default_factory=list)

    @property
    def ok(self):
        return not (self.late or self.posting_short or self.posting_missing)


@dataclass(frozen=True)
class PostingRule:
    """The posting the law requires of one disclosure: `required` when a minimum posting period
    applies; `place` where (`online`: the internal website or system, `seat`: the notice board at
    the agency's seat); `missing` when it is required and the disclosure was not put there."""

    required: bool
    place: str = ""
    missing: bool = False
    days: int | None = None
    basis: str = ""


def posting_rule(framework, channels, has_internal_site=False):
    return _posting_rule(framework, frozenset(channels), bool(has_internal_site))


@functools.lru_cache(maxsize=256)
def _posting_rule(framework, channels, has_internal_site):
    """posting_rule() over its small domain (two frameworks, a few channels, the internal-site
    flag): worked out once per combination, as a list applies it to every row of its page."""
    days, basis = MIN_POSTING_DAYS[framework], POSTING_BASIS[framework]
    if framework == Framework.ND04_2015:
        if Channel.NOTICE_BOARD in channels:
            return PostingRule(True, "seat", False, days, basis)
        return PostingRule(False, basis=basis)
    # Published on its internal system, the agency had one, whatever its setting says (a setting
    # not ticked would otherwise ask an agency posting online to post at its seat as well).
    if has_internal_site or Channel.INTRANET in channels:
        return PostingRule(True, "online", not (channels & ONLINE_CHANNELS), days, basis)
    if Channel.NOTICE_BOARD not in channels and Channel.WRITTEN in channels:
        return PostingRule(False, basis=basis)  # Art. 48(2): a written notice to all staff
    return PostingRule(True, "seat", Channel.NOTICE_BOARD not in channels, days, basis)


def posting_needed(framework, channels, has_internal_site=False):
    """Whether a minimum posting period applies to a disclosure made through `channels` and the
    disclosure was put where it applies (the start of its posting is then the publication day)."""
    rule = posting_rule(framework, channels, has_internal_site)
    return rule.required and not rule.missing


def has_internal_site(disclosure):
    """Whether the agency had an internal website or system when `disclosure` was published: as
    recorded then, else the agency's present setting. Works on a disclosure or a values() row
    carrying `internal_site` and `organization__has_internal_site`."""
    recorded = getattr(disclosure, "internal_site", None)
    if recorded is not None:
        return recorded
    if hasattr(disclosure, "organization__has_internal_site"):
        return bool(disclosure.organization__has_internal_site)
    organization = getattr(disclosure, "organization", None)
    return bool(organization and organization.has_internal_site)


def posting_days(start, end):
    """Days an item posted on `start` has stayed up on `end`: the start day is not counted
    (Bộ luật Dân sự 2015, Art. 147)."""
    return max(0, (end - start).days)


@functools.lru_cache(maxsize=16)
def _timing_texts(language):
    """disclosure_timing's messages in `language`: translated once per process and language, not
    for every disclosure of a list (the catalog does not change while the process runs)."""
    del language  # the key: translated in the active language
    return {
        "late": _(
            "Công khai chậm: hạn %(due)s (%(n)s ngày làm việc kể từ ngày %(decided)s), công khai ngày %(on)s."
        ),
        "online": _(
            "Chưa đăng tải trên trang, hệ thống thông tin điện tử nội bộ: cơ quan có hệ thống này phải "
            "đăng tải ít nhất %(req)s ngày liên tục, thông báo bằng văn bản hay tại hội nghị không thay "
            "thế (%(basis)s khoản 1)."
        ),
        "seat": _(
            "Chưa niêm yết tại trụ sở: cơ quan chưa có hệ thống thông tin nội bộ phải niêm yết ít nhất "
            "%(req)s ngày liên tục, trừ khi đã thông báo bằng văn bản đến toàn thể cán bộ (%(basis)s "
            "khoản 2)."
        ),
        "short": _("Thời gian niêm yết %(days)s ngày, ít hơn %(req)s ngày liên tục theo quy định."),
    }


def disclosure_timing(disclosure, today=None, channels=None, language=None):
    """Violations of the statutory timing of one disclosure, from its stored fields only
    (the deadline in working days is computed and stored when it is published). A list passes
    `today` and `language` once for all its rows."""
    today = today or timezone.localdate()
    texts = _timing_texts(language or get_language())
    t = Timing()
    if disclosure.published_on and disclosure.due_on and disclosure.published_on > disclosure.due_on:
        t.late = True
        t.late_days = (disclosure.published_on - disclosure.due_on).days
        t.messages.append(
            texts["late"]
            % {
                "due": short_date(disclosure.due_on),
                "n": f"{disclose_within(disclosure.framework, disclosure.special_case):02d}",
                "decided": short_date(disclosure.decided_on),
                "on": short_date(disclosure.published_on),
            }
        )
    if channels is None:
        channels = disclosure.channel_list
    rule = posting_rule(disclosure.framework, channels, has_internal_site(disclosure))
    if disclosure.published_on and rule.required and rule.missing:
        t.posting_missing = True
        t.posting_required = rule.days
        message = texts["online" if rule.place == "online" else "seat"]
        t.messages.append(message % {"req": rule.days, "basis": rule.basis})
    elif disclosure.published_on and rule.required:
        required = rule.days
        t.posting_required = required
        start = disclosure.posted_from or disclosure.published_on
        if disclosure.posted_to:
            t.posting_days = posting_days(start, disclosure.posted_to)
            if t.posting_days < required:
                t.posting_short = True
                t.messages.append(texts["short"] % {"days": t.posting_days, "req": required})
        else:
            t.posting_days = posting_days(start, today)
    return t


def conference_deadline(year):
    """An annual conference reviews `year` and is held no later than 3 months into the next."""
    return datetime.date(year + 1, CONFERENCE_DEADLINE_MONTHS, 31)


def quorum_needed(summoned):
    num, den = QUORUM_FRACTION
    return math.ceil(summoned * num / den)


def resolution_passes(votes_for, present):
    """More than 50% of those present."""
    return votes_for * 2 > present


# One-time voting codes (a room without devices): 16 characters of Crockford's base32 (80 random
# bits), printed in groups of four; a kiosk account may mistype CODE_FAILURE_LIMIT codes per
# CODE_FAILURE_WINDOW seconds before code look-ups for that vote are refused for the rest of it.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16
CODE_MAX_BATCH = 1000
CODE_FAILURE_LIMIT = 10
CODE_FAILURE_WINDOW = 600
