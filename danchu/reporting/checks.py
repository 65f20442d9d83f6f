"""Checks before sign-off: validation rules across indicators, citations in the narrative checked
against the document registry, mandatory sections and settings, records counted outside the report's
date or the request's data window. Each problem links to where it is fixed."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .outline import outline_for

ERROR, WARNING = "error", "warning"

# (left, operator, right terms, message). Right terms are summed.
RULES = [
    (
        "complaints_answered",
        "<=",
        ("complaints_received",),
        gettext_lazy("Số đơn khiếu nại đã trả lời không được lớn hơn số đơn khiếu nại tiếp nhận."),
    ),
    (
        "denunciations_answered",
        "<=",
        ("denunciations_received",),
        gettext_lazy("Số đơn tố cáo đã trả lời không được lớn hơn số đơn tố cáo tiếp nhận."),
    ),
    (
        "feedback_answered",
        "<=",
        ("feedback_received",),
        gettext_lazy("Số đơn phản ánh, kiến nghị đã trả lời không được lớn hơn số đơn tiếp nhận."),
    ),
    (
        "letters_received",
        "==",
        ("complaints_received", "denunciations_received", "feedback_received"),
        gettext_lazy("Tổng số đơn tiếp nhận phải bằng tổng đơn khiếu nại, tố cáo, phản ánh, kiến nghị."),
    ),
    (
        "petitions_resolved",
        "<=",
        ("petitions_due",),
        gettext_lazy("Số đơn đã giải quyết không được lớn hơn số đơn đến hạn giải quyết."),
    ),
    (
        "online_services_l4",
        "<=",
        ("online_services_l34",),
        gettext_lazy("Số dịch vụ công mức độ 4 không được lớn hơn số dịch vụ công mức độ 3, 4."),
    ),
    (
        "inspections_total",
        "==",
        ("inspections_led", "inspections_joint"),
        gettext_lazy("Tổng số cuộc thanh tra, kiểm tra phải bằng số cuộc chủ trì cộng số cuộc phối hợp."),
    ),
    (
        "subjects_in_violation",
        "<=",
        ("subjects_checked",),
        gettext_lazy("Số tổ chức, cá nhân vi phạm không được lớn hơn số được kiểm tra."),
    ),
    (
        "subjects_checked",
        "==",
        ("inspection_subjects", "administrative_subjects"),
        gettext_lazy(
            "Số tổ chức, cá nhân được kiểm tra phải bằng số đối tượng thanh tra, kiểm tra cộng số đơn vị được thanh tra hành chính."
        ),
    ),
    (
        "subjects_in_violation",
        "==",
        ("referrals", "sanction_decisions"),
        gettext_lazy(
            "Số tổ chức, cá nhân vi phạm phải bằng số trường hợp kiến nghị xử lý cộng số quyết định xử phạt."
        ),
    ),
    (
        "staff_conferences_held",
        "<=",
        ("staff_conferences_required",),
        gettext_lazy("Số hội nghị đã tổ chức không được lớn hơn số cơ quan, đơn vị phải tổ chức."),
    ),
    (
        "staff_reached",
        "<=",
        ("staff_total",),
        gettext_lazy("Số người được phổ biến không được lớn hơn tổng số cán bộ, công chức, viên chức."),
    ),
]

REGISTER_NAMES = {
    "petitions": gettext_lazy("Sổ đơn thư"),
    "oversight": gettext_lazy("Sổ thanh tra, kiểm tra"),
    "activities": gettext_lazy("Sổ hoạt động (tuyên truyền, quỹ, thủ tục hành chính, biên chế)"),
    "participation": gettext_lazy("Sổ công khai, tham gia ý kiến, hội nghị"),
}


@dataclass
class Problem:
    severity: str
    message: str
    link: str = ""
    code: str = ""

    @property
    def is_error(self):
        return self.severity == ERROR


def _report_url(report, anchor):
    if not report.pk:
        return ""
    return reverse("reporting:detail", args=[report.uuid]) + anchor


def _shown(value):
    """A figure as the report writes it: 41.250.000, 12,5."""
    from danchu.core import vnformat

    number = Decimal(str(value))
    return vnformat.number(int(number) if number == number.to_integral() else number)


# Rule messages whose wording follows the law of the period (see indicators.DATED_LABELS).
DATED_MESSAGES = {
    "online_services_l4": gettext_lazy(
        "Số dịch vụ công trực tuyến toàn trình không được lớn hơn tổng số dịch vụ công trực tuyến."
    ),
}


def rule_violations(values, day=None):
    """RULES applied to {code: number}: [(code, message)] for each rule broken. Used on a report's
    figures before sign-off and on the frozen figures of every agency (consolidation). `day`, the
    last day the figures count (None: today's law), picks the wording of the labels."""
    from .indicators import label_on
    from .indicators.definitions import online_services_current

    broken = []
    for left, op, right, message in RULES:
        if left in DATED_MESSAGES and online_services_current(day):
            message = DATED_MESSAGES[left]
        if any(values.get(c) is None for c in (left, *right)):
            continue
        lhs = Decimal(str(values[left]))
        rhs = sum(Decimal(str(values[c])) for c in right)
        if (op == "<=" and lhs > rhs) or (op == "==" and lhs != rhs):
            detail = " + ".join(f"{label_on(c, day)} ({_shown(values[c])})" for c in right)
            broken.append(
                (
                    left,
                    _("%(rule)s Hiện có: %(label)s = %(value)s; %(detail)s.")
                    % {"rule": message, "label": label_on(left, day), "value": _shown(lhs), "detail": detail},
                )
            )
    return broken


def validation_problems(report, data):
    figures = {code: item.value for code, item in data.values.items()}
    return [
        Problem(ERROR, message, _report_url(report, f"#ind-{code}"), code=f"rule:{code}")
        for code, message in rule_violations(figures, getattr(data, "as_of", None) or report.data_end)
    ]


def citation_problems(report, texts):
    """Every document reference in the narrative checked against the registry."""
    try:
        from danchu.documents.checks import check_refs
        from danchu.documents.refs import find_refs
    except ImportError:
        return [
            Problem(
                WARNING,
                _(
                    "Chưa kiểm tra được trích dẫn văn bản: bộ đọc số, ký hiệu văn bản "
                    "(danchu.documents.refs) chưa được cài đặt."
                ),
                code="refs:missing",
            )
        ]
    problems = []
    for key, paragraphs in texts.items():
        text = "\n".join(paragraphs)
        if not text.strip():
            continue
        for result in check_refs(find_refs(text)):
            status = _get(result, "status")
            ref = _get(result, "ref")
            if status == "date_mismatch":
                problems.append(
                    Problem(
                        ERROR,
                        _("Trích dẫn %(ref)s ghi ngày %(date)s, nhưng sổ văn bản ghi ngày %(expected)s.")
                        % {
                            "ref": ref,
                            "date": _fmt(_get(result, "date")),
                            "expected": _fmt(_get(result, "expected_date")),
                        },
                        _report_url(report, f"#section-{key}"),
                        code=f"ref:{ref}",
                    )
                )
            elif status == "unknown":
                problems.append(
                    Problem(
                        WARNING,
                        _("Văn bản %(ref)s được trích dẫn nhưng chưa có trong sổ văn bản.") % {"ref": ref},
                        _report_url(report, f"#section-{key}"),
                        code=f"ref:{ref}",
                    )
                )
    return problems


def _get(obj, name):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _fmt(day):
    from danchu.core.vnformat import short_date

    if day is None:
        return _("(không ghi)")
    if isinstance(day, str):
        import datetime

        try:
            day = datetime.date.fromisoformat(day[:10])
        except ValueError:
            return day
    return short_date(day)


# The records behind the figures, per register, that the window checks name: (register, key of
# the register's records_for, what they are in Vietnamese). One or two queries each, so the checks
# run a fixed number of queries (WINDOW_MAX_QUERIES) whatever the data.
WINDOW_RECORDS = [
    ("petitions", "letters_received", gettext_lazy("đơn thư tiếp nhận")),
    ("oversight", "inspections_total", gettext_lazy("cuộc thanh tra, kiểm tra chuyên ngành")),
    ("oversight", "administrative_inspections", gettext_lazy("cuộc thanh tra hành chính")),
    ("oversight", "party_inspections", gettext_lazy("cuộc kiểm tra của Đảng")),
    ("activities", "fund_contributions_vnd", gettext_lazy("khoản đóng góp quỹ"), ("fund",)),
    ("participation", "disclosures_total", gettext_lazy("nội dung công khai")),
    ("participation", "consultations_held", gettext_lazy("đợt lấy ý kiến")),
    ("participation", "conferences_held", gettext_lazy("hội nghị cán bộ, công chức, viên chức")),
]
SHOWN_RECORDS = 3  # the first few records named in a warning
# Windows checked: after the report's date, before and after the request's window (3), each with
# up to 2 queries per record kind, plus the query that finds the request's window.
WINDOW_MAX_QUERIES = 3 * 2 * len(WINDOW_RECORDS) + 1

# Functions (report) -> (start, end, reference) or None giving the data window a report was asked
# for. consolidation registers one (it owns the requests); reporting never imports consolidation.
REQUEST_WINDOW_PROVIDERS = []


def register_request_window(provider):
    if provider not in REQUEST_WINDOW_PROVIDERS:
        REQUEST_WINDOW_PROVIDERS.append(provider)
    return provider


def request_window(report):
    for provider in REQUEST_WINDOW_PROVIDERS:
        window = provider(report)
        if window:
            return window
    return None


def records_between(org, start, end):
    """[(register, noun, count, [first few records as text])] of the records the figures would count
    between `start` and `end` (inclusive); registers not installed are skipped."""
    from .indicators.base import RegisterMissing
    from .indicators.compute import records_function

    found = []
    for source, key, noun, *related in WINDOW_RECORDS:
        try:
            records = records_function(source)(org, start, end, key)
        except (RegisterMissing, KeyError, ValueError):
            continue
        if related:
            records = records.select_related(*related[0])  # what the record's text reads
        first = list(records[: SHOWN_RECORDS + 1])
        if not first:
            continue
        total = len(first) if len(first) <= SHOWN_RECORDS else records.count()
        found.append((source, noun, total, [_record_text(r) for r in first[:SHOWN_RECORDS]]))
    return found


def _record_text(record):
    """How a warning names a record: its reference when it has one (a letter is named by its
    reference only, never by what it says or who sent it), else its usual text."""
    reference = getattr(record, "reference", None) or ""
    if record._meta.label == "petitions.Petition":
        return str(reference)
    return str(record)[:120]


def _describe(found):
    parts = []
    for source, noun, total, shown in found:
        more = "; …" if total > len(shown) else ""
        parts.append(
            _("%(register)s: %(count)s %(noun)s (%(first)s%(more)s)")
            % {
                "register": REGISTER_NAMES.get(source, source),
                "count": total,
                "noun": noun,
                "first": "; ".join(shown),
                "more": more,
            }
        )
    return "; ".join(parts)


def window_problems(report):
    """Warnings naming the records the figures count that are dated after the report's date, or
    outside the data window the request asked for (docs/reporting.md: why warnings)."""
    import datetime

    from danchu.core.vnformat import short_date

    problems = []
    org, start, end = report.organization, report.data_start, report.data_end
    if not (org and start and end):
        return problems
    one = datetime.timedelta(days=1)
    if report.report_date and end > report.report_date:
        found = records_between(org, report.report_date + one, end)
        if found:
            problems.append(
                Problem(
                    WARNING,
                    _(
                        "Số liệu tính đến ngày %(end)s, sau ngày báo cáo %(date)s: có bản ghi đề ngày sau "
                        "ngày báo cáo được tính vào số liệu. %(records)s. Sửa ngày báo cáo hoặc khoảng số liệu "
                        "trong phần thiết lập."
                    )
                    % {
                        "end": short_date(end),
                        "date": short_date(report.report_date),
                        "records": _describe(found),
                    },
                    _report_url(report, "#settings"),
                    code="window:after-report-date",
                )
            )
    window = request_window(report)
    if window:
        asked_start, asked_end, reference = window
        outside = []
        if start < asked_start:
            outside.append((start, asked_start - one))
        if end > asked_end:
            outside.append((asked_end + one, end))
        for a, b in outside:
            found = records_between(org, a, b)
            if found:
                problems.append(
                    Problem(
                        WARNING,
                        _(
                            "Văn bản yêu cầu %(ref)s đề nghị số liệu từ ngày %(asked_start)s đến ngày "
                            "%(asked_end)s, nhưng báo cáo tính cả các bản ghi từ ngày %(a)s đến ngày %(b)s. "
                            "%(records)s. Sửa khoảng số liệu trong phần thiết lập cho khớp văn bản yêu cầu."
                        )
                        % {
                            "ref": reference,
                            "asked_start": short_date(asked_start),
                            "asked_end": short_date(asked_end),
                            "a": short_date(a),
                            "b": short_date(b),
                            "records": _describe(found),
                        },
                        _report_url(report, "#settings"),
                        code="window:request",
                    )
                )
    return problems


def run_checks(report, data, texts=None):
    from .content import section_texts

    texts = section_texts(report) if texts is None and report.pk else (texts or {})
    problems = []
    for source in data.missing:
        from .indicators import INDICATORS, Origin

        unfilled = [
            i
            for i in INDICATORS
            if i.source == source and not i.is_derived and data.values[i.code].origin != Origin.MANUAL
        ]
        if not unfilled:
            continue  # every figure of the missing register was entered by hand, with a reason
        problems.append(
            Problem(
                ERROR,
                _(
                    "%(register)s chưa có trong danchu: các số liệu từ sổ này chưa tính được. "
                    "Hãy nhập tay kèm lý do hoặc cài đặt sổ."
                )
                % {"register": REGISTER_NAMES.get(source, source)},
                _report_url(report, "#indicators"),
                code=f"register:{source}",
            )
        )
    problems += validation_problems(report, data)
    for section in outline_for(report.framework):
        if section.mandatory and not texts.get(section.key):
            problems.append(
                Problem(
                    ERROR,
                    _("Mục bắt buộc “%(heading)s” chưa có nội dung.")
                    % {"heading": section.heading_for(report.period.year)},
                    _report_url(report, f"#section-{section.key}"),
                    code=f"section:{section.key}",
                )
            )
    if not report.signer_id:
        problems.append(
            Problem(ERROR, _("Chưa chọn người ký báo cáo."), _report_url(report, "#settings"), code="signer")
        )
    if not report.recipient_lines:
        problems.append(
            Problem(ERROR, _("Chưa có nơi nhận."), _report_url(report, "#settings"), code="recipients")
        )
    problems += citation_problems(report, texts)
    problems += window_problems(report)
    return problems
