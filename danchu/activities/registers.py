"""The activities registers: forms, list columns, filters and import files."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core.imports import Column, ImportSpec
from danchu.core.registers import (
    BOOL_CHOICES,
    Child,
    Col,
    Filter,
    Register,
    RegisterForm,
    VNIntegerField,
    organization_lookup,
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

NS = "activities"
VIEW = "activities.view"
CHANGE = "activities.change"


def _save(action):
    def save(record, values, context):
        return action(
            record, actor=context["actor"], reason=_("Nhập từ tệp %(f)s") % {"f": context["filename"]}
        )

    return save


def _with_org(model):
    def build(values, context):
        return model(**{**values, "organization": values.get("organization") or context["org"]})

    return build


def org_column(header="Cơ quan, đơn vị"):
    return Column(
        "organization",
        header,
        kind="lookup",
        lookup=organization_lookup,
        help=gettext_lazy("Mã hoặc tên; để trống là cơ quan đang làm việc."),
        example="TV.STTTT",
    )


# --- Campaigns ---------------------------------------------------------------------------------


class CampaignForm(RegisterForm):
    class Meta:
        model = Campaign
        fields = [
            "organization",
            "topic",
            "channel",
            "start",
            "end",
            "articles",
            "documents",
            "banners",
            "notes",
        ]


def campaign_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("topic", "Chủ đề", required=True, max_length=255, example="Đại hội Đảng bộ tỉnh"),
            Column("channel", "Kênh", kind="choice", choices=Channel.choices, required=True),
            Column("start", "Từ ngày", kind="date", required=True),
            Column("end", "Đến ngày", kind="date"),
            Column("articles", "Số tin, bài", kind="integer", default=0),
            Column("documents", "Số văn bản", kind="integer", default=0),
            Column("banners", "Số băng rôn, pano", kind="integer", default=0),
            org_column(),
            Column("notes", "Ghi chú"),
        ],
        build=_with_org(Campaign),
        save=_save(actions.save_campaign),
        describe=lambda c: (
            _("%(topic)s: %(a)s tin, bài; %(d)s văn bản; %(b)s băng rôn")
            % {"topic": c, "a": c.articles, "d": c.documents, "b": c.banners}
        ),
    )


campaigns = Register(
    model=Campaign,
    name="campaign",
    slug="tuyen-truyen",
    namespace=NS,
    title=gettext_lazy("Tuyên truyền"),
    title_one=gettext_lazy("đợt tuyên truyền"),
    description=gettext_lazy("Tin, bài, văn bản và băng rôn tuyên truyền theo chủ đề và kênh."),
    form_class=CampaignForm,
    columns=[
        Col(gettext_lazy("Chủ đề"), "topic"),
        Col(gettext_lazy("Kênh"), "channel", "choice"),
        Col(gettext_lazy("Từ ngày"), "start", "date"),
        Col(gettext_lazy("Đến ngày"), "end", "date"),
        Col(gettext_lazy("Tin, bài"), "articles", "number", num=True),
        Col(gettext_lazy("Văn bản"), "documents", "number", num=True),
        Col(gettext_lazy("Băng rôn"), "banners", "number", num=True),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
    save=actions.save_campaign,
    delete=actions.delete_campaign,
    search=("topic", "notes"),
    filters=[Filter("kenh", gettext_lazy("Kênh"), Channel.choices, "channel")],
    date_field="start",
    detail_fields=[
        "organization",
        "topic",
        "channel",
        "start",
        "end",
        "articles",
        "documents",
        "banners",
        "notes",
    ],
    import_spec=campaign_spec,
)


# --- Funds and contributions -------------------------------------------------------------------


class FundForm(RegisterForm):
    class Meta:
        model = Fund
        fields = ["organization", "name", "purpose"]


def fund_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("name", "Tên quỹ", required=True, max_length=255),
            Column("purpose", "Mục đích"),
            org_column(),
        ],
        build=_with_org(Fund),
        save=_save(actions.save_fund),
        describe=str,
    )


funds = Register(
    model=Fund,
    name="fund",
    slug="quy",
    namespace=NS,
    title=gettext_lazy("Quỹ"),
    title_one=gettext_lazy("quỹ"),
    description=gettext_lazy("Các quỹ cán bộ, công chức, viên chức đóng góp và số tiền đóng góp."),
    form_class=FundForm,
    columns=[
        Col(gettext_lazy("Tên quỹ"), "name"),
        Col(gettext_lazy("Cơ quan, đơn vị"), "organization.short_name"),
        Col(gettext_lazy("Số khoản"), "n_contributions", "number", num=True),
        Col(gettext_lazy("Tổng số tiền (đồng)"), "total_vnd", "money", num=True),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
    save=actions.save_fund,
    delete=actions.delete_fund,
    search=("name", "purpose"),
    annotate=lambda qs: qs.annotate(
        n_contributions=Count("contributions"), total_vnd=Sum("contributions__amount_vnd")
    ),
    detail_fields=[
        "organization",
        "name",
        "purpose",
        (gettext_lazy("Tổng số tiền (đồng)"), lambda f: f.total_vnd or 0),
    ],
    import_spec=fund_spec,
)


class ContributionForm(RegisterForm):
    scopes = {"fund": "organization"}
    amount_vnd = VNIntegerField(
        label=gettext_lazy("Số tiền (đồng)"), help_text=gettext_lazy("Ví dụ: 14.193.000")
    )

    class Meta:
        model = Contribution
        fields = ["fund", "date", "amount_vnd", "contributor", "notes"]


def _fund_lookup(text, context):
    match = Fund.objects.filter(name__iexact=text, organization__in=context["orgs"]).first()
    if match is None:
        raise ValidationError(_("Không tìm thấy quỹ “%(v)s”; hãy tạo quỹ trước.") % {"v": text})
    return match


def contribution_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("fund", "Tên quỹ", kind="lookup", lookup=_fund_lookup, required=True),
            Column("date", "Ngày", kind="date", required=True),
            Column("amount_vnd", "Số tiền (đồng)", kind="integer", required=True, example="14.193.000"),
            Column("contributor", "Người, đơn vị đóng góp", max_length=255),
            Column("notes", "Ghi chú"),
        ],
        build=lambda v, c: Contribution(**v),
        save=_save(actions.save_contribution),
        describe=str,
    )


contributions = Register(
    model=Contribution,
    name="contribution",
    slug="dong-gop",
    namespace=NS,
    title=gettext_lazy("Khoản đóng góp quỹ"),
    title_one=gettext_lazy("khoản đóng góp"),
    form_class=ContributionForm,
    columns=[
        Col(gettext_lazy("Quỹ"), "fund.name"),
        Col(gettext_lazy("Ngày"), "date", "date"),
        Col(gettext_lazy("Người, đơn vị đóng góp"), "contributor"),
        Col(gettext_lazy("Số tiền (đồng)"), "amount_vnd", "money", num=True),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
    save=actions.save_contribution,
    delete=actions.delete_contribution,
    org_field="fund__organization",
    parent_fk="fund",
    search=("fund__name", "contributor", "notes"),
    date_field="date",
    select_related=("fund",),
    detail_fields=["fund", "date", "amount_vnd", "contributor", "notes"],
    import_spec=contribution_spec,
)
funds.children = [Child(contributions, "fund", gettext_lazy("Các khoản đóng góp"))]
contributions.parent_register = funds


# --- Administrative procedures -----------------------------------------------------------------


class ProcedureForm(RegisterForm):
    scopes = {"announced_by": "organization"}

    class Meta:
        model = AdministrativeProcedure
        fields = [
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
        ]


def procedure_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("code", "Mã thủ tục", required=True, max_length=32, example="1.004435"),
            Column("name", "Tên thủ tục", required=True, max_length=500),
            Column("field", "Lĩnh vực", required=True, max_length=128, example="Báo chí"),
            Column("on_portal", "Cổng thông tin tỉnh", kind="bool", example="có"),
            Column("on_website", "Trang thông tin của cơ quan", kind="bool"),
            Column("on_notice_board", "Niêm yết tại trụ sở", kind="bool"),
            Column("at_service_centre", "Trung tâm Phục vụ hành chính công", kind="bool"),
            Column(
                "online_level",
                "Mức độ trực tuyến",
                kind="choice",
                choices=OnlineLevel.choices,
                default=OnlineLevel.NONE,
                help=gettext_lazy("Trước 2022: mức độ 2, 3, 4; từ 2022: một phần, toàn trình."),
            ),
            Column("announced_by", "Quyết định công bố", kind="lookup", lookup=document_lookup),
            Column("valid_from", "Áp dụng từ", kind="date"),
            Column("valid_to", "Áp dụng đến", kind="date"),
            org_column("Cơ quan giải quyết"),
        ],
        build=_with_org(AdministrativeProcedure),
        save=_save(actions.save_procedure),
        describe=str,
    )


def _posted_filter(qs, value):
    from django.db.models import Q

    posted = Q(on_portal=True) | Q(on_website=True) | Q(on_notice_board=True) | Q(at_service_centre=True)
    return qs.filter(posted) if value == "true" else qs.exclude(posted)


def _online_filter(qs, value):
    return qs.filter(online_level__in=LEVELS_3_4) if value == "34" else qs.filter(online_level=value)


procedures = Register(
    model=AdministrativeProcedure,
    name="procedure",
    slug="thu-tuc-hanh-chinh",
    namespace=NS,
    title=gettext_lazy("Thủ tục hành chính"),
    title_one=gettext_lazy("thủ tục hành chính"),
    description=gettext_lazy("Danh mục thủ tục, nơi công khai và mức độ dịch vụ công trực tuyến."),
    form_class=ProcedureForm,
    columns=[
        Col(gettext_lazy("Mã"), "code"),
        Col(gettext_lazy("Tên thủ tục"), "name"),
        Col(gettext_lazy("Lĩnh vực"), "field"),
        Col(gettext_lazy("Cổng tỉnh"), "on_portal", "bool"),
        Col(gettext_lazy("Trang cơ quan"), "on_website", "bool"),
        Col(gettext_lazy("Trụ sở"), "on_notice_board", "bool"),
        Col(gettext_lazy("TT PVHCC"), "at_service_centre", "bool"),
        Col(gettext_lazy("Trực tuyến"), "online_level", "choice"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
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
    import_spec=procedure_spec,
)


class DutyForm(RegisterForm):
    class Meta:
        model = ServiceCentreDuty
        fields = ["organization", "official_name", "position", "start", "end", "notes"]


def duty_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("official_name", "Họ và tên", required=True, max_length=128),
            Column("position", "Chức vụ", max_length=128),
            Column("start", "Từ ngày", kind="date", required=True),
            Column("end", "Đến ngày", kind="date"),
            org_column("Cơ quan cử"),
            Column("notes", "Ghi chú"),
        ],
        build=_with_org(ServiceCentreDuty),
        save=_save(actions.save_duty),
        describe=str,
    )


duties = Register(
    model=ServiceCentreDuty,
    name="duty",
    slug="trung-tam-phuc-vu-hcc",
    namespace=NS,
    title=gettext_lazy("Công chức tại Trung tâm Phục vụ hành chính công"),
    title_one=gettext_lazy("công chức được cử"),
    form_class=DutyForm,
    columns=[
        Col(gettext_lazy("Họ và tên"), "official_name"),
        Col(gettext_lazy("Chức vụ"), "position"),
        Col(gettext_lazy("Từ ngày"), "start", "date"),
        Col(gettext_lazy("Đến ngày"), "end", "date"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
    save=actions.save_duty,
    delete=actions.delete_duty,
    search=("official_name", "position", "notes"),
    date_field="start",
    import_spec=duty_spec,
)


# --- Staffing ----------------------------------------------------------------------------------


class StaffingForm(RegisterForm):
    scopes = {"decisions": "organization"}

    class Meta:
        model = StaffingQuota
        fields = [
            "organization",
            "year",
            "civil_servant_quota",
            "public_employee_quota",
            "civil_servant_headcount",
            "public_employee_headcount",
            "civil_servant_reduction",
            "public_employee_reduction",
            "decisions",
            "notes",
        ]
        widgets = {"decisions": forms.SelectMultiple(attrs={"size": 8})}


def _documents_lookup(text, context):
    return [document_lookup(part.strip(), context) for part in text.split(";") if part.strip()]


def _save_quota(record, values, context):
    return actions.save_staffing_quota(
        record,
        actor=context["actor"],
        m2m={"decisions": values.get("decisions") or []},
        reason=_("Nhập từ tệp %(f)s") % {"f": context["filename"]},
    )


def staffing_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("year", "Năm", kind="integer", required=True, example="2020"),
            Column("civil_servant_quota", "Biên chế công chức", kind="integer", required=True),
            Column("public_employee_quota", "Số lượng viên chức", kind="integer", required=True),
            Column("civil_servant_headcount", "Công chức hiện có", kind="integer"),
            Column("public_employee_headcount", "Viên chức hiện có", kind="integer"),
            Column("civil_servant_reduction", "Công chức tinh giản", kind="integer", default=0),
            Column("public_employee_reduction", "Viên chức tinh giản", kind="integer", default=0),
            Column(
                "decisions",
                "Văn bản sắp xếp, tinh giản",
                kind="lookup",
                lookup=_documents_lookup,
                help=gettext_lazy("Số, ký hiệu; nhiều văn bản cách nhau bằng dấu chấm phẩy."),
            ),
            org_column(),
            Column("notes", "Ghi chú"),
        ],
        build=lambda v, c: StaffingQuota(
            **{k: val for k, val in v.items() if k not in ("decisions", "organization")},
            organization=v.get("organization") or c["org"],
        ),
        save=_save_quota,
        describe=lambda q: (
            _("%(q)s: %(cs)s công chức, %(pe)s viên chức, tinh giản %(r)s")
            % {"q": q, "cs": q.civil_servant_quota, "pe": q.public_employee_quota, "r": q.reduction_count}
        ),
    )


staffing = Register(
    model=StaffingQuota,
    name="staffing",
    slug="bien-che",
    namespace=NS,
    title=gettext_lazy("Biên chế, tinh giản biên chế"),
    title_one=gettext_lazy("biên chế năm"),
    description=gettext_lazy("Biên chế được giao, số hiện có, số tinh giản và tỷ lệ tinh giản theo năm."),
    form_class=StaffingForm,
    columns=[
        Col(gettext_lazy("Năm"), lambda q: str(q.year)),
        Col(gettext_lazy("Cơ quan, đơn vị"), "organization.short_name"),
        Col(gettext_lazy("Biên chế công chức"), "civil_servant_quota", "number", num=True),
        Col(gettext_lazy("Số lượng viên chức"), "public_employee_quota", "number", num=True),
        Col(gettext_lazy("Tinh giản"), "reduction_count", "number", num=True),
        Col(gettext_lazy("Tỷ lệ tinh giản"), lambda q: q.reduction_pct, num=True),
    ],
    export_columns=[
        Col(gettext_lazy("Năm"), "year"),
        Col(gettext_lazy("Cơ quan, đơn vị"), "organization"),
        Col(gettext_lazy("Biên chế công chức"), "civil_servant_quota"),
        Col(gettext_lazy("Số lượng viên chức"), "public_employee_quota"),
        Col(gettext_lazy("Công chức hiện có"), "civil_servant_headcount"),
        Col(gettext_lazy("Viên chức hiện có"), "public_employee_headcount"),
        Col(gettext_lazy("Công chức tinh giản"), "civil_servant_reduction"),
        Col(gettext_lazy("Viên chức tinh giản"), "public_employee_reduction"),
        Col(
            gettext_lazy("Tỷ lệ tinh giản (%)"),
            lambda q: float(q.reduction_pct) if q.reduction_pct is not None else "",
        ),
        Col(gettext_lazy("Văn bản"), lambda q: "; ".join(d.ref for d in q.decisions.all())),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
    save=actions.save_staffing_quota,
    delete=actions.delete_staffing_quota,
    search=("notes", "organization__name"),
    filters=[Filter("nam", gettext_lazy("Năm"), year_choices, "year")],
    prefetch_related=("decisions",),
    m2m_fields=("decisions",),
    detail_fields=[
        "organization",
        "year",
        "civil_servant_quota",
        "public_employee_quota",
        "civil_servant_headcount",
        "public_employee_headcount",
        "civil_servant_reduction",
        "public_employee_reduction",
        (
            gettext_lazy("Tỷ lệ tinh giản"),
            lambda q: f"{q.reduction_pct}%".replace(".", ",") if q.reduction_pct is not None else "—",
        ),
        "decisions",
        "notes",
    ],
    import_spec=staffing_spec,
)


# --- Activity log ------------------------------------------------------------------------------


class ActivityForm(RegisterForm):
    scopes = {"document": "organization"}

    class Meta:
        model = Activity
        fields = ["organization", "date", "category", "title", "description", "document"]


def activity_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("date", "Ngày", kind="date", required=True),
            Column("category", "Nhóm", kind="choice", choices=ActivityCategory.choices, required=True),
            Column("title", "Tiêu đề", required=True, max_length=255),
            Column("description", "Mô tả"),
            Column("document", "Văn bản liên quan", kind="lookup", lookup=document_lookup),
            org_column(),
        ],
        build=_with_org(Activity),
        save=_save(actions.save_activity),
        describe=str,
    )


activity_log = Register(
    model=Activity,
    name="activity",
    slug="nhat-ky",
    namespace=NS,
    title=gettext_lazy("Nhật ký hoạt động"),
    title_one=gettext_lazy("hoạt động"),
    description=gettext_lazy(
        "Những việc đáng ghi vào báo cáo: thành lập đội ứng cứu sự cố, ban hành phương án…"
    ),
    form_class=ActivityForm,
    columns=[
        Col(gettext_lazy("Tiêu đề"), "title"),
        Col(gettext_lazy("Ngày"), "date", "date"),
        Col(gettext_lazy("Nhóm"), "category", "choice"),
        Col(gettext_lazy("Văn bản"), lambda a: a.document.ref if a.document else ""),
    ],
    view_perm=VIEW,
    change_perm=CHANGE,
    save=actions.save_activity,
    delete=actions.delete_activity,
    search=("title", "description"),
    filters=[Filter("nhom", gettext_lazy("Nhóm"), ActivityCategory.choices, "category")],
    date_field="date",
    select_related=("document",),
    import_spec=activity_spec,
)

REGISTERS = [campaigns, funds, contributions, procedures, duties, staffing, activity_log]
