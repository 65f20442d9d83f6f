from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danchu.core import vnformat
from danchu.documents.models import Document
from danchu.orgs.labels import OrgChoiceField, OrgMultipleChoiceField
from danchu.orgs.models import Organization, PeriodKind, ReportingPeriod

from . import figures
from .models import TargetMode


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RequestForm(forms.Form):
    reference = forms.CharField(
        label=_("Số, ký hiệu văn bản yêu cầu"), max_length=96, help_text=_("Ví dụ: 1457/SNV-XDCQCTTN")
    )
    issued_on = forms.DateField(label=_("Ngày văn bản"), widget=DateInput())
    title = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        help_text=_("Ví dụ: Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2020"),
    )
    period = forms.ModelChoiceField(
        label=_("Kỳ báo cáo"),
        queryset=ReportingPeriod.objects.all(),
        required=False,
        help_text=_("Chưa có kỳ này? Để trống và ghi năm bên dưới: kỳ được tạo cùng yêu cầu."),
    )
    period_kind = forms.ChoiceField(
        label=_("Hoặc tạo kỳ mới: loại kỳ"),
        required=False,
        choices=[(v, label) for v, label in PeriodKind.choices if v != PeriodKind.OTHER],
    )
    period_year = forms.IntegerField(
        label=_("Năm của kỳ mới"), required=False, min_value=2000, max_value=2100
    )
    period_part = forms.TypedChoiceField(
        label=_("6 tháng / quý của kỳ mới"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "—"), (1, "1"), (2, "2"), (3, "3"), (4, "4")],
    )
    data_start = forms.DateField(
        label=_("Số liệu từ ngày"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: theo thời gian chốt số liệu của kỳ báo cáo."),
    )
    data_end = forms.DateField(label=_("Số liệu đến ngày"), required=False, widget=DateInput())
    deadline = forms.DateField(label=_("Hạn gửi báo cáo"), widget=DateInput())
    target_mode = forms.ChoiceField(
        label=_("Cơ quan phải báo cáo"), choices=TargetMode.choices, widget=forms.RadioSelect
    )
    target_root = OrgChoiceField(
        label=_("Các cơ quan trực thuộc"),
        queryset=Organization.objects.none(),
        required=False,
        help_text=_(
            "Cơ quan nào còn hoạt động vào ngày văn bản thì phải báo cáo; cơ quan đã sáp nhập được thay bằng cơ quan kế thừa."
        ),
    )
    chosen = OrgMultipleChoiceField(
        label=_("Hoặc chọn từng cơ quan"),
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    document = forms.ModelChoiceField(
        label=_("Văn bản yêu cầu trong sổ văn bản"), queryset=Document.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Nội dung yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, orgs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_root"].queryset = orgs.filter(depth__lte=1)
        self.fields["chosen"].queryset = orgs.filter(depth__in=(0, 1)).exclude(parent__isnull=True)
        self.fields["document"].queryset = (
            Document.objects.alive().filter(organization__in=orgs).order_by("-issued_on")
        )
        if not self.is_bound:
            self.initial.setdefault("target_mode", TargetMode.SUBTREE)

    def clean(self):
        data = super().clean()
        if not data.get("period") and not data.get("period_year"):
            self.add_error("period", _("Chọn kỳ báo cáo, hoặc ghi năm để tạo kỳ mới."))
        if data.get("target_mode") == TargetMode.SUBTREE and not data.get("target_root"):
            self.add_error("target_root", _("Chọn cơ quan cấp trên có các cơ quan phải báo cáo."))
        if data.get("target_mode") == TargetMode.LIST and not data.get("chosen"):
            self.add_error("chosen", _("Chọn ít nhất một cơ quan phải báo cáo."))
        return data


class DataEntryForm(forms.Form):
    """An uploaded DOCX/PDF report and its appendix figures, one field per indicator, typed the
    Vietnamese way (41.250.000; 12,5)."""

    file = forms.FileField(label=_("Tệp báo cáo (DOCX hoặc PDF)"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, initial_values=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for key, label, indicators in figures.grouped_indicators():
            names = []
            for indicator in indicators:
                name = f"v_{indicator.code}"
                help_text = str(indicator.definition or "")
                if indicator.ratio_of:
                    help_text = (
                        help_text + " " + str(_("Để trống để tính tự động từ các số thành phần."))
                    ).strip()
                self.fields[name] = forms.CharField(
                    label=f"{indicator.label} ({UNIT_WORDS.get(indicator.unit, '')})",
                    required=False,
                    max_length=32,
                    help_text=help_text,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "num"}),
                )
                if initial_values and indicator.code in initial_values and not self.is_bound:
                    self.initial[name] = figures.plain_str(initial_values[indicator.code])
                names.append(name)
            self.groups.append((key, label, names))

    def group_fields(self):
        return [(label, [self[name] for name in names]) for _key, label, names in self.groups]

    def clean(self):
        data = super().clean()
        from danchu.reporting.indicators import BY_CODE

        values = {}
        for name in list(self.fields):
            if not name.startswith("v_"):
                continue
            code = name[2:]
            try:
                value = vnformat.parse_number(self.data.get(name, ""))
            except ValidationError as exc:
                self.add_error(name, exc)
                continue
            problem = figures.check_value(BY_CODE[code], value)
            if problem:
                self.add_error(name, problem)
            elif value is not None:
                values[code] = value
        if not values and not self.errors:
            raise forms.ValidationError(_("Phải nhập ít nhất một số liệu của phụ lục."))
        data["values"] = values
        return data


UNIT_WORDS = {"count": "số lượng", "money": "đồng", "percent": "%"}


class LinkReportForm(forms.Form):
    report = forms.ModelChoiceField(label=_("Báo cáo đã ký và gửi trong danchu"), queryset=None)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = reports


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Cơ quan sẽ thấy lý do này và gửi lại phiên bản đã sửa."),
    )


class ScoresForm(forms.Form):
    """One field per scored criterion; the assessor also gives a bonus with its reason."""

    def __init__(self, *args, criteria, assessor=False, bonus_max=0, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        initial_scores = initial_scores or {}
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.number}. {criterion.label}",
                min_value=0,
                max_value=criterion.max_points,
                decimal_places=2,
                required=assessor,
                help_text=_("Tối đa %(max)s điểm") % {"max": figures.plain_str(criterion.max_points)},
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "num"}),
            )
            if criterion.pk in initial_scores and not self.is_bound:
                self.initial[f"c{criterion.pk}"] = initial_scores[criterion.pk]
        if assessor:
            self.fields["bonus"] = forms.DecimalField(
                label=_("Điểm thưởng"), min_value=0, max_value=bonus_max, required=False, localize=True
            )
            self.fields["bonus_reason"] = forms.CharField(
                label=_("Lý do điểm thưởng"), required=False, max_length=500
            )

    def scores(self):
        return {c.pk: self.cleaned_data.get(f"c{c.pk}") for c in self.criteria}
