"""Campaigns, funds, procedures, duty, staffing and the activity log as registers of
danchu.core.registers: one declaration each naming the model fields shown and read from files;
a label or header is written out only where it is shorter than the field's verbose_name."""

from functools import partial

from django import forms
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core.registers import (
    BOOL_CHOICES,
    Child,
    Col,
    Filter,
    Imports,
    Register,
    record_lookup,
    year_choices,
)
from danchu.documents.lookups import document_lookup

from . import actions
from .models import (
    LEVELS_3_4,
    Activity,
    ActivityCategory,
    AdministrativeProcedure,
    Campaign,
    Channel,
    Contribution,
    Fund,
    OnlineLevel,
    ServiceCentreDuty,
    StaffingQuota,
)

register = partial(
    Register, namespace="activities", view_perm="activities.view", change_perm="activities.change"
)
# Where a header differs from the field's verbose_name (a shorter word in the file).
ORG_HEADER = ("organization", "Cơ quan, đơn vị")


_fund_lookup = record_lookup(Fund, "name", gettext_lazy("Không tìm thấy quỹ “%(v)s”; hãy tạo quỹ trước."))


def _documents_lookup(text, context):
    return [document_lookup(part.strip(), context) for part in text.split(";") if part.strip()]


imports = partial(
    Imports,
    lookups={
        "announced_by": document_lookup,
        "document": document_lookup,
        "decisions": _documents_lookup,
        "fund": _fund_lookup,
    },
)


# --- Campaigns ---------------------------------------------------------------------------------

campaigns = register(
    model=Campaign,
    name="campaign",
    slug="tuyen-truyen",
    title=gettext_lazy("Tuyên truyền"),
    title_one=gettext_lazy("đợt tuyên truyền"),
    description=gettext_lazy("Tin, bài, văn bản và băng rôn tuyên truyền theo chủ đề và kênh."),
    fields=("organization", "topic", "channel", "start", "end", "articles", "documents", "banners", "notes"),
    columns=[
        "topic",
        "channel",
        "start",
        "end",
        ("articles", gettext_lazy("Tin, bài")),
        ("documents", gettext_lazy("Văn bản")),
        ("banners", gettext_lazy("Băng rôn")),
    ],
    imports=imports(
        [
            "topic",
            "channel",
            "start",
            "end",
            "articles",
            ("documents", "Số văn bản"),
            "banners",
            "organization",
            "notes",
        ],
        examples={"topic": "Đại hội Đảng bộ tỉnh"},
        describe=lambda c: (
            _("%(topic)s: %(a)s tin, bài; %(d)s văn bản; %(b)s băng rôn")
            % {"topic": c, "a": c.articles, "d": c.documents, "b": c.banners}
        ),
    ),
    save=actions.save_campaign,
    delete=actions.delete_campaign,
    search=("topic", "notes"),
    filters=[Filter("kenh", gettext_lazy("Kênh"), Channel.choices, "channel")],
    date_field="start",
)


# --- Funds and contributions -------------------------------------------------------------------

funds = register(
    model=Fund,
    name="fund",
    slug="quy",
    title=gettext_lazy("Quỹ"),
    title_one=gettext_lazy("quỹ"),
    description=gettext_lazy("Các quỹ cán bộ, công chức, viên chức đóng góp và số tiền đóng góp."),
    fields=("organization", "name", "purpose"),
    columns=[
        "name",
        ("organization.short_name", gettext_lazy("Cơ quan, đơn vị")),
        Col(gettext_lazy("Số khoản"), "n_contributions", "number", num=True),
        Col(gettext_lazy("Tổng số tiền (đồng)"), "total_vnd", "money", num=True),
    ],
    detail_fields=[
        "organization",
        "name",
        "purpose",
        (gettext_lazy("Tổng số tiền (đồng)"), lambda f: f.total_vnd or 0),
    ],
    imports=imports(["name", "purpose", ORG_HEADER]),
    save=actions.save_fund,
    delete=actions.delete_fund,
    search=("name", "purpose"),
    annotate=lambda qs: qs.annotate(
        n_contributions=Count("contributions"), total_vnd=Sum("contributions__amount_vnd")
    ),
)

