"""Reading a request's answers: completeness and timeliness, the consolidated figures with their
drill-down, and the provincial report's files (DOCX in the official format, PDF, XLSX) and charts.

Everything here reads the submissions' frozen figures, never the live registers, in a fixed number
of queries whatever the number of agencies."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.core import charts, vnformat
from danchu.core.officialdoc import OfficialDocument, in_vietnamese
from danchu.core.xlsx import workbook_bytes
from danchu.orgs.models import Membership, OrganizationKind
from danchu.orgs.signing import default_signature, signature_for
from danchu.reporting.indicators import BY_CODE, INDICATORS, Unit, aggregate

from . import figures
from .models import Submission, SubmissionStatus

MISSING, RETURNED, ON_TIME, LATE = "missing", "returned", "on_time", "late"
STATE_LABELS = {
    MISSING: "Chưa gửi",
    RETURNED: "Bị trả lại, chờ gửi lại",
    ON_TIME: "Đúng hạn",
    LATE: "Muộn",
}
# The figures the report leads with and the charts show.
KEY_CODES = [
    "letters_received",
    "complaint_resolution_rate",
    "inspections_total",
    "fines_vnd",
    "online_services_l34",
    "staff_conference_rate",
    "staff_reduction_pct",
    "campaign_articles",
]


def _targets_where(condition):
    """The number of a request's targets meeting `condition` (a subquery, one per row)."""
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from .models import RequestTarget

    rows = (
        RequestTarget.objects.filter(request=OuterRef("pk"))
        .filter(condition)
        .order_by()
        .values("request")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), 0)


def _answered():
    from django.db.models import Exists, OuterRef

    return Exists(
        Submission.objects.counted().filter(
            request=OuterRef("request"), organization=OuterRef("organization")
        )
    )


def counted_targets():
    """Annotation on ReportRequest: how many of its agencies have answered, as `TargetRow.counted`
    (a current version not returned). Agencies, not submissions: a correction or an answer from an
    agency no longer among the targets never makes "2/1"."""
    return _targets_where(_answered())


def on_time_targets():
    """Annotation on ReportRequest: how many answered agencies were on time (`TargetRow.state`:
    judged on the first version)."""
    from django.db.models import Exists, OuterRef

    first_on_time = Exists(
        Submission.objects.filter(
            request=OuterRef("request"), organization=OuterRef("organization"), version=1, is_late=False
        )
    )
    return _targets_where(_answered() & first_on_time)


@dataclass
class TargetRow:
    organization: object
    versions: list = field(default_factory=list)

    @property
    def current(self):
        return self.versions[-1] if self.versions else None

    @property
    def first(self):
        return self.versions[0] if self.versions else None

    @property
    def state(self):
        """Timeliness is judged on the first version: an answer sent by the deadline stays on time
        when it is corrected afterwards (returned and resent, or a correction v2 signed and
        submitted in reporting), and a late answer stays late when its correction comes. The page
        shows the correction's own date beside it (`correction_note`); docs/consolidation.md."""
        if self.current is None:
            return MISSING
        if self.current.status == SubmissionStatus.RETURNED:
            return RETURNED
        return LATE if self.first.is_late else ON_TIME

    @property
    def correction_note(self):
        """ "Gửi lần đầu 10/11/2020 (đúng hạn); phiên bản 2 gửi 20/11/2020, sau hạn", when the
        current version is not the first."""
        if self.current is None or self.current is self.first:
            return ""
        first_day = timezone.localtime(self.first.submitted_at).strftime("%d/%m/%Y")
        day = timezone.localtime(self.current.submitted_at).strftime("%d/%m/%Y")
        return _("Gửi lần đầu %(first)s (%(state)s); phiên bản %(version)s gửi %(day)s (%(late)s).") % {
            "first": first_day,
            "state": _("muộn") if self.first.is_late else _("đúng hạn"),
            "version": self.current.version,
            "day": day,
            "late": _("sau hạn") if self.current.is_late else _("trong hạn"),
        }

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def counted(self):
        return self.state in (ON_TIME, LATE)


