import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danchu.core.forms import add_validation_error

from .actions import check_override_day
from .models import CalendarOverride, OverrideKind, PetitionKind

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUTS,
        widget=DateInput(),
        help_text=help_text,
        error_messages={
            "required": _("Hãy nhập ngày."),
            "invalid": _("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 06/07/2026."),
        },
    )


class DeadlineForm(forms.Form):
    COMPLEXITY = [
        ("normal", _("Thông thường")),
        ("complex", _("Phức tạp")),
        ("especially_complex", _("Đặc biệt phức tạp (tố cáo)")),
    ]

    kind = forms.ChoiceField(
        label=_("Loại đơn"),
        choices=PetitionKind.choices,
        error_messages={
            "required": _("Hãy chọn loại đơn."),
            "invalid_choice": _("Loại đơn không hợp lệ."),
        },
    )
    received = date_field(_("Ngày nhận đơn"))
    accepted = date_field(
        _("Ngày thụ lý"), required=False, help_text=_("Để trống nếu chưa thụ lý: chưa tính hạn giải quyết.")
    )
    decided = date_field(
        _("Ngày ban hành quyết định giải quyết (khiếu nại)"),
        required=False,
        help_text=_("Hạn gửi quyết định tính từ ngày ban hành quyết định."),
    )
    complexity = forms.ChoiceField(
        label=_("Tính chất vụ việc"),
        choices=COMPLEXITY,
        initial="normal",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Tính chất vụ việc không hợp lệ.")},
    )
    remote = forms.BooleanField(label=_("Vùng sâu, vùng xa, đi lại khó khăn (khiếu nại)"), required=False)
    second = forms.BooleanField(label=_("Giải quyết lần hai (khiếu nại)"), required=False)
    several_places = forms.BooleanField(label=_("Cần xác minh ở nhiều địa điểm (tố cáo)"), required=False)

    def clean(self):
        data = super().clean()
        received, accepted = data.get("received"), data.get("accepted")
        if received and accepted and accepted < received:
            self.add_error("accepted", _("Ngày thụ lý không được trước ngày nhận đơn."))
        decided = data.get("decided")
        if decided and (accepted or received) and decided < (accepted or received):
            self.add_error(
                "decided",
                _("Ngày ban hành quyết định không được trước ngày thụ lý.")
                if accepted
                else _("Ngày ban hành quyết định không được trước ngày nhận đơn."),
            )
        if received and not (datetime.date(1990, 1, 1) <= received <= datetime.date(2100, 12, 31)):
            self.add_error("received", _("Ngày nhận đơn phải trong khoảng năm 1990–2100."))
        return data

    def compute_kwargs(self):
        data = self.cleaned_data
        complexity = data.get("complexity") or "normal"
        return {
            "accepted": data.get("accepted"),
            "decided": data.get("decided"),
            "complex": complexity == "complex",
            "especially_complex": complexity == "especially_complex",
            "remote": data["remote"],
            "second": data["second"],
            "several_places": data["several_places"],
        }


class CalendarOverrideForm(forms.ModelForm):
    date = date_field(_("Ngày"))
    basis_date = date_field(_("Ngày của văn bản căn cứ"), required=False)
    kind = forms.ChoiceField(
        label=_("Loại"),
        choices=[("", _("— Chọn loại —")), *OverrideKind.choices],
        error_messages={
            "required": _("Hãy chọn loại: ngày nghỉ hoặc ngày làm việc bù."),
            "invalid_choice": _("Loại điều chỉnh không hợp lệ."),
        },
    )

    class Meta:
        model = CalendarOverride
        fields = ["date", "kind", "name", "basis", "basis_date"]
        error_messages = {
            "kind": {"required": _("Hãy chọn loại: ngày nghỉ hoặc ngày làm việc bù.")},
            "name": {"required": _("Hãy nhập tên gọi của ngày (ví dụ: Nghỉ bù Quốc khánh).")},
        }
        help_texts = {"basis": _("Văn bản công bố, ví dụ: Thông báo số …/TB-BNV.")}

    def validate_unique(self):
        pass  # the action says it in Vietnamese (check_override_day)

    def clean(self):
        data = super().clean()
        day, kind = data.get("date"), data.get("kind")
        if day and kind in OverrideKind.values:
            try:
                check_override_day(day, kind)
            except ValidationError as exc:
                add_validation_error(self, exc)
        return data


class ConfirmYearForm(forms.Form):
    basis = forms.CharField(
        label=_("Văn bản công bố lịch nghỉ lễ, Tết của năm"),
        max_length=300,
        help_text=_("Số, ký hiệu và ngày, ví dụ: Thông báo số …/TB-BNV ngày …"),
        error_messages={
            "required": _(
                "Hãy nhập văn bản công bố lịch nghỉ lễ, Tết của năm (số, ký hiệu, ngày), ví dụ: Thông báo số …/TB-BNV."
            )
        },
    )