contributions = register(
    model=Contribution,
    name="contribution",
    slug="dong-gop",
    title=gettext_lazy("Khoản đóng góp quỹ"),
    title_one=gettext_lazy("khoản đóng góp"),
    fields=("fund", "date", "amount_vnd", "contributor", "notes"),
    scopes={"fund": "organization"},
    help_texts={"amount_vnd": gettext_lazy("Ví dụ: 14.193.000")},
    columns=["fund.name", "date", "contributor", "amount_vnd"],
    imports=imports(
        [("fund", "Tên quỹ"), "date", "amount_vnd", "contributor", "notes"],
        examples={"amount_vnd": "14.193.000"},
    ),
    save=actions.save_contribution,
    delete=actions.delete_contribution,
    org_field="fund__organization",
    parent_fk="fund",
    search=("fund__name", "contributor", "notes"),
    date_field="date",
    select_related=("fund",),
)
funds.children = [Child(contributions, "fund", gettext_lazy("Các khoản đóng góp"))]
contributions.parent_register = funds


# --- Administrative procedures -----------------------------------------------------------------


def _posted_filter(qs, value):
    posted = Q(on_portal=True) | Q(on_website=True) | Q(on_notice_board=True) | Q(at_service_centre=True)
    return qs.filter(posted) if value == "true" else qs.exclude(posted)


def _online_filter(qs, value):
    return qs.filter(online_level__in=LEVELS_3_4) if value == "34" else qs.filter(online_level=value)


procedures = register(
    model=AdministrativeProcedure,
    name="procedure",
    slug="thu-tuc-hanh-chinh",
    title=gettext_lazy("Thủ tục hành chính"),
    title_one=gettext_lazy("thủ tục hành chính"),
    description=gettext_lazy("Danh mục thủ tục, nơi công khai và mức độ dịch vụ công trực tuyến."),
    fields=(
        "organization",
        "code",
        "name",
        "field",
        "on_portal",
        "on_website",
        "on_notice_board",
        "at_service_centre",
        "online_level",
        "announced_by",
        "valid_from",
        "valid_to",
    ),
    scopes={"announced_by": "organization"},
    columns=[
        ("code", gettext_lazy("Mã")),
        "name",
        "field",
        ("on_portal", gettext_lazy("Cổng tỉnh")),
        ("on_website", gettext_lazy("Trang cơ quan")),
        ("on_notice_board", gettext_lazy("Trụ sở")),
        ("at_service_centre", gettext_lazy("TT PVHCC")),
        ("online_level", gettext_lazy("Trực tuyến")),
    ],
    imports=imports(
        [
            "code",
            "name",
            "field",
            ("on_portal", "Cổng thông tin tỉnh"),
            ("on_website", "Trang thông tin của cơ quan"),
            "on_notice_board",
            ("at_service_centre", "Trung tâm Phục vụ hành chính công"),
            ("online_level", "Mức độ trực tuyến"),
            "announced_by",
            "valid_from",
            "valid_to",
            "organization",
        ],
        examples={"code": "1.004435", "field": "Báo chí", "on_portal": "có"},
        help={"online_level": gettext_lazy("Trước 2022: mức độ 2, 3, 4; từ 2022: một phần, toàn trình.")},
    ),
    save=actions.save_procedure,
    delete=actions.delete_procedure,
    search=("code", "name", "field"),
    filters=[
        Filter("cong-khai", gettext_lazy("Đã công khai"), BOOL_CHOICES, _posted_filter),
        Filter(
            "truc-tuyen",
            gettext_lazy("Mức độ trực tuyến"),
            [("34", gettext_lazy("Mức độ 3–4 (một phần, toàn trình)"))] + OnlineLevel.choices,
            _online_filter,
        ),
    ],
    select_related=("announced_by",),
)

duties = register(
    model=ServiceCentreDuty,
    name="duty",
    slug="trung-tam-phuc-vu-hcc",
    title=gettext_lazy("Công chức tại Trung tâm Phục vụ hành chính công"),
    title_one=gettext_lazy("công chức được cử"),
    fields=("organization", "official_name", "position", "start", "end", "notes"),
    columns=[("official_name", gettext_lazy("Họ và tên")), "position", "start", "end"],
    imports=imports([("official_name", "Họ và tên"), "position", "start", "end", "organization", "notes"]),
    save=actions.save_duty,
    delete=actions.delete_duty,
    search=("official_name", "position", "notes"),
    date_field="start",
)


# --- Staffing ----------------------------------------------------------------------------------

