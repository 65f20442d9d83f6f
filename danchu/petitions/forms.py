"""Forms: they validate input shapes; the rules live in actions (their ValidationErrors are
put back on the form by the views)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danchu.core.fields import BoundedModelMultipleChoiceField
from danchu.documents.kinds import DocumentKind
from danchu.orgs.labels import OrgChoiceField
from danchu.orgs.models import Organization, OrganizationKind, Role

from .models import Channel, Kind, Outcome, SenderType

# What an answer or decision is issued as: a decision (complaint), a conclusion or notice
# (denunciation), an official letter (feedback).
ANSWER_KINDS = {DocumentKind.QD, DocumentKind.KL, DocumentKind.TB, DocumentKind.CV, DocumentKind.OTHER}

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class IdentityMixin(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=128, required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=32, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), max_length=254, required=False)
    id_number = forms.CharField(label=_("Số CCCD/CMND"), max_length=20, required=False)

    def identity(self):
        return {
            k: self.cleaned_data.get(k) or "" for k in ("full_name", "address", "phone", "email", "id_number")
        }


def public_organizations():
    kinds = [
        OrganizationKind.PROVINCE,
        OrganizationKind.DEPARTMENT,
        OrganizationKind.DISTRICT,
        OrganizationKind.COMMUNE,
    ]
    return Organization.objects.valid_on(timezone.localdate()).filter(kind__in=kinds).order_by("path")


class PublicSubmitForm(IdentityMixin):
    organization = OrgChoiceField(
        label=_("Gửi đến cơ quan"), queryset=Organization.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=Kind.choices)
    is_anonymous = forms.BooleanField(
        label=_("Gửi tố cáo không ghi danh tính"),
        required=False,
        help_text=_("Chỉ áp dụng với đơn tố cáo. Thông tin người tố cáo luôn được giữ bí mật."),
    )
    subject = forms.CharField(label=_("Tóm tắt nội dung"), max_length=255)
    content = forms.CharField(label=_("Nội dung đơn"), max_length=10000, widget=forms.Textarea)
    attachments = MultipleFileField(
        label=_("Tài liệu kèm theo"), help_text=_("Tối đa 5 tệp PDF, DOCX, ODT, JPEG hoặc PNG.")
    )
    # Honeypot: hidden from people by CSS; robots fill it.
    website = forms.CharField(label=_("Trang web"), required=False, max_length=200)

    field_order = [
        "organization",
        "kind",
        "is_anonymous",
        "full_name",
        "address",
        "phone",
        "email",
        "id_number",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = public_organizations()


class RegisterForm(IdentityMixin):
    field_order = ["kind", "channel", "transferred_from", "received_on", "sender_type", "is_anonymous"]
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=Kind.choices)
    channel = forms.ChoiceField(label=_("Nguồn đơn"), choices=Channel.choices, initial=Channel.PAPER)
    transferred_from = forms.CharField(label=_("Cơ quan chuyển đến"), max_length=255, required=False)
    received_on = forms.DateField(label=_("Ngày nhận đơn"), widget=DATE)
    sender_type = forms.ChoiceField(label=_("Người gửi là"), choices=SenderType.choices)
    is_anonymous = forms.BooleanField(label=_("Đơn tố cáo nặc danh"), required=False)
    second_time = forms.BooleanField(label=_("Khiếu nại lần hai"), required=False)
    several_places = forms.BooleanField(label=_("Tố cáo cần xác minh ở nhiều địa điểm"), required=False)
    subject = forms.CharField(label=_("Tóm tắt nội dung"), max_length=255)
    content = forms.CharField(label=_("Nội dung đơn"), max_length=10000, widget=forms.Textarea)
    internal_notes = forms.CharField(label=_("Ghi chú nội bộ"), required=False, widget=forms.Textarea)
    attachments = MultipleFileField(label=_("Đơn và tài liệu kèm theo"))
    scans = MultipleFileField(
        label=_("Bản chụp giấy tờ tùy thân, chữ viết của người gửi"),
        help_text=_("Được mã hóa và bảo mật cùng thông tin người gửi."),
    )


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại đơn"), choices=Kind.choices)
    outcome = forms.ChoiceField(
        label=_("Kết quả xử lý đơn"), choices=[c for c in Outcome.choices if c[0] != Outcome.DUPLICATE]
    )
    reason = forms.CharField(
        label=_("Lý do, nội dung hướng dẫn"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    transferred_to = forms.CharField(label=_("Chuyển đến cơ quan"), max_length=255, required=False)
    on = forms.DateField(label=_("Ngày xử lý"), widget=DATE)


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("Người xử lý"), queryset=get_user_model().objects.none())

    def __init__(self, *args, org=None, **kwargs):
        super().__init__(*args, **kwargs)
        if org is not None:
            paths = [p for p in org.path.strip("/").split("/") if p]
            ancestors = ["/" + "/".join(paths[: i + 1]) + "/" for i in range(len(paths))]
            self.fields["handler"].queryset = (
                get_user_model()
                .objects.filter(
                    role_assignments__role__in=[Role.PETITION_HANDLER, Role.AGENCY_HEAD],
                    role_assignments__organization__path__in=ancestors,
                )
                .distinct()
                .order_by("last_name", "first_name")
            )
            self.fields["handler"].label_from_instance = lambda u: u.get_full_name() or u.get_username()


class AcceptForm(forms.Form):
    on = forms.DateField(label=_("Ngày thụ lý"), widget=DATE)
    answer_due = forms.DateField(label=_("Hạn trả lời (phản ánh, kiến nghị)"), required=False, widget=DATE)


class ComplexForm(forms.Form):
    complex = forms.BooleanField(label=_("Vụ việc phức tạp"), required=False)
    especially_complex = forms.BooleanField(label=_("Đặc biệt phức tạp (tố cáo)"), required=False)
    remote = forms.BooleanField(label=_("Vùng sâu, vùng xa (khiếu nại)"), required=False)
    reason = forms.CharField(label=_("Căn cứ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(forms.Form):
    reason = forms.CharField(label=_("Lý do gia hạn"), widget=forms.Textarea(attrs={"rows": 2}))
    new_due = forms.DateField(label=_("Hạn mới (phản ánh, kiến nghị)"), required=False, widget=DATE)


class SuspendForm(forms.Form):
    on = forms.DateField(label=_("Ngày tạm đình chỉ"), widget=DATE)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ResumeForm(forms.Form):
    on = forms.DateField(label=_("Ngày tiếp tục giải quyết"), widget=DATE)


class VerificationForm(forms.Form):
    on = forms.DateField(label=_("Ngày"), widget=DATE)
    note = forms.CharField(
        label=_("Nội dung xác minh"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnswerForm(forms.Form):
    on = forms.DateField(label=_("Ngày trả lời, ban hành quyết định"), widget=DATE)
    document = forms.ModelChoiceField(
        label=_("Văn bản trả lời, quyết định"),
        queryset=None,
        required=False,
        help_text=_(
            "Chọn văn bản đã có trong sổ. Chưa có? Nhập số, ký hiệu, trích yếu bên dưới: văn bản được "
            "vào sổ văn bản đi của cơ quan ngay khi ghi nhận trả lời. Hoặc dùng “Đề nghị văn thư vào sổ”."
        ),
    )
    new_kind = forms.ChoiceField(
        label=_("Văn bản mới: loại văn bản"),
        choices=[("", "—")] + [(k, lbl) for k, lbl in DocumentKind.choices if k in ANSWER_KINDS],
        required=False,
    )
    new_number = forms.CharField(label=_("Văn bản mới: số"), max_length=16, required=False)
    new_symbol = forms.CharField(
        label=_("Văn bản mới: ký hiệu"),
        max_length=64,
        required=False,
        help_text=_("Ví dụ: QĐ-STTTT, TB-UBND"),
    )
    new_subject = forms.CharField(label=_("Văn bản mới: trích yếu"), max_length=1000, required=False)
    new_signer_name = forms.CharField(label=_("Văn bản mới: người ký"), max_length=128, required=False)
    public_answer = forms.CharField(
        label=_("Nội dung trả lời công khai (người gửi xem bằng mã tra cứu)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    internal_notes = forms.CharField(
        label=_("Ghi chú nội bộ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, org=None, **kwargs):
        from danchu.documents.models import Document

        super().__init__(*args, **kwargs)
        qs = Document.objects.none()
        if org is not None:
            qs = (
                Document.objects.alive()
                .filter(organization__path__startswith=org.path)
                .order_by("-issued_on")[:300]
            )
            qs = Document.objects.filter(pk__in=[d.pk for d in qs]).order_by("-issued_on", "-pk")
        self.fields["document"].queryset = qs

    def new_document(self):
        """The document to register in place, or None when the user typed none of its fields."""
        d = self.cleaned_data
        fields = {
            "kind": d.get("new_kind") or "",
            "number": d.get("new_number", "").strip(),
            "symbol": d.get("new_symbol", "").strip(),
            "subject": d.get("new_subject", "").strip(),
            "signer_name": d.get("new_signer_name", "").strip(),
        }
        if not any(v for k, v in fields.items() if k != "kind"):
            return None
        if not fields["kind"]:
            raise ValidationError({"new_kind": _("Chọn loại văn bản mới.")})
        return fields


class RequestDocumentForm(forms.Form):
    note = forms.CharField(
        label=_("Lời nhắn cho văn thư (văn bản nào, ai ký)"),
        required=False,
        max_length=300,
        help_text=_(
            "Văn thư nhận thông báo trên trang chủ; sau khi vào sổ, văn bản hiện trong danh sách chọn."
        ),
    )


class SendDecisionForm(forms.Form):
    on = forms.DateField(label=_("Ngày gửi quyết định cho các bên"), widget=DATE)
    note = forms.CharField(label=_("Ghi chú (nơi nhận, cách gửi)"), required=False, max_length=1000)


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000)


class DuplicateForm(forms.Form):
    original = forms.CharField(label=_("Số đơn gốc (ví dụ ĐT-2020-0001)"), max_length=32)


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do cần xem thông tin người gửi"),
        min_length=5,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi lần xem được ghi vào nhật ký cùng lý do."),
    )


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Mã tra cứu"), max_length=32)
    website = forms.CharField(required=False, max_length=200)


class ReceptionForm(forms.Form):
    held_on = forms.DateField(label=_("Ngày tiếp"), widget=DATE)
    official_name = forms.CharField(label=_("Người tiếp công dân"), max_length=128)
    visits = forms.IntegerField(label=_("Số lượt tiếp"), min_value=0, max_value=100000)
    people = forms.IntegerField(label=_("Số người"), min_value=0, max_value=100000)
    matters = forms.IntegerField(label=_("Số vụ việc"), min_value=0, max_value=100000)
    answered_on_the_spot = forms.IntegerField(
        label=_("Số vụ việc trả lời trực tiếp"), min_value=0, max_value=100000, initial=0
    )
    letters = BoundedModelMultipleChoiceField(label=_("Đơn phát sinh"), queryset=None, required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, petitions=None, **kwargs):
        from .models import Petition

        super().__init__(*args, **kwargs)
        self.fields["letters"].queryset = petitions if petitions is not None else Petition.objects.none()
        self.fields["letters"].label_from_instance = lambda p: f"{p.reference} — {p.subject[:80]}"


class ScheduleForm(forms.Form):
    text = forms.CharField(label=_("Lịch tiếp công dân"), max_length=4000, widget=forms.Textarea)
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
