"""Figures out of a report's sentences, each on one indicator, with its sentence and span.

A rule is anchored on the indicator's noun phrase ("số tiền xử phạt vi phạm hành chính",
"N đơn khiếu nại", "dịch vụ công trực tuyến mức độ 3, mức độ 4"), never on "the first number of
the sentence": a figure put on the wrong indicator is worse than one left for the officer to type.
Rules run most specific first and a number read once is never read again by a later rule.
Both legal eras' wording is read: "mức độ 3, 4" (Nghị định 43/2011) and "toàn trình / một phần"
(Nghị định 42/2022, definitions.DATED_LABELS).
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from django.core.exceptions import ValidationError

from danchu.core.vnformat import parse_number

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
WORD_NUMBERS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
_WORDS = "|".join(WORD_NUMBERS)


def N(name="n"):
    """A count: '15', '03', '1.234', 'hai'; never part of '238/316', a date or a reference."""
    return rf"(?<![\d.,/\w-])(?P<{name}>{DIGITS}|(?:{_WORDS})(?=\s))(?![\d/%]|,\d|\s*%|-[A-ZĐ])"


def NR(name):
    """A count that may stand before a slash: the '238' of '238/316'."""
    return rf"(?<![\d.,/\w-])(?P<{name}>{DIGITS})(?![\d%]|,\d)"


def DEN(name):
    """The count after a slash: the '316' of '238/316'."""
    return rf"(?<![\d.,\w-])(?P<{name}>{DIGITS})(?![\d/%]|,\d|\s*%)"


def PCT(name="p"):
    return rf"(?<![\d.,/\w])(?P<{name}>{DIGITS})\s*%"


def MONEY(name="m", unit_required=True):
    unit = rf"\s*(?P<{name}_u>triệu\s+đồng|nghìn\s+đồng|đồng|đ(?!\w)|VNĐ)"
    return rf"(?<![\d.,/\w])(?P<{name}>{DIGITS})" + (unit if unit_required else f"(?:{unit})?")


SEP = r"\s*(?::|là|\||=)?\s*"
W = r"\s+"
SUBJECTS = r"(?:cá\s+nhân,\s*tổ\s+chức|tổ\s+chức,\s*cá\s+nhân|đơn\s+vị,\s*cá\s+nhân|đơn\s+vị|cơ\s+sở|tổ\s+chức|cá\s+nhân|trường\s+hợp)"
STAFF = r"(?:cán\s+bộ|công\s+chức|viên\s+chức|CBCCVC|CCVC|CBCC|đảng\s+viên|giáo\s+viên|người\s+lao\s+động|nhà\s+giáo)"
PARTY = re.compile(r"đảng\s+ủy|\bUBKT\b|ủy\s+ban\s+kiểm\s+tra|chi\s+bộ|cấp\s+ủy", re.I)


@dataclasses.dataclass
class Figure:
    indicator: str
    value: int | float
    text: str  # the sentence the value was read from
    span: tuple[int, int]  # the sentence's span in the extracted text
    value_span: tuple[int, int]  # the number's span
    partial: bool = False  # one part of the indicator (one campaign, one fund): the parts add up

    def as_dict(self):
        return {
            "indicator": self.indicator,
            "value": self.value,
            "text": self.text,
            "span": list(self.span),
            "value_span": list(self.value_span),
            "partial": self.partial,
        }


def to_number(raw):
    """'41.250.000' -> 41250000, '12,5' -> 12.5, '04' -> 4, 'hai' -> 2; None if unreadable."""
    raw = raw.strip()
    if raw.lower() in WORD_NUMBERS:
        return WORD_NUMBERS[raw.lower()]
    try:
        value = parse_number(raw)
    except ValidationError:
        return None
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


# --- Sentences --------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?…](?=\s+[\"“(\-–•+]?\s*[A-ZĐÀ-ỸẠ-Ỹ0-9])")


def sentences(text):
    """(start, end) of each sentence: a line, cut after '. ' before a capital letter."""
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        cut = start
        for match in _BOUNDARY.finditer(line):
            stop = start + match.end()
            if text[cut:stop].strip():
                yield _trim(text, cut, stop)
            cut = stop
        if text[cut:end].strip():
            yield _trim(text, cut, end)


def _trim(text, start, end):
    while start < end and text[start] in " \t-–•+|":
        start += 1
    while end > start and text[end - 1] in " \t|":
        end -= 1
    return start, end


# --- Simple rules -----------------------------------------------------------------------------


@dataclasses.dataclass
class Rule:
    pattern: str
    groups: dict  # group name -> indicator code
    context: str | None = None  # the sentence must contain this
    exclude: str | None = None  # ... and must not contain this
    partial: bool = False
    zero: str | None = None  # indicator set to 0 by the whole match ("không có trường hợp ...")

    def __post_init__(self):
        self.regex = re.compile(self.pattern, re.I)
        self.context_re = re.compile(self.context, re.I) if self.context else None
        self.exclude_re = re.compile(self.exclude, re.I) if self.exclude else None


def R(pattern, partial=False, context=None, exclude=None, **groups):
    return Rule(pattern, groups, context=context, exclude=exclude, partial=partial)


RECEPTION = (
    r"(?:(?<!\w)tiếp(?!\s+(?:nhận|tục|theo|thu|cận|xúc|tế|giáp))\b[^.]*lượt|tiếp\s+công\s+dân|tiếp\s+dân)"
)
CONFERENCE = (
    r"hội\s+nghị\s+(?:cán\s+bộ|công\s+chức|viên\s+chức|người\s+lao\s+động|CBCCVC|CCVC|đại\s+biểu\s+cán\s+bộ)"
)
PETITION = r"khiếu\s+nại|tố\s+cáo"
ONLINE = r"dịch\s+vụ\s+công"

RULES = [
    # Inspections and sanctions (oversight).
    R(r"số\s+tiền\s+(?:xử\s+)?phạt(?:\s+vi\s+phạm\s+hành\s+chính)?(?:\s+(?:được\s+)?(?:thu|nộp)[^:\d]{0,30})?(?:\s*\(đồng\))?" + SEP + MONEY("m", False), m="fines_vnd"),
    R(r"(?:xử\s+)?phạt\s+(?:vi\s+phạm\s+hành\s+chính|tiền)[^.;:]{0,80}?(?:với\s+)?(?:tổng\s+)?số\s+tiền(?:\s+là)?" + SEP + MONEY(), m="fines_vnd"),
    R(r"số\s+quyết\s+định\s+xử\s+phạt(?:\s+vi\s+phạm\s+hành\s+chính)?(?:\s+(?:được\s+|đã\s+)?ban\s+hành)?" + SEP + N(), n="sanction_decisions"),
    R(r"ban\s+hành\s+" + N() + r"\s+quyết\s+định\s+xử\s+phạt", n="sanction_decisions"),
    R(r"số\s+" + SUBJECTS + r"\s+(?:đã\s+)?được\s+(?:thanh\s+tra,\s*)?kiểm\s+tra" + SEP + N(), n="subjects_checked"),
    R(r"số\s+" + SUBJECTS + r"\s+(?:có\s+)?vi\s+phạm" + SEP + N(), n="subjects_in_violation"),
    R(r"phát\s+hiện\s+" + N() + W + SUBJECTS + r"\s+(?:có\s+)?vi\s+phạm", n="subjects_in_violation"),
    R(r"kiến\s+nghị\s+[^.;:]{0,80}?xử\s+lý(?:\s+đối\s+với)?" + SEP + N() + W + SUBJECTS, exclude=r"\bđơn\b(?!\s+vị)", n="referrals"),
    R(r"thanh\s+tra\s+hành\s+chính\s+" + N() + r"\s+cuộc", n="administrative_inspections"),
    R(N() + r"\s+cuộc\s+thanh\s+tra\s+hành\s+chính", n="administrative_inspections"),
    R(r"thanh\s+tra,\s*kiểm\s+tra(?:\s+chuyên\s+ngành)?\s+" + N() + r"\s+cuộc(?:\s+đối\s+với\s+" + N("s") + W + SUBJECTS + ")?",
      n="inspections_total", s="inspection_subjects"),
    R(N() + r"\s+cuộc\s+thanh\s+tra,\s*kiểm\s+tra(?:\s+chuyên\s+ngành)?(?:\s+đối\s+với\s+" + N("s") + W + SUBJECTS + ")?",
      n="inspections_total", s="inspection_subjects"),
    R(r"(?:chủ\s+trì|tự\s+tổ\s+chức)\s+" + N() + r"\s+cuộc", n="inspections_led"),
    R(r"(?<!\w)phối\s+hợp\s+" + N() + r"\s+cuộc", n="inspections_joint"),
    # Party oversight: only where the sentence names the Party body.
    R(N() + r"\s+cuộc\s+kiểm\s+tra(?!\s+(?:chuyên\s+ngành|hành\s+chính))", context=PARTY.pattern, exclude=r"thanh\s+tra", n="party_inspections"),
    R(N() + r"\s+cuộc\s+giám\s+sát", context=PARTY.pattern, exclude=r"thanh\s+tra", n="party_supervisions"),
    Rule(r"không\s+có\s+trường\s+hợp\s+(?:nào\s+)?(?:phải\s+|bị\s+)?thi\s+hành\s+kỷ\s+luật(?:\s+đảng)?", {}, context=PARTY.pattern + r"|đảng\s+viên", zero="party_discipline_cases"),
    Rule(r"không\s+có\s+đơn,?\s*thư\s+khiếu\s+nại,?\s*tố\s+cáo\s+(?:nào\s+)?liên\s+quan\s+(?:đến|tới)\s+(?:cán\s+bộ,\s*)?đảng\s+viên", {}, zero="complaints_about_party_members"),
    # Communication, funds, procedures (activities).
    R(r"(?:đăng(?:\s+tải)?|đưa|phát)\s+(?:được\s+)?" + N() + r"\s+tin,?\s*bài", partial=True, n="campaign_articles"),
    R(r"tin,?\s*bài\s+(?:và|,)\s+" + N() + r"\s+văn\s+bản", partial=True, n="campaign_documents"),
    R(r"số\s+tiền\s+" + MONEY(), context=r"quỹ", exclude=r"xử\s+phạt", partial=True, m="fund_contributions_vnd"),
    R(r"(?:ủng\s+hộ|đóng\s+góp)[^.;:]{0,60}?(?:với\s+)?(?:tổng\s+)?(?:số\s+tiền)?\s*" + MONEY(), context=r"quỹ", exclude=r"xử\s+phạt", partial=True, m="fund_contributions_vnd"),
    R(r"(?:niêm\s+yết|công\s+khai)(?:\s+công\s+khai)?(?:\s+đầy\s+đủ)?\s+" + N() + r"\s+thủ\s+tục\s+hành\s+chính", n="procedures_posted"),
    R(r"\bcử\s+" + N() + r"\s+(?:công\s+chức|cán\s+bộ|CCVC|CBCC)[^.;]{0,80}?(?:trung\s+tâm\s+phục\s+vụ\s+hành\s+chính\s+công|bộ\s+phận\s+(?:một\s+cửa|tiếp\s+nhận\s+và\s+trả\s+kết\s+quả))", n="service_centre_officials"),
    # Online public services, Nghị định 43/2011 wording (levels 3 and 4) ...
    R(r"dịch\s+vụ\s+công\s+trực\s+tuyến\s+(?:ở\s+)?mức\s+độ\s+3\s*(?:,|và|,\s*và)\s*(?:mức\s+độ\s+)?4" + SEP + N(), n="online_services_l34"),
    R(N() + r"\s+dịch\s+vụ\s+công\s+trực\s+tuyến\s+(?:ở\s+)?mức\s+độ\s+3\s*(?:,|và|,\s*và)\s*(?:mức\s+độ\s+)?4", n="online_services_l34"),
    R(r"mức\s+độ\s+4" + SEP + N(), context=ONLINE, exclude=r"mức\s+độ\s+4\s*(?:,|và)\s*(?:mức\s+độ\s+)?3", n="online_services_l4"),
    R(N() + r"\s+(?:dịch\s+vụ(?:\s+công)?(?:\s+trực\s+tuyến)?\s+)?(?:ở\s+)?mức\s+độ\s+4", context=ONLINE, n="online_services_l4"),
    # ... and Nghị định 42/2022 wording (toàn trình, một phần).
    R(r"dịch\s+vụ\s+công\s+trực\s+tuyến\s*\(?\s*(?:toàn\s+trình\s+và\s+một\s+phần|một\s+phần\s+và\s+toàn\s+trình)\s*\)?" + SEP + N(), n="online_services_l34"),
    R(N() + r"\s+dịch\s+vụ\s+công\s+trực\s+tuyến\s*(?:\(|,|:)?\s*(?:trong\s+đó|gồm)", context=r"toàn\s+trình", n="online_services_l34"),
    R(r"toàn\s+trình" + SEP + N(), context=ONLINE, n="online_services_l4"),
    R(N() + r"\s+(?:dịch\s+vụ(?:\s+công)?(?:\s+trực\s+tuyến)?\s+)?toàn\s+trình", context=ONLINE, n="online_services_l4"),
    # Staffing.
    R(r"biên\s+chế\s+công\s+chức\s+(?:được\s+)?giao(?:\s+năm\s+\d{4})?" + SEP + N(), n="staff_quota_civil_servants"),
    R(r"(?:biên\s+chế\s+viên\s+chức|số\s+lượng\s+người\s+làm\s+việc)\s+(?:được\s+)?giao(?:\s+năm\s+\d{4})?" + SEP + N(), n="staff_quota_public_employees"),
    R(r"được\s+giao\s+" + N() + r"\s+biên\s+chế\s+công\s+chức", n="staff_quota_civil_servants"),
    R(r"được\s+giao\s+" + N() + r"\s+(?:biên\s+chế\s+viên\s+chức|người\s+làm\s+việc)", n="staff_quota_public_employees"),
    R(r"(?:tỷ\s+lệ|đạt)\s+(?:tỷ\s+lệ\s+)?" + PCT(), context=r"tinh\s+giản", p="staff_reduction_pct"),
    R(N() + r"\s+biên\s+chế\s+công\s+chức", context=r"tinh\s+giản", n="staff_reduced_civil_servants"),
    R(N() + r"\s+biên\s+chế\s+viên\s+chức", context=r"tinh\s+giản", n="staff_reduced_public_employees"),
    R(r"tinh\s+giản(?:\s+biên\s+chế)?(?:\s+được|\s+tổng\s+cộng)?\s+" + N() + r"\s+(?:biên\s+chế|người|trường\s+hợp)(?!\s+(?:công\s+chức|viên\s+chức))", n="staff_reduced_total"),
    # Staff conferences, dissemination, postings (participation).
    R(NR("n") + r"\s*/\s*" + DEN("d") + r"\s+(?:cơ\s+quan,?\s*đơn\s+vị|đơn\s+vị|cơ\s+quan|trường)[^.;]{0,40}?tổ\s+chức\s+" + CONFERENCE,
      n="staff_conferences_held", d="staff_conferences_required"),
    R(CONFERENCE + r"[^.;\d]{0,80}?\s" + NR("n") + r"\s*/\s*" + DEN("d") + r"(?=\s*(?:[,.;]|$)|\s+(?:cơ\s+quan|đơn\s+vị))",
      n="staff_conferences_held", d="staff_conferences_required"),
    R(CONFERENCE + r"[^.;:\d]{0,80}?/\s*tổng\s+số\s+(?:cơ\s+quan,?\s*)?đơn\s+vị\s*:\s*" + N(), n="staff_conferences_held"),
    R(r"đạt\s+(?:tỷ\s+lệ\s+)?" + PCT(), context=CONFERENCE, exclude=r"tinh\s+giản|khiếu\s+nại", p="staff_conference_rate"),
    R(r"(?:triển\s+khai|phổ\s+biến|quán\s+triệt)[^.;%\d]{0,40}?\s(?:đến|cho|tới)\s+(?:được\s+)?" + PCT() + r"\s+" + STAFF, p="dissemination_coverage_pct"),
    R(r"(?<!khoản )(?<!Khoản )" + N() + r"\s+(?:biểu\s+hiện|điều)\s(?!(?-i:[A-ZĐ\d])|chỉnh|hành|kiện|tra|động|trị|phối|tiết|lệ)", context=r"niêm\s+yết|công\s+khai", partial=True, n="items_posted"),
    # Petitions: rates (the counts are read by _petitions below).
    R(r"tỷ\s+lệ\s+giải\s+quyết\s+(?:các\s+)?(?:đơn(?:,?\s*thư)?\s+|vụ\s+việc\s+)?khiếu\s+nại,?\s*(?:và\s+)?tố\s+cáo[^:\d%]{0,60}?" + SEP + PCT(), p="complaint_resolution_rate"),
    R(r"giải\s+quyết(?:\s+(?:được|xong))?\s+" + NR("n") + r"\s*/\s*" + DEN("d") + r"\s+(?:vụ\s+việc|đơn|vụ)(?:[^.;%]{0,80}?đạt\s+(?:tỷ\s+lệ\s+)?" + PCT() + ")?",
      context=PETITION, n="petitions_resolved", d="petitions_due", p="complaint_resolution_rate"),
    R(r"tổng\s+số\s+đơn(?:,?\s*thư)?(?:\s+các\s+loại)?\s+(?:đã\s+)?tiếp\s+nhận(?:\s+được)?(?:\s+trong\s+(?:năm|kỳ|năm\s+học))?" + SEP + N(), n="letters_received"),
    # Citizen reception.
    R(r"số\s+lượt\s+(?:tiếp\s+công\s+dân|công\s+dân\s+được\s+tiếp|tiếp\s+dân|tiếp)" + SEP + N(), n="reception_visits"),
    R(r"số\s+(?:người|công\s+dân)\s+được\s+tiếp" + SEP + N(), n="reception_people"),
    R(r"số\s+vụ\s+việc(?:\s+(?:được\s+)?tiếp(?:\s+nhận)?)?" + SEP + N(), context=RECEPTION, n="reception_matters"),
    R(N() + r"\s+lượt(?:\s+(?:công\s+dân|người))?", context=RECEPTION, exclude=r"truy\s+cập|lượt\s+xem", n="reception_visits"),
    R(r"(?:(?:với|gồm|có)\s+|lượt(?:\s+công\s+dân)?\s*\(\s*)" + N() + r"\s+(?:người|công\s+dân)", context=RECEPTION, exclude=r"truy\s+cập|lượt\s+xem", n="reception_people"),
    R(r"(?<!giải quyết )(?<!giải quyết xong )" + N() + r"\s+vụ(?:\s+việc)?(?!\w)", context=RECEPTION, exclude=r"giải\s+quyết\s+(?:" + DIGITS + r")\s*/|truy\s+cập|lượt\s+xem", n="reception_matters"),
]  # fmt: skip


def apply_rules(text, spans, claimed, figures):
    for rule in RULES:
        for start, end in spans:
            sentence = text[start:end]
            if rule.context_re and not rule.context_re.search(sentence):
                continue
            if rule.exclude_re and rule.exclude_re.search(sentence):
                continue
            for match in rule.regex.finditer(sentence):
                if rule.zero:
                    where = (start + match.start(), start + match.end())
                    if not _taken(claimed, where):
                        claimed.append(where)
                        figures.append(Figure(rule.zero, 0, sentence, (start, end), where))
                    continue
                for group, code in rule.groups.items():
                    if match.group(group) is None:
                        continue
                    where = (start + match.start(group), start + match.end(group))
                    if _taken(claimed, where):
                        continue
                    value = to_number(match.group(group))
                    if value is None:
                        continue
                    unit = match.groupdict().get(f"{group}_u") or ""
                    if unit.lower().startswith("triệu"):
                        value = int(round(value * 1_000_000))
                    elif unit.lower().startswith("nghìn"):
                        value = int(round(value * 1_000))
                    claimed.append(where)
                    figures.append(Figure(code, value, sentence, (start, end), where, partial=rule.partial))


def _taken(claimed, where):
    return any(a < where[1] and where[0] < b for a, b in claimed)


# --- Petitions: "Tiếp nhận 15 đơn …. Trong đó: 03 đơn khiếu nại, ban hành 02 văn bản trả lời …" ---

_KIND_WORDS = re.compile(r"(?:\s*,?\s*(?:và\s+)?(?:thư|khiếu\s+nại|tố\s+cáo|phản\s+ánh|kiến\s+nghị))+", re.I)
_LETTERS = re.compile(N() + r"\s+(?:lá\s+)?đơn(?!\s+vị)(?!\w)", re.I)
_ANSWERED = re.compile(
    r"(?:ban\s+hành|có|gửi)\s+"
    + N()
    + r"\s+văn\s+bản\s+trả\s+lời|(?:đã\s+)?trả\s+lời\s+"
    + N("n2")
    + r"\s+đơn",
    re.I,
)
_NOT_ELIGIBLE = re.compile(
    r"\s*(?:đã\s+)?(?:không\s+đủ\s+điều\s+kiện|không\s+thuộc\s+thẩm\s+quyền)\s+(?:thụ\s+lý|xử\s+lý|giải\s+quyết)",
    re.I,
)
_IN_PROGRESS = re.compile(
    r"\s*(?:đang\s+)?(?:trong\s+quá\s+trình\s+)?(?:giải\s+quyết|thụ\s+lý|xem\s+xét|xác\s+minh)", re.I
)
_RECEIVE_LEAD = ("tiếp nhận", "nhận được", "tiếp nhận được", "đã nhận", "có", "gồm", "gồm có", "trong đó", "trong đó có",
                 "tổng số", "tổng cộng", "tổng số đã tiếp nhận", "tiếp nhận và xử lý", "tiếp nhận, xử lý")  # fmt: skip
_RECEIVE_VERB = re.compile(r"tiếp\s+nhận|nhận\s+được|trong\s+đó", re.I)
KINDS = {"complaint": "complaints", "denunciation": "denunciations", "feedback": "feedback"}


def _kinds(phrase):
    found = set()
    low = phrase.lower()
    if "khiếu nại" in low:
        found.add("complaint")
    if "tố cáo" in low:
        found.add("denunciation")
    if "phản ánh" in low or "kiến nghị" in low:
        found.add("feedback")
    return found


def petitions(text, spans, claimed, figures):
    for start, end in spans:
        sentence = text[start:end]
        low = sentence.lower()
        if "đơn" not in low:
            continue
        current = None  # the kind the outcomes that follow belong to
        events = sorted(
            [("letters", m) for m in _LETTERS.finditer(sentence)]
            + [("answered", m) for m in _ANSWERED.finditer(sentence)],
            key=lambda e: e[1].start(),
        )
        for what, match in events:
            group = "n" if match.group("n") is not None else "n2"
            where = (start + match.start(group), start + match.end(group))
            if _taken(claimed, where):
                continue
            value = to_number(match.group(group))
            if value is None:
                continue
            code = None
            if what == "answered":
                code = f"{KINDS[current]}_answered" if current else None
            else:
                after = sentence[match.end() :]
                kinds_match = _KIND_WORDS.match(after)
                kinds = _kinds(kinds_match.group(0)) if kinds_match else set()
                lead = _lead(sentence, match.start())
                if not kinds and _NOT_ELIGIBLE.match(after):
                    code = f"{KINDS[current]}_not_eligible" if current else None
                elif not kinds and _IN_PROGRESS.match(after):
                    code = f"{KINDS[current]}_in_progress" if current else None
                elif not _receiving(lead, sentence[: match.start()]):
                    code = None
                elif len(kinds) == 1:
                    current = next(iter(kinds))
                    code = f"{KINDS[current]}_received"
                elif "feedback" in kinds or not kinds:
                    # "15 đơn phản ánh, kiến nghị, tố cáo", "126 đơn", "126 đơn thư": every kind.
                    code = "letters_received" if (not kinds or len(kinds) >= 2) else None
                    current = None
                # {khiếu nại, tố cáo} together is no single indicator: left for the officer.
            if code:
                claimed.append(where)
                figures.append(Figure(code, value, sentence, (start, end), where))


def _lead(sentence, pos):
    """The words before a number since the last punctuation: 'Tiếp nhận', 'trong đó có', ''."""
    cut = max(sentence.rfind(c, 0, pos) for c in ",;:.()\n")
    return re.sub(r"\s+", " ", sentence[cut + 1 : pos]).strip().lower()


def _receiving(lead, before):
    lead = re.sub(r"^(?:và|đã|trong năm|năm \d{4})\s+", "", lead)
    if lead == "":
        return bool(_RECEIVE_VERB.search(before))
    return lead.endswith(_RECEIVE_LEAD)


def _label_key(label):
    label = re.sub(r"^\s*(?:\d+(?:\.\d+)*|[a-zđ]|[IVX]+)[.)/-]\s+", "", label.strip(), flags=re.I)
    label = re.sub(r"\s*\((?:đồng|%|số lượng|người|cuộc|đơn)\)\s*$", "", label, flags=re.I)
    return re.sub(r"\s+", " ", label).strip(" :").casefold()


def indicator_labels():
    """{label as printed, normalised: code} for every indicator (both eras' labels), in Vietnamese."""
    from django.utils import translation

    from danchu.reporting.indicators.definitions import BY_CODE, DATED_LABELS

    labels = {}
    with translation.override("vi"):
        for code, indicator in BY_CODE.items():
            labels.setdefault(_label_key(str(indicator.label)), code)
            for _since, label in DATED_LABELS.get(code, []):
                labels.setdefault(_label_key(str(label)), code)
    # "Trong đó đã giải quyết" says nothing without the row above it.
    return {key: code for key, code in labels.items() if not key.startswith("trong đó")}


_CELL_VALUE = re.compile(r"^\s*(?P<n>" + DIGITS + r")\s*(?P<u>%|đồng|đ)?\s*$", re.I)


def table_rows(text, spans, claimed, figures):
    """A table row "label | value" whose label is exactly an indicator's label (a danchu
    appendix, an agency's own table copying it)."""
    labels = None
    for start, end in spans:
        sentence = text[start:end]
        if " | " not in sentence:
            continue
        labels = labels if labels is not None else indicator_labels()
        cells = sentence.split(" | ")
        offset = start
        positions = []
        for cell in cells:
            positions.append(offset)
            offset += len(cell) + 3
        for i in range(len(cells) - 1):
            code = labels.get(_label_key(cells[i]))
            match = _CELL_VALUE.match(cells[i + 1])
            if not code or not match:
                continue
            where = (positions[i + 1] + match.start("n"), positions[i + 1] + match.end("n"))
            value = to_number(match.group("n"))
            if value is None or _taken(claimed, where):
                continue
            claimed.append(where)
            figures.append(Figure(code, value, sentence, (start, end), where))


def read_figures(text):
    """Every figure of `text` (the extracted text), in reading order."""
    spans = list(sentences(text))
    claimed, figures = [], []
    table_rows(text, spans, claimed, figures)
    petitions(text, spans, claimed, figures)
    apply_rules(text, spans, claimed, figures)
    figures.sort(key=lambda f: f.value_span)
    return figures