# The staffing file and its export name three quota columns shortly.
STAFFING_HEADERS = {
    "civil_servant_quota": gettext_lazy("Biên chế công chức"),
    "public_employee_quota": gettext_lazy("Số lượng viên chức"),
    "civil_servant_reduction": gettext_lazy("Công chức tinh giản"),
}
FIGURE_FIELDS = (
    "civil_servant_quota",
    "public_employee_quota",
    "civil_servant_headcount",
    "public_employee_headcount",
    "civil_servant_reduction",
    "public_employee_reduction",
)
STAFFING_FIGURES = [
    (name, STAFFING_HEADERS[name]) if name in STAFFING_HEADERS else name for name in FIGURE_FIELDS
]


staffing = register(
    model=StaffingQuota,
    name="staffing",
    slug="bien-che",
    title=gettext_lazy("Biên chế, tinh giản biên chế"),
    title_one=gettext_lazy("biên chế năm"),
    description=gettext_lazy("Biên chế được giao, số hiện có, số tinh giản và tỷ lệ tinh giản theo năm."),
    fields=("organization", "year", *FIGURE_FIELDS, "decisions", "notes"),
    scopes={"decisions": "organization"},
    widgets={"decisions": forms.SelectMultiple(attrs={"size": 8})},
    columns=[
        Col(gettext_lazy("Năm"), lambda q: str(q.year)),
        "organization.short_name",
        *STAFFING_FIGURES[:2],
        Col(gettext_lazy("Tinh giản"), "reduction_count", "number", num=True),
        Col(gettext_lazy("Tỷ lệ tinh giản"), lambda q: q.reduction_pct, num=True),
    ],
    export_columns=[
        "year",
        "organization",
        *STAFFING_FIGURES,
        Col(
            gettext_lazy("Tỷ lệ tinh giản (%)"),
            lambda q: float(q.reduction_pct) if q.reduction_pct is not None else "",
        ),
        Col(gettext_lazy("Văn bản"), lambda q: "; ".join(d.ref for d in q.decisions.all())),
    ],
    detail_fields=[
        "organization",
        "year",
        *FIGURE_FIELDS,
        (
            gettext_lazy("Tỷ lệ tinh giản"),
            lambda q: f"{q.reduction_pct}%".replace(".", ",") if q.reduction_pct is not None else "—",
        ),
        "decisions",
        "notes",
    ],
    imports=imports(
        [
            "year",
            *STAFFING_FIGURES,
            "decisions",
            "organization",
            "notes",
        ],
        examples={"year": "2020"},
        help={"decisions": gettext_lazy("Số, ký hiệu; nhiều văn bản cách nhau bằng dấu chấm phẩy.")},
        describe=lambda q: (
            _("%(q)s: %(cs)s công chức, %(pe)s viên chức, tinh giản %(r)s")
            % {"q": q, "cs": q.civil_servant_quota, "pe": q.public_employee_quota, "r": q.reduction_count}
        ),
    ),
    save=actions.save_staffing_quota,
    delete=actions.delete_staffing_quota,
    search=("notes", "organization__name"),
    filters=[Filter("nam", gettext_lazy("Năm"), year_choices, "year")],
    prefetch_related=("decisions",),
    m2m_fields=("decisions",),
)


# --- Activity log ------------------------------------------------------------------------------

activity_log = register(
    model=Activity,
    name="activity",
    slug="nhat-ky",
    title=gettext_lazy("Nhật ký hoạt động"),
    title_one=gettext_lazy("hoạt động"),
    description=gettext_lazy(
        "Những việc đáng ghi vào báo cáo: thành lập đội ứng cứu sự cố, ban hành phương án…"
    ),
    fields=("organization", "date", "category", "title", "description", "document"),
    scopes={"document": "organization"},
    columns=[
        "title",
        "date",
        "category",
        Col(gettext_lazy("Văn bản"), lambda a: a.document.ref if a.document else ""),
    ],
    imports=imports(["date", "category", "title", "description", "document", "organization"]),
    save=actions.save_activity,
    delete=actions.delete_activity,
    search=("title", "description"),
    filters=[Filter("nhom", gettext_lazy("Nhóm"), ActivityCategory.choices, "category")],
    date_field="date",
    select_related=("document",),
)

REGISTERS = [campaigns, funds, contributions, procedures, duties, staffing, activity_log]
