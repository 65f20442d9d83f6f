from django import forms
from django.utils.translation import gettext_lazy as _

from .labels import OrgChoiceField, label_org_fields, tell_people_apart
from .models import (
    Membership,
    Organization,
    OrganizationKind,
    PeriodKind,
    Person,
    Role,
    SigningAuthority,
    StaffCategory,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label, required=False, widget=DateInput(), input_formats=["%Y-%m-%d", "%d/%m/%Y"], **kwargs
    )


# Kinds a new body may have since 01/07/2025: no district level.
NEW_KINDS = [(v, label) for v, label in OrganizationKind.choices if v != OrganizationKind.DISTRICT]


class OrganizationCreateForm(forms.Form):
    parent = OrgChoiceField(
        label=_("Cơ quan cấp trên"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("— Không có (đây là một tỉnh) —"),
        help_text=_("Tỉnh → sở, ban, ngành và xã, phường; sở → các phòng, đơn vị trực thuộc."),
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=NEW_KINDS)
    code = forms.CharField(
        label=_("Mã"),
        max_length=64,
        help_text=_("Duy nhất, ví dụ VL.SKHCN (mã cấp trên, dấu chấm, tên viết tắt)."),
    )
    name = forms.CharField(label=_("Tên"), max_length=255, help_text=_("Ví dụ: Sở Khoa học và Công nghệ"))
    short_name = forms.CharField(
        label=_("Tên viết tắt (ký hiệu văn bản)"),
        max_length=32,
        required=False,
        help_text=_("Đứng trong ký hiệu văn bản: SKHCN → BC-SKHCN."),
    )
    place_name = forms.CharField(
        label=_("Địa danh"), max_length=64, required=False, help_text=_("Để trống: theo cơ quan cấp trên.")
    )
    valid_from = _date_field(_("Hiệu lực từ"))

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents if parents is not None else Organization.objects.none()


class OrganizationSettingsForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "short_name",
            "place_name",
            "head_title",
            "default_signer",
            "default_recipients",
            "staff_required_conference",
            "has_internal_site",
            "parent",
            "valid_from",
            "valid_to",
            "successor",
        ]
        widgets = {
            "default_recipients": forms.Textarea(attrs={"rows": 5}),
            "valid_from": DateInput(),
            "valid_to": DateInput(),
        }

    def __init__(self, *args, structure=False, **kwargs):
        super().__init__(*args, **kwargs)
        org = self.instance
        self.fields["short_name"].help_text = _("Ký hiệu văn bản: SKHCN → số báo cáo …/BC-SKHCN.")
        self.fields["default_signer"].queryset = Membership.objects.filter(organization=org).select_related(
            "person", "organization"
        )
        tell_people_apart(
            self.fields["default_signer"],
            lambda m: f"{m.person.full_name} — {m.position or m.get_staff_category_display()}",
        )
        if structure:
            others = Organization.objects.exclude(path__startswith=org.path)
            self.fields["parent"].queryset = others.order_by("path")
            self.fields["successor"].queryset = others.filter(valid_to__isnull=True).order_by("path")
        else:
            for name in ("parent", "valid_from", "valid_to", "successor"):
                del self.fields[name]
        label_org_fields(self)


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=128)
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—")] + Person.Gender.choices, required=False
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=128, required=False)
    staff_category = forms.ChoiceField(label=_("Loại"), choices=StaffCategory.choices)
    is_head = forms.BooleanField(label=_("Người đứng đầu"), required=False)
    is_deputy = forms.BooleanField(label=_("Cấp phó"), required=False)
    signs_as = forms.ChoiceField(
        label=_("Ký với thẩm quyền"),
        choices=[("", _("— Theo chức vụ —"))] + SigningAuthority.choices,
        required=False,
        help_text=_("Để trống: người đứng đầu ký trực tiếp, cấp phó ký thay (KT.)."),
    )
    is_party_member = forms.BooleanField(label=_("Đảng viên"), required=False)
    start = _date_field(_("Từ ngày"))


class UserForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, min_length=8)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    person = forms.ModelChoiceField(
        label=_("Người trong danh sách cán bộ"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Gắn tài khoản với người này (để người đó ký, nhận việc)."),
    )

    def __init__(self, *args, org=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            Person.objects.filter(memberships__organization__path__startswith=org.path, user__isnull=True)
            .distinct()
            .order_by("full_name")
        )
        tell_people_apart(self.fields["person"], str)


class RoleForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập đã có"), max_length=150)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại kỳ"),
        choices=[(v, label) for v, label in PeriodKind.choices if v != PeriodKind.OTHER],
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    part = forms.TypedChoiceField(
        label=_("6 tháng / quý"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "—"), (1, "1"), (2, "2"), (3, "3"), (4, "4")],
        help_text=_("Kỳ 6 tháng: 1 là 6 tháng đầu năm, 2 là cuối năm. Kỳ quý: quý 1–4."),
    )
    cutoff_start = _date_field(
        _("Chốt số liệu từ"),
        help_text=_(
            "Để trống: theo Nghị định 09/2019/NĐ-CP, Điều 12 — năm: 15/12 năm trước đến 14/12; 6 tháng đầu"
            " năm: 15/12 năm trước đến 14/06; quý: 15 tháng trước quý đến 14 tháng cuối quý (chưa đối chiếu văn bản)."
        ),
    )
    cutoff_end = _date_field(_("Chốt số liệu đến"))
