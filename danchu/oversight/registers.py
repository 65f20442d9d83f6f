"""The oversight registers (inspections and what follows from them; party oversight), declared
once each on danchu.core.registers: the fields edited, listed, exported and imported, the
filters, and the look-ups that find an inspection or a party organisation in a file."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danchu.core.imports import Column
from danchu.core.registers import (
    BOOL_CHOICES,
    Child,
    Col,
    Filter,
    Imports,
    Register,
    RegisterForm,
    organization_lookup,
    record_lookup,
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

CHANGE_INSPECTIONS = "oversight.change_inspections"
CHANGE_PARTY = "oversight.change_party"

register = partial(Register, namespace="oversight", view_perm="oversight.view")


_inspection_lookup = record_lookup(
    Inspection, "ref", gettext_lazy("Không tìm thấy cuộc thanh tra, kiểm tra số hiệu “%(v)s”.")
)


def _party_org_lookup(text, context):
    org = organization_lookup(text, context)
    if org.kind not in PARTY_KINDS:
        raise ValidationError(_("“%(v)s” không phải đảng ủy hoặc chi bộ.") % {"v": text})
    return org


imports = partial(Imports, lookups={"decision": document_lookup})
INSPECTION_COLUMN = Column(
    "inspection", "Số hiệu cuộc thanh tra", kind="lookup", lookup=_inspection_lookup, required=True
)
INSPECTION_REF = ("inspection.ref", gettext_lazy("Cuộc thanh tra"))
DECISION_REF = Col(gettext_lazy("Quyết định"), lambda o: o.decision.ref if o.decision else "")
# The file and the export name these shortly.
PARTNER = ("partner", gettext_lazy("Cơ quan phối hợp"))
DECISION = ("decision", gettext_lazy("Quyết định"))
N_SUBJECTS = Col(gettext_lazy("Số đối tượng"), "n_subjects", "number", num=True)


# --- Inspections -------------------------------------------------------------------------------

INSPECTION_FIELDS = (
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
)

inspections = register(
    model=Inspection,
    name="inspection",
    slug="dot-thanh-tra",
    title=gettext_lazy("Thanh tra, kiểm tra"),
    title_one=gettext_lazy("cuộc thanh tra, kiểm tra"),
    description=gettext_lazy(
        "Thanh tra hành chính đơn vị trực thuộc và thanh tra, kiểm tra chuyên ngành; chủ trì hoặc phối hợp."
    ),
    fields=INSPECTION_FIELDS,
    scopes={"decision": "organization"},
    columns=[
        "ref",
        "subject_line",
        "kind",
        "mode",
        ("partner", gettext_lazy("Phối hợp với")),
        "field",
        ("start", gettext_lazy("Bắt đầu")),
        N_SUBJECTS,
        Col(gettext_lazy("Vi phạm"), "n_violations", "number", num=True),
    ],
    export_columns=[
        "ref",
        "organization",
        "kind",
        "mode",
        PARTNER,
        "field",
        "subject_line",
        DECISION_REF,
        "start",
        "end",
        "status",
        N_SUBJECTS,
        Col(gettext_lazy("Số đối tượng vi phạm"), "n_violations"),
        "notes",
    ],
    detail_fields=["ref", "organization", *INSPECTION_FIELDS[2:]],  # the number first
    imports=imports(
        [
            "ref",
            "kind",
            "mode",
            PARTNER,
            "field",
            "subject_line",
            "start",
            "end",
            "status",
            DECISION,
            "organization",
            "notes",
        ],
        examples={"ref": "TTr-01/2020", "partner": "Công an tỉnh", "start": "15/4/2020"},
        help={"decision": gettext_lazy("Số, ký hiệu văn bản đã có trong sổ.")},
        describe=lambda i: f"{i.ref} — {i.get_mode_display()} — {i.subject_line}",
    ),
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
)


# --- Subjects ----------------------------------------------------------------------------------

subjects = register(
    model=InspectionSubject,
    name="subject",
    slug="doi-tuong",
    title=gettext_lazy("Đối tượng thanh tra, kiểm tra"),
    title_one=gettext_lazy("đối tượng thanh tra, kiểm tra"),
    fields=("inspection", "name", "subject_type", "address", "in_violation", "violation"),
    scopes={"inspection": "organization"},
    columns=["name", ("subject_type", gettext_lazy("Loại")), INSPECTION_REF, "in_violation", "violation"],
    imports=imports(
        [INSPECTION_COLUMN, "name", "subject_type", "address", "in_violation", "violation"],
        examples={"in_violation": "có"},
        describe=lambda s: f"{s.inspection.ref}: {s.name}" + (_(" (vi phạm)") if s.in_violation else ""),
    ),
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
)


# --- Outcomes ----------------------------------------------------------------------------------


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


outcomes = register(
    model=Outcome,
    name="outcome",
    slug="xu-ly",
    title=gettext_lazy("Kết quả xử lý vi phạm"),
    title_one=gettext_lazy("kết quả xử lý"),
    fields=("subject", "kind", "referred_to", "decision", "fine_vnd", "date", "notes"),
    scopes={"subject": "inspection__organization", "decision": "organization"},
    help_texts={"fine_vnd": gettext_lazy("Ví dụ: 7.500.000")},
    columns=["subject.name", "kind", "referred_to", DECISION_REF, "fine_vnd", "date"],
    imports=imports(
        [
            INSPECTION_COLUMN,
            Column("subject_name", "Tên đối tượng", required=True, field="subject"),
            "kind",
            "referred_to",
            "decision",
            "fine_vnd",
            "date",
            "notes",
        ],
        examples={"fine_vnd": "7.500.000"},
        build=_build_outcome,
    ),
    change_perm=CHANGE_INSPECTIONS,
    save=actions.save_outcome,
    delete=actions.delete_outcome,
    org_field="subject__inspection__organization",
    parent_fk="subject",
    search=("subject__name", "referred_to", "notes", "decision__ref"),
    filters=[Filter("hinh-thuc", gettext_lazy("Hình thức xử lý"), OutcomeKind.choices, "kind")],
    date_field="date",
    select_related=("subject", "subject__inspection", "decision"),
)


# --- Recommendations ---------------------------------------------------------------------------


def _done_filter(qs, value):
    return qs.filter(done_on__isnull=value != "true")


recommendations = register(
    model=Recommendation,
    name="recommendation",
    slug="kien-nghi",
    title=gettext_lazy("Theo dõi kiến nghị sau thanh tra"),
    title_one=gettext_lazy("kiến nghị"),
    fields=("inspection", "text", "due", "done_on", "follow_up"),
    scopes={"inspection": "organization"},
    columns=[
        Col(gettext_lazy("Kiến nghị"), lambda r: r.text[:120]),
        INSPECTION_REF,
        ("due", gettext_lazy("Hạn")),
        ("done_on", gettext_lazy("Hoàn thành")),
    ],
    export_columns=[
        "text",
        INSPECTION_REF,
        ("due", gettext_lazy("Hạn")),
        ("done_on", gettext_lazy("Hoàn thành")),
        "follow_up",
    ],
    imports=imports(
        [INSPECTION_COLUMN, "text", "due", "done_on", "follow_up"],
        describe=lambda r: f"{r.inspection.ref}: {r.text[:80]}",
    ),
    change_perm=CHANGE_INSPECTIONS,
    save=actions.save_recommendation,
    delete=actions.delete_recommendation,
    org_field="inspection__organization",
    parent_fk="inspection",
    search=("text", "follow_up", "inspection__ref"),
    filters=[Filter("hoan-thanh", gettext_lazy("Đã hoàn thành"), BOOL_CHOICES, _done_filter)],
    date_field="inspection__start",
    select_related=("inspection",),
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


PARTY_ORG_COLUMN = Column(
    "organization",
    "Tổ chức đảng",
    kind="lookup",
    lookup=_party_org_lookup,
    required=True,
    example="TV.STTTT.DU",
)
PARTY_ORG_SHORT = "organization.short_name"
party_register = partial(register, change_perm=CHANGE_PARTY, form_base=PartyForm)

party_oversight = party_register(
    model=PartyOversight,
    name="party",
    slug="kiem-tra-giam-sat-dang",
    title=gettext_lazy("Kiểm tra, giám sát của Đảng"),
    title_one=gettext_lazy("cuộc kiểm tra, giám sát"),
    description=gettext_lazy(
        "Kiểm tra, giám sát chuyên đề và thường xuyên của Đảng ủy, Ủy ban Kiểm tra, chi bộ."
    ),
    fields=("organization", "kind", "body", "subject", "date", "violations_found", "conclusion"),
    columns=[
        "subject",
        "kind",
        ("body", gettext_lazy("Chủ thể")),
        PARTY_ORG_SHORT,
        "date",
        ("violations_found", gettext_lazy("Vi phạm")),
    ],
    imports=imports([PARTY_ORG_COLUMN, "kind", "body", "subject", "date", "violations_found", "conclusion"]),
    save=actions.save_party_oversight,
    delete=actions.delete_party_oversight,
    search=("subject", "conclusion"),
    filters=[
        Filter("loai", gettext_lazy("Loại"), PartyOversightKind.choices, "kind"),
        Filter("chu-the", gettext_lazy("Chủ thể"), PartyBody.choices, "body"),
        Filter("vi-pham", gettext_lazy("Phát hiện vi phạm"), BOOL_CHOICES, "violations_found"),
    ],
    date_field="date",
)

discipline_cases = party_register(
    model=PartyDisciplineCase,
    name="discipline",
    slug="ky-luat-dang",
    title=gettext_lazy("Kỷ luật đảng"),
    title_one=gettext_lazy("vụ kỷ luật"),
    fields=("organization", "member_name", "date", "form", "reason", "decision"),
    columns=[
        ("member_name", gettext_lazy("Đảng viên, tổ chức")),
        ("form", gettext_lazy("Hình thức")),
        PARTY_ORG_SHORT,
        ("date", gettext_lazy("Ngày")),
    ],
    imports=imports([PARTY_ORG_COLUMN, "member_name", "date", "form", "reason", "decision"]),
    save=actions.save_discipline_case,
    delete=actions.delete_discipline_case,
    search=("member_name", "reason"),
    filters=[Filter("hinh-thuc", gettext_lazy("Hình thức"), DisciplineForm.choices, "form")],
    date_field="date",
    select_related=("decision",),
)

party_complaints = party_register(
    model=PartyComplaint,
    name="party_complaint",
    slug="khieu-nai-to-cao-dang-vien",
    title=gettext_lazy("Khiếu nại, tố cáo đối với đảng viên"),
    title_one=gettext_lazy("đơn khiếu nại, tố cáo"),
    fields=("organization", "received_on", "about", "summary", "status", "result"),
    columns=[("about", gettext_lazy("Về đảng viên")), "received_on", PARTY_ORG_SHORT, "status"],
    imports=imports([PARTY_ORG_COLUMN, "received_on", "about", "summary", "status", "result"]),
    save=actions.save_party_complaint,
    delete=actions.delete_party_complaint,
    search=("about", "summary", "result"),
    filters=[Filter("tinh-trang", gettext_lazy("Tình trạng"), PartyComplaintStatus.choices, "status")],
    date_field="received_on",
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