@dataclass
class Completeness:
    request: object
    rows: list

    def _count(self, *states):
        return sum(1 for r in self.rows if r.state in states)

    @property
    def total(self):
        return len(self.rows)

    @property
    def submitted(self):
        return self._count(ON_TIME, LATE)

    @property
    def on_time(self):
        return self._count(ON_TIME)

    @property
    def late(self):
        return self._count(LATE)

    @property
    def returned(self):
        return self._count(RETURNED)

    @property
    def missing(self):
        return self._count(MISSING)

    @property
    def accepted(self):
        return sum(1 for r in self.rows if r.current and r.current.status == SubmissionStatus.ACCEPTED)

    @property
    def percent(self):
        return round(self.submitted * 100 / self.total, 1) if self.total else 0

    def not_reported(self):
        return [r.organization for r in self.rows if not r.counted]

    def by_kind(self):
        """[(kind label, submitted, total)] for the chart of completeness by kind of organisation."""
        groups = {}
        for row in self.rows:
            item = groups.setdefault(row.organization.kind, [0, 0])
            item[1] += 1
            item[0] += 1 if row.counted else 0
        labels = dict(OrganizationKind.choices)
        return [(str(labels.get(kind, kind)), done, total) for kind, (done, total) in groups.items()]


def completeness(request):
    """Two queries: the targets and every version of every answer."""
    targets = [t.organization for t in request.target_rows.select_related("organization")]
    rows = {org.pk: TargetRow(org) for org in targets}
    for sub in (
        Submission.objects.filter(request=request)
        .select_related("submitted_by", "reviewed_by")
        .order_by("organization_id", "version")
    ):
        if sub.organization_id in rows:
            rows[sub.organization_id].versions.append(sub)
    return Completeness(request, [rows[o.pk] for o in targets])


@dataclass
class Consolidation:
    request: object
    submissions: list
    totals: dict

    @property
    def rows(self):
        return [s.values for s in self.submissions]

    def agency_values(self, code):
        """Drill-down: [(submission, value)] for one indicator."""
        return [(s, s.values.get(code)) for s in self.submissions]

    def formatted(self, code):
        return BY_CODE[code].format(self.totals.get(code))

    @property
    def part_mismatches(self):
        """{total code: {...}} for every total whose consolidated parts do not add up to it (the
        agency report's "==" rules, `reporting.checks.RULES`), with the agencies whose own figures
        already disagree — the page flags them instead of showing a total nobody can reconcile."""
        from danchu.reporting.checks import RULES

        found = {}
        for total, op, parts, message in RULES:
            if op != "==":
                continue
            values = [self.totals.get(c) for c in (total, *parts)]
            if any(v is None for v in values):
                continue
            given, summed = values[0], sum(values[1:])
            if given == summed:
                continue
            agencies = [
                s.organization
                for s in self.submissions
                if all(s.values.get(c) is not None for c in (total, *parts))
                and s.values[total] != sum(s.values[c] for c in parts)
            ]
            found[total] = {
                "message": str(message),
                "total": BY_CODE[total].format(given),
                "sum": BY_CODE[total].format(summed),
                "parts": [BY_CODE[c].label for c in parts],
                "agencies": agencies,
            }
        return found


def consolidate(request):
    """The consolidated figures over the current, not returned answers (one query)."""
    submissions = list(
        Submission.objects.counted()
        .filter(request=request)
        .select_related("organization", "report")
        .order_by("organization__path")
    )
    return Consolidation(request, submissions, aggregate([s.values for s in submissions]))


def validation(request):
    """[(submission, [violations])] for every current answer with at least one violation."""
    result = []
    for sub in (
        Submission.objects.current()
        .filter(request=request)
        .select_related("organization")
        .order_by("organization__path")
    ):
        found = figures.violations(sub.values)
        if found:
            result.append((sub, found))
    return result


# Charts: server-side SVG with a table of the same figures (danchu.core.charts), nothing loaded
# from the internet; agencies and kinds of organisation by their Vietnamese names, never codes.


def bar_chart(items, *, title, category_label=None, value_label=None, percent=False, chart_id="chart"):
    """Horizontal bars. items: [(label, value, maximum or None)]. Returns the figure's markup."""
    return charts.bar_chart(
        items,
        title=title,
        category_label=category_label or _("Cơ quan, đơn vị"),
        value_label=value_label or title,
        percent=percent,
        chart_id=chart_id,
    )


def completeness_chart(result):
    return bar_chart(
        [(label, done, total) for label, done, total in result.by_kind()],
        title=_("Tỷ lệ cơ quan đã gửi báo cáo theo loại cơ quan"),
        category_label=_("Loại cơ quan"),
        value_label=_("Số cơ quan đã gửi báo cáo / số cơ quan phải gửi"),
        chart_id="chart-completeness",
    )


