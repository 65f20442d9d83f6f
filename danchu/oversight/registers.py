"""The oversight registers: forms, list columns, filters and import files."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
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
)
from danchu.documents.lookups import document_lookup

from . import actions
from .models import (
    PARTY_KINDS,
    DisciplineForm,
    Inspection,
    InspectionField,
    InspectionKind,
    InspectionMode,
    InspectionStatus,
    InspectionSubject,
    Outcome,
    OutcomeKind,
    PartyBody,
    PartyComplaint,
    PartyComplaintStatus,
    PartyDisciplineCase,
    PartyOversight,
    PartyOversightKind,
    Recommendation,
    SubjectType,
)

NS = "oversight"
VIEW = "oversight.view"
CHANGE_INSPECTIONS = "oversight.change_inspections"
CHANGE_PARTY = "oversight.change_party"


def _save(action):
    def save(record, values, context):
        return action(
            record, actor=context["actor"], reason=_("Nhập từ tệp %(f)s") % {"f": context["filename"]}
        )

    return save


def _org(values, context):
    return values.get("organization") or context["org"]


def _inspection_lookup(text, context):
    match = Inspection.objects.filter(ref__iexact=text, organization__in=context["orgs"]).first()
    if match is None:
        raise ValidationError(_("Không tìm thấy cuộc thanh tra, kiểm tra số hiệu “%(v)s”.") % {"v": text})
    return match


def _party_org_lookup(text, context):
    org = organization_lookup(text, context)
    if org.kind not in PARTY_KINDS:
        raise ValidationError(_("“%(v)s” không phải đảng ủy hoặc chi bộ.") % {"v": text})
    return org


ORG_COLUMN = Column(
    "organization",
    "Cơ quan tiến hành",
    kind="lookup",
    lookup=organization_lookup,
    help=gettext_lazy("Mã hoặc tên; để trống là cơ quan đang làm việc."),
    example="TV.STTTT",
)


# --- Inspections -------------------------------------------------------------------------------


class InspectionForm(RegisterForm):
    scopes = {"decision": "organization"}

    class Meta:
        model = Inspection
        fields = [
            "organization",
            "ref",
            "kind",
            "mode",
            "partner",
            "field",
            "subject_line",
            "decision",
            "start",
            "end",
            "status",
            "notes",
        ]


def inspection_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column("ref", "Số hiệu", required=True, max_length=32, example="TTr-01/2020"),
            Column(
                "kind",
                "Loại",
                kind="choice",
                choices=InspectionKind.choices,
                default=InspectionKind.SPECIALISED,
            ),
            Column(
                "mode", "Hình thức", kind="choice", choices=InspectionMode.choices, default=InspectionMode.LED
            ),
            Column("partner", "Cơ quan phối hợp", max_length=255, example="Công an tỉnh"),
            Column("field", "Lĩnh vực", kind="choice", choices=InspectionField.choices, required=True),
            Column("subject_line", "Nội dung", required=True, max_length=500),
            Column("start", "Ngày bắt đầu", kind="date", required=True, example="15/4/2020"),
            Column("end", "Ngày kết thúc", kind="date"),
            Column(
                "status",
                "Trạng thái",
                kind="choice",
                choices=InspectionStatus.choices,
                default=InspectionStatus.CONCLUDED,
            ),
            Column(
                "decision",
                "Quyết định",
                kind="lookup",
                lookup=document_lookup,
                help=gettext_lazy("Số, ký hiệu văn bản đã có trong sổ."),
            ),
            ORG_COLUMN,
            Column("notes", "Ghi chú"),
        ],
        build=lambda v, c: Inspection(**{**v, "organization": _org(v, c)}),
        save=_save(actions.save_inspection),
        describe=lambda i: f"{i.ref} — {i.get_mode_display()} — {i.subject_line}",
    )


inspections = Register(
    model=Inspection,
    name="inspection",
    slug="dot-thanh-tra",
    namespace=NS,
    title=gettext_lazy("Thanh tra, kiểm tra"),
    title_one=gettext_lazy("cuộc thanh tra, kiểm tra"),
    description=gettext_lazy(
        "Thanh tra hành chính đơn vị trực thuộc và thanh tra, kiểm tra chuyên ngành; chủ trì hoặc phối hợp."
    ),
    form_class=InspectionForm,
    columns=[
        Col(gettext_lazy("Số hiệu"), "ref"),
        Col(gettext_lazy("Nội dung"), "subject_line"),
        Col(gettext_lazy("Loại"), "kind", "choice"),
        Col(gettext_lazy("Hình thức"), "mode", "choice"),
        Col(gettext_lazy("Phối hợp với"), "partner"),
        Col(gettext_lazy("Lĩnh vực"), "field", "choice"),
        Col(gettext_lazy("Bắt đầu"), "start", "date"),
        Col(gettext_lazy("Số đối tượng"), "n_subjects", "number", num=True),
        Col(gettext_lazy("Vi phạm"), "n_violations", "number", num=True),
    ],
    export_columns=[
        Col(gettext_lazy("Số hiệu"), "ref"),
        Col(gettext_lazy("Cơ quan tiến hành"), "organization"),
        Col(gettext_lazy("Loại"), "kind", "choice"),
        Col(gettext_lazy("Hình thức"), "mode", "choice"),
        Col(gettext_lazy("Cơ quan phối hợp"), "partner"),
        Col(gettext_lazy("Lĩnh vực"), "field", "choice"),
        Col(gettext_lazy("Nội dung"), "subject_line"),
        Col(gettext_lazy("Quyết định"), lambda o: o.decision.ref if o.decision else ""),
        Col(gettext_lazy("Ngày bắt đầu"), "start"),
        Col(gettext_lazy("Ngày kết thúc"), "end"),
        Col(gettext_lazy("Trạng thái"), "status", "choice"),
        Col(gettext_lazy("Số đối tượng"), "n_subjects"),
        Col(gettext_lazy("Số đối tượng vi phạm"), "n_violations"),
        Col(gettext_lazy("Ghi chú"), "notes"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_INSPECTIONS,
    save=actions.save_inspection,
    delete=actions.delete_inspection,
    search=("ref", "subject_line", "partner", "notes"),
    filters=[
        Filter("loai", gettext_lazy("Loại"), InspectionKind.choices, "kind"),
        Filter("hinh-thuc", gettext_lazy("Hình thức"), InspectionMode.choices, "mode"),
        Filter("linh-vuc", gettext_lazy("Lĩnh vực"), InspectionField.choices, "field"),
        Filter("trang-thai", gettext_lazy("Trạng thái"), InspectionStatus.choices, "status"),
    ],
    date_field="start",
    select_related=("decision",),
    annotate=lambda qs: qs.annotate(
        n_subjects=Count("subjects", distinct=True),
        n_violations=Count("subjects", filter=Q(subjects__in_violation=True), distinct=True),
    ),
    detail_fields=[
        "ref",
        "organization",
        "kind",
        "mode",
        "partner",
        "field",
        "subject_line",
        "decision",
        "start",
        "end",
        "status",
        "notes",
    ],
    import_spec=inspection_spec,
)


# --- Subjects ----------------------------------------------------------------------------------


class SubjectForm(RegisterForm):
    scopes = {"inspection": "organization"}

    class Meta:
        model = InspectionSubject
        fields = ["inspection", "name", "subject_type", "address", "in_violation", "violation"]


def subject_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column(
                "inspection",
                "Số hiệu cuộc thanh tra",
                kind="lookup",
                lookup=_inspection_lookup,
                required=True,
            ),
            Column("name", "Tên đối tượng", required=True, max_length=255),
            Column(
                "subject_type",
                "Loại đối tượng",
                kind="choice",
                choices=SubjectType.choices,
                default=SubjectType.ORGANISATION,
            ),
            Column("address", "Địa chỉ", max_length=255),
            Column("in_violation", "Có vi phạm", kind="bool", example="có"),
            Column("violation", "Hành vi vi phạm"),
        ],
        build=lambda v, c: InspectionSubject(**v),
        save=_save(actions.save_subject),
        describe=lambda s: f"{s.inspection.ref}: {s.name}" + (_(" (vi phạm)") if s.in_violation else ""),
    )


subjects = Register(
    model=InspectionSubject,
    name="subject",
    slug="doi-tuong",
    namespace=NS,
    title=gettext_lazy("Đối tượng thanh tra, kiểm tra"),
    title_one=gettext_lazy("đối tượng thanh tra, kiểm tra"),
    form_class=SubjectForm,
    columns=[
        Col(gettext_lazy("Tên đối tượng"), "name"),
        Col(gettext_lazy("Loại"), "subject_type", "choice"),
        Col(gettext_lazy("Cuộc thanh tra"), "inspection.ref"),
        Col(gettext_lazy("Có vi phạm"), "in_violation", "bool"),
        Col(gettext_lazy("Hành vi vi phạm"), "violation"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_INSPECTIONS,
    save=actions.save_subject,
    delete=actions.delete_subject,
    org_field="inspection__organization",
    parent_fk="inspection",
    search=("name", "address", "violation", "inspection__ref"),
    filters=[
        Filter("vi-pham", gettext_lazy("Có vi phạm"), BOOL_CHOICES, "in_violation"),
        Filter("loai", gettext_lazy("Loại đối tượng"), SubjectType.choices, "subject_type"),
    ],
    date_field="inspection__start",
    select_related=("inspection",),
    ordering=("-inspection__start", "inspection", "pk"),
    detail_fields=["inspection", "name", "subject_type", "address", "in_violation", "violation"],
    import_spec=subject_spec,
)


# --- Outcomes ----------------------------------------------------------------------------------


class OutcomeForm(RegisterForm):
    scopes = {"subject": "inspection__organization", "decision": "organization"}
    fine_vnd = VNIntegerField(
        label=gettext_lazy("Tiền phạt (đồng)"), required=False, help_text=gettext_lazy("Ví dụ: 7.500.000")
    )

    class Meta:
        model = Outcome
        fields = ["subject", "kind", "referred_to", "decision", "fine_vnd", "date", "notes"]

    def clean_fine_vnd(self):
        return self.cleaned_data.get("fine_vnd") or 0


def _build_outcome(values, context):
    inspection = values.pop("inspection")
    name = values.pop("subject_name")
    subject = inspection.subjects.filter(name__iexact=name).first()
    if subject is None:
        raise ValidationError(
            {
                "subject": _("Cuộc %(ref)s không có đối tượng “%(name)s”.")
                % {"ref": inspection.ref, "name": name}
            }
        )
    values["fine_vnd"] = values.get("fine_vnd") or 0
    return Outcome(subject=subject, **values)


def outcome_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column(
                "inspection",
                "Số hiệu cuộc thanh tra",
                kind="lookup",
                lookup=_inspection_lookup,
                required=True,
            ),
            Column("subject_name", "Tên đối tượng", required=True, field="subject"),
            Column("kind", "Hình thức xử lý", kind="choice", choices=OutcomeKind.choices, required=True),
            Column("referred_to", "Chuyển đến", max_length=255),
            Column("decision", "Quyết định xử phạt", kind="lookup", lookup=document_lookup),
            Column("fine_vnd", "Tiền phạt (đồng)", kind="integer", example="7.500.000"),
            Column("date", "Ngày", kind="date", required=True),
            Column("notes", "Ghi chú"),
        ],
        build=_build_outcome,
        save=_save(actions.save_outcome),
        describe=str,
    )


outcomes = Register(
    model=Outcome,
    name="outcome",
    slug="xu-ly",
    namespace=NS,
    title=gettext_lazy("Kết quả xử lý vi phạm"),
    title_one=gettext_lazy("kết quả xử lý"),
    form_class=OutcomeForm,
    columns=[
        Col(gettext_lazy("Đối tượng"), "subject.name"),
        Col(gettext_lazy("Hình thức xử lý"), "kind", "choice"),
        Col(gettext_lazy("Chuyển đến"), "referred_to"),
        Col(gettext_lazy("Quyết định"), lambda o: o.decision.ref if o.decision else ""),
        Col(gettext_lazy("Tiền phạt (đồng)"), "fine_vnd", "money", num=True),
        Col(gettext_lazy("Ngày"), "date", "date"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_INSPECTIONS,
    save=actions.save_outcome,
    delete=actions.delete_outcome,
    org_field="subject__inspection__organization",
    parent_fk="subject",
    search=("subject__name", "referred_to", "notes", "decision__ref"),
    filters=[Filter("hinh-thuc", gettext_lazy("Hình thức xử lý"), OutcomeKind.choices, "kind")],
    date_field="date",
    select_related=("subject", "subject__inspection", "decision"),
    detail_fields=["subject", "kind", "referred_to", "decision", "fine_vnd", "date", "notes"],
    import_spec=outcome_spec,
)


# --- Recommendations ---------------------------------------------------------------------------


class RecommendationForm(RegisterForm):
    scopes = {"inspection": "organization"}

    class Meta:
        model = Recommendation
        fields = ["inspection", "text", "due", "done_on", "follow_up"]


def recommendation_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            Column(
                "inspection",
                "Số hiệu cuộc thanh tra",
                kind="lookup",
                lookup=_inspection_lookup,
                required=True,
            ),
            Column("text", "Kiến nghị", required=True),
            Column("due", "Hạn thực hiện", kind="date"),
            Column("done_on", "Ngày hoàn thành", kind="date"),
            Column("follow_up", "Theo dõi thực hiện"),
        ],
        build=lambda v, c: Recommendation(**v),
        save=_save(actions.save_recommendation),
        describe=lambda r: f"{r.inspection.ref}: {r.text[:80]}",
    )


def _done_filter(qs, value):
    return qs.filter(done_on__isnull=value != "true")


recommendations = Register(
    model=Recommendation,
    name="recommendation",
    slug="kien-nghi",
    namespace=NS,
    title=gettext_lazy("Theo dõi kiến nghị sau thanh tra"),
    title_one=gettext_lazy("kiến nghị"),
    form_class=RecommendationForm,
    columns=[
        Col(gettext_lazy("Kiến nghị"), lambda r: r.text[:120]),
        Col(gettext_lazy("Cuộc thanh tra"), "inspection.ref"),
        Col(gettext_lazy("Hạn"), "due", "date"),
        Col(gettext_lazy("Hoàn thành"), "done_on", "date"),
    ],
    export_columns=[
        Col(gettext_lazy("Kiến nghị"), "text"),
        Col(gettext_lazy("Cuộc thanh tra"), "inspection.ref"),
        Col(gettext_lazy("Hạn"), "due"),
        Col(gettext_lazy("Hoàn thành"), "done_on"),
        Col(gettext_lazy("Theo dõi thực hiện"), "follow_up"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_INSPECTIONS,
    save=actions.save_recommendation,
    delete=actions.delete_recommendation,
    org_field="inspection__organization",
    parent_fk="inspection",
    search=("text", "follow_up", "inspection__ref"),
    filters=[Filter("hoan-thanh", gettext_lazy("Đã hoàn thành"), BOOL_CHOICES, _done_filter)],
    date_field="inspection__start",
    select_related=("inspection",),
    detail_fields=["inspection", "text", "due", "done_on", "follow_up"],
    import_spec=recommendation_spec,
)

inspections.children = [
    Child(subjects, "inspection", gettext_lazy("Đối tượng")),
    Child(recommendations, "inspection", gettext_lazy("Kiến nghị và theo dõi thực hiện")),
]
subjects.children = [Child(outcomes, "subject", gettext_lazy("Kết quả xử lý"))]
subjects.parent_register = inspections
recommendations.parent_register = inspections
outcomes.parent_register = subjects


# --- Party oversight ---------------------------------------------------------------------------


class PartyForm(RegisterForm):
    scopes = {"decision": "organization"}

    def limit_organizations(self, orgs):
        return orgs.filter(kind__in=PARTY_KINDS).order_by("path")


class PartyOversightForm(PartyForm):
    class Meta:
        model = PartyOversight
        fields = ["organization", "kind", "body", "subject", "date", "violations_found", "conclusion"]


PARTY_ORG_COLUMN = Column(
    "organization",
    "Tổ chức đảng",
    kind="lookup",
    lookup=_party_org_lookup,
    required=True,
    example="TV.STTTT.DU",
)


def party_oversight_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            PARTY_ORG_COLUMN,
            Column("kind", "Loại", kind="choice", choices=PartyOversightKind.choices, required=True),
            Column("body", "Chủ thể tiến hành", kind="choice", choices=PartyBody.choices, required=True),
            Column("subject", "Đối tượng, nội dung", required=True, max_length=500),
            Column("date", "Ngày", kind="date", required=True),
            Column("violations_found", "Phát hiện vi phạm", kind="bool"),
            Column("conclusion", "Kết luận"),
        ],
        build=lambda v, c: PartyOversight(**v),
        save=_save(actions.save_party_oversight),
        describe=str,
    )


party_oversight = Register(
    model=PartyOversight,
    name="party",
    slug="kiem-tra-giam-sat-dang",
    namespace=NS,
    title=gettext_lazy("Kiểm tra, giám sát của Đảng"),
    title_one=gettext_lazy("cuộc kiểm tra, giám sát"),
    description=gettext_lazy(
        "Kiểm tra, giám sát chuyên đề và thường xuyên của Đảng ủy, Ủy ban Kiểm tra, chi bộ."
    ),
    form_class=PartyOversightForm,
    columns=[
        Col(gettext_lazy("Đối tượng, nội dung"), "subject"),
        Col(gettext_lazy("Loại"), "kind", "choice"),
        Col(gettext_lazy("Chủ thể"), "body", "choice"),
        Col(gettext_lazy("Tổ chức đảng"), "organization.short_name"),
        Col(gettext_lazy("Ngày"), "date", "date"),
        Col(gettext_lazy("Vi phạm"), "violations_found", "bool"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_PARTY,
    save=actions.save_party_oversight,
    delete=actions.delete_party_oversight,
    search=("subject", "conclusion"),
    filters=[
        Filter("loai", gettext_lazy("Loại"), PartyOversightKind.choices, "kind"),
        Filter("chu-the", gettext_lazy("Chủ thể"), PartyBody.choices, "body"),
        Filter("vi-pham", gettext_lazy("Phát hiện vi phạm"), BOOL_CHOICES, "violations_found"),
    ],
    date_field="date",
    detail_fields=["organization", "kind", "body", "subject", "date", "violations_found", "conclusion"],
    import_spec=party_oversight_spec,
)


class DisciplineForm_(PartyForm):
    class Meta:
        model = PartyDisciplineCase
        fields = ["organization", "member_name", "date", "form", "reason", "decision"]


def discipline_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            PARTY_ORG_COLUMN,
            Column("member_name", "Đảng viên, tổ chức đảng bị kỷ luật", required=True, max_length=255),
            Column("date", "Ngày quyết định", kind="date", required=True),
            Column("form", "Hình thức kỷ luật", kind="choice", choices=DisciplineForm.choices, required=True),
            Column("reason", "Nội dung vi phạm", required=True),
            Column("decision", "Quyết định kỷ luật", kind="lookup", lookup=document_lookup),
        ],
        build=lambda v, c: PartyDisciplineCase(**v),
        save=_save(actions.save_discipline_case),
        describe=str,
    )


discipline_cases = Register(
    model=PartyDisciplineCase,
    name="discipline",
    slug="ky-luat-dang",
    namespace=NS,
    title=gettext_lazy("Kỷ luật đảng"),
    title_one=gettext_lazy("vụ kỷ luật"),
    form_class=DisciplineForm_,
    columns=[
        Col(gettext_lazy("Đảng viên, tổ chức"), "member_name"),
        Col(gettext_lazy("Hình thức"), "form", "choice"),
        Col(gettext_lazy("Tổ chức đảng"), "organization.short_name"),
        Col(gettext_lazy("Ngày"), "date", "date"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_PARTY,
    save=actions.save_discipline_case,
    delete=actions.delete_discipline_case,
    search=("member_name", "reason"),
    filters=[Filter("hinh-thuc", gettext_lazy("Hình thức"), DisciplineForm.choices, "form")],
    date_field="date",
    select_related=("decision",),
    detail_fields=["organization", "member_name", "date", "form", "reason", "decision"],
    import_spec=discipline_spec,
)


class PartyComplaintForm(PartyForm):
    class Meta:
        model = PartyComplaint
        fields = ["organization", "received_on", "about", "summary", "status", "result"]


def complaint_spec(register):
    return ImportSpec(
        title=register.title,
        columns=[
            PARTY_ORG_COLUMN,
            Column("received_on", "Ngày nhận", kind="date", required=True),
            Column("about", "Đảng viên bị khiếu nại, tố cáo", required=True, max_length=255),
            Column("summary", "Nội dung", required=True),
            Column(
                "status",
                "Tình trạng",
                kind="choice",
                choices=PartyComplaintStatus.choices,
                default=PartyComplaintStatus.RECEIVED,
            ),
            Column("result", "Kết quả giải quyết"),
        ],
        build=lambda v, c: PartyComplaint(**v),
        save=_save(actions.save_party_complaint),
        describe=str,
    )


party_complaints = Register(
    model=PartyComplaint,
    name="party_complaint",
    slug="khieu-nai-to-cao-dang-vien",
    namespace=NS,
    title=gettext_lazy("Khiếu nại, tố cáo đối với đảng viên"),
    title_one=gettext_lazy("đơn khiếu nại, tố cáo"),
    form_class=PartyComplaintForm,
    columns=[
        Col(gettext_lazy("Về đảng viên"), "about"),
        Col(gettext_lazy("Ngày nhận"), "received_on", "date"),
        Col(gettext_lazy("Tổ chức đảng"), "organization.short_name"),
        Col(gettext_lazy("Tình trạng"), "status", "choice"),
    ],
    view_perm=VIEW,
    change_perm=CHANGE_PARTY,
    save=actions.save_party_complaint,
    delete=actions.delete_party_complaint,
    search=("about", "summary", "result"),
    filters=[Filter("tinh-trang", gettext_lazy("Tình trạng"), PartyComplaintStatus.choices, "status")],
    date_field="received_on",
    detail_fields=["organization", "received_on", "about", "summary", "status", "result"],
    import_spec=complaint_spec,
)

REGISTERS = [
    inspections,
    subjects,
    outcomes,
    recommendations,
    party_oversight,
    discipline_cases,
    party_complaints,
]
