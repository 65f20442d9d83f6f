from django import forms
from django.utils.translation import gettext_lazy as _

from danchu.orgs.labels import label_org_fields, tell_people_apart
from danchu.orgs.models import Membership, Organization, ReportingPeriod

from .actions.drafting import SETTINGS_FIELDS
from .models import Report, ReportStatus, ReportTemplate


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class NewReportForm(forms.Form):
    period = forms.ModelChoiceField(ReportingPeriod.objects.all(), label=_("Kỳ báo cáo"))


class SettingsForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = list(SETTINGS_FIELDS)  # what update_settings accepts, kept in one place
        widgets = {
            "report_date": DateInput(),
            "data_start": DateInput(),
            "data_end": DateInput(),
            "request_date": DateInput(),
            "recipients": forms.Textarea(attrs={"rows": 6}),
            "title": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        org = self.instance.organization
        self.fields["drafting_unit"].queryset = Organization.objects.subtree(org)
        self.fields["signer"].queryset = Membership.objects.filter(organization=org).select_related(
            "person", "organization"
        )
        tell_people_apart(self.fields["signer"], str)
        label_org_fields(self)

    def clean(self):
        data = super().clean()
        if data.get("data_start") and data.get("data_end") and data["data_end"] < data["data_start"]:
            self.add_error("data_end", _("Ngày cuối phải sau ngày đầu của khoảng số liệu."))
        return data


class OverrideForm(forms.Form):
    value = forms.DecimalField(label=_("Giá trị nhập tay"), min_value=0, max_digits=20, decimal_places=2)
    reason = forms.CharField(
        label=_("Lý do nhập tay"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc; in trong phụ lục số liệu."),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("Lý do đính chính"), widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawSignatureForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do hủy chữ ký"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: sổ theo dõi có thêm đơn sau khi ký; ký lại với số liệu hiện tại."),
    )


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả"))] + ReportStatus.choices
    )
    period = forms.ModelChoiceField(
        ReportingPeriod.objects.all(), label=_("Kỳ"), required=False, empty_label=_("Tất cả")
    )


class TemplateUploadForm(forms.ModelForm):
    class Meta:
        model = ReportTemplate
        fields = ["report_type", "framework", "name", "file"]

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".docx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Word .docx."))
        if f.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Tệp mẫu quá lớn (tối đa 10 MB)."))
        return f