def indicator_chart(consolidation, code):
    indicator = BY_CODE[code]
    percent = indicator.unit == Unit.PERCENT
    items = [
        (s.organization.name, figures.plain_value(v), None)  # names, not codes
        for s, v in consolidation.agency_values(code)
    ]
    unit = {Unit.PERCENT: " (%)", Unit.MONEY: " (" + _("đồng") + ")"}.get(indicator.unit, "")
    return bar_chart(
        items,
        title=str(indicator.label),
        value_label=f"{indicator.label}{unit}",
        percent=percent,
        chart_id=f"chart-{code.replace('_', '-')}",
    )


# The provincial report.


def _superior_line(org):
    return org.superior_header_name


def report_symbol(request):
    org = request.requesting_org
    return f"BC-{org.short_name or org.code}"


def report_subject(request):
    return f"Tổng hợp kết quả thực hiện dân chủ ở cơ sở {request.period.name.lower()} của các cơ quan, đơn vị"


def group_sentences(consolidation):
    """One sentence per indicator group with the consolidated figures."""
    sentences = []
    for _key, label, indicators in figures.grouped_indicators():
        parts = [
            f"{str(i.label).lower()}: {i.format(consolidation.totals.get(i.code))}"
            for i in indicators
            if consolidation.totals.get(i.code) is not None
        ]
        if parts:
            sentences.append(f"{label}: " + "; ".join(parts) + ".")
    return sentences


@in_vietnamese
def provincial_docx(request, result=None, consolidation=None, day=None):
    result = result or completeness(request)
    consolidation = consolidation or consolidate(request)
    org = request.requesting_org
    day = day or timezone.localdate()
    doc = OfficialDocument()
    doc.header(
        superior=_superior_line(org),
        issuer=org.name,
        number=f"Số:        /{report_symbol(request)}",
        place_date=vnformat.place_date(org.place_name, day),
    )
    doc.title("BÁO CÁO", report_subject(request))
    doc.paragraph(
        f"Thực hiện Công văn số {request.reference}, ngày {vnformat.short_date(request.issued_on)} "
        f"của {org.name} về việc {request.title[:1].lower() + request.title[1:]}; "
        f"số liệu tính từ ngày {vnformat.short_date(request.data_start)} đến ngày "
        f"{vnformat.short_date(request.data_end)}, {org.name} tổng hợp như sau:"
    )
    doc.heading("I. TÌNH HÌNH GỬI BÁO CÁO")
    doc.paragraph(
        f"Có {vnformat.count(result.submitted)}/{vnformat.count(result.total)} cơ quan, đơn vị gửi báo cáo "
        f"({vnformat.percent(result.percent)}), trong đó {vnformat.count(result.on_time)} cơ quan gửi đúng hạn, "
        f"{vnformat.count(result.late)} cơ quan gửi muộn so với hạn {vnformat.short_date(request.deadline)}; "
        f"{vnformat.count(result.missing + result.returned)} cơ quan chưa gửi hoặc phải gửi lại báo cáo."
    )
    not_reported = result.not_reported()
    if not_reported:
        doc.paragraph("Các cơ quan, đơn vị chưa gửi báo cáo:")
        for other in not_reported:
            doc.bullet(f"{other.name};")
    doc.heading("II. KẾT QUẢ THỰC HIỆN (SỐ LIỆU TỔNG HỢP)")
    sentences = group_sentences(consolidation)
    if sentences:
        for sentence in sentences:
            doc.paragraph(sentence)
    else:
        doc.paragraph("Chưa có số liệu của cơ quan, đơn vị nào để tổng hợp.")
    doc.paragraph("Các chỉ tiêu chủ yếu:", indent=True)
    rows = []
    for index, code in enumerate(KEY_CODES, start=1):
        indicator = BY_CODE[code]
        rows.append((f"{index:02d}", str(indicator.label), consolidation.formatted(code)))
    doc.table(["STT", "Chỉ tiêu", "Tổng hợp"], rows, widths_cm=[1.5, 10.0, 4.5], numeric_columns=(2,))
    doc.paragraph(
        "Tỷ lệ tổng hợp được tính bằng tỷ số của các tổng (tổng tử số trên tổng mẫu số của các cơ quan), "
        "không lấy trung bình các tỷ lệ.",
        italic=True,
    )
    doc.heading("III. SỐ LIỆU CỦA TỪNG CƠ QUAN, ĐƠN VỊ")
    key = ["letters_received", "inspections_total", "fines_vnd", "staff_conference_rate"]
    agency_rows = []
    for index, sub in enumerate(consolidation.submissions, start=1):
        agency_rows.append(
            [f"{index:02d}", sub.organization.name] + [BY_CODE[c].format(sub.values.get(c)) for c in key]
        )
    if agency_rows:
        doc.table(
            ["STT", "Cơ quan, đơn vị"] + [str(BY_CODE[c].label) for c in key],
            agency_rows,
            size=11,
            widths_cm=[1.3, 4.4, 2.7, 2.7, 2.7, 2.7],
            numeric_columns=(2, 3, 4, 5),
        )
    sign = provincial_signature(org, day)
    doc.paragraph(
        f"Trên đây là báo cáo tổng hợp kết quả thực hiện dân chủ ở cơ sở {request.period.name.lower()} "
        f"của {org.name}./.",
        keep_with_next=True,
    )
    authority = sign.lines if sign else ([org.head_title.upper()] if org.head_title else [])
    doc.signature(
        recipients=["UBND tỉnh (b/c);", "Các cơ quan, đơn vị;", "Lưu: VT."],
        authority=authority,
        signer=sign.name if sign else "",
    )
    return doc.to_bytes()


def provincial_signature(org, day=None):
    """Who signs the provincial report: the body's usual signer or head on `day`
    (`orgs.signing.default_signature`), else whoever is recorded as its head, whatever the dates;
    None when the body has neither (`missing_signer_message` says what to set)."""
    sign = default_signature(org, day)
    if sign is not None:
        return sign
    head = (
        Membership.objects.filter(organization=org, is_head=True)
        .select_related("person", "organization")
        .order_by("-start")
        .first()
    )
    return signature_for(head) if head is not None else None


def signer_problem(org, sign):
    """What the provincial report's signature block lacks, in Vietnamese, or "" when nothing."""
    if sign is None:
        return _(
            "Báo cáo tổng hợp chưa có người ký: %(org)s chưa có người đứng đầu hoặc người ký "
            "mặc định. Hãy khai báo người đứng đầu hoặc người ký mặc định của cơ quan trước khi "
            "trình ký; tệp vẫn được tạo, dòng họ tên người ký để trống."
        ) % {"org": org.name}
    if not sign.lines:
        return _(
            "Báo cáo tổng hợp chưa có chức danh người ký: hãy khai báo chức danh người đứng đầu "
            "của %(org)s (ví dụ: Giám đốc) hoặc chức vụ của %(name)s."
        ) % {"org": org.name, "name": sign.name}
    return ""


@in_vietnamese
def provincial_xlsx(request, result=None, consolidation=None):
    """One sheet per indicator group, one row per agency (plus the consolidated row), and the
    completeness sheet."""
    result = result or completeness(request)
    consolidation = consolidation or consolidate(request)
    sheets = [
        (
            "Tình hình gửi báo cáo",
            ["Mã", "Cơ quan, đơn vị", "Tình trạng", "Phiên bản", "Thời điểm gửi", "Trạng thái xem xét"],
            [
                (
                    r.organization.code,
                    r.organization.name,
                    r.state_label,
                    r.current.version if r.current else "",
                    r.current.submitted_at if r.current else "",  # a date cell, local time (core.xlsx)
                    r.current.get_status_display() if r.current else "",
                )
                for r in result.rows
            ],
        )
    ]
    for _key, label, indicators in figures.grouped_indicators():
        headers = ["Mã", "Cơ quan, đơn vị"] + [f"{i.label} ({Unit(i.unit).label})" for i in indicators]
        rows = [
            [s.organization.code, s.organization.name] + [s.values.get(i.code) for i in indicators]
            for s in consolidation.submissions
        ]
        rows.append(
            ["", "TỔNG HỢP"] + [figures.plain_value(consolidation.totals.get(i.code)) for i in indicators]
        )
        sheets.append((str(label), headers, rows))
    return workbook_bytes(sheets)


def file_basename(request):
    return f"bao-cao-tong-hop-{request.period.code}-{request.requesting_org.code}".lower().replace(".", "-")


def all_indicator_codes():
    return [i.code for i in INDICATORS]
