from django import forms
from django.utils.translation import gettext_lazy as _

from .actions import DEFAULT_DAYS, MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Tên gợi nhớ"),
        max_length=100,
        help_text=_("Hệ thống nào dùng mã này, ví dụ: iOffice của Sở."),
    )
    write = forms.BooleanField(
        label=_("Cho phép ghi"),
        required=False,
        help_text=_("Không chọn: mã chỉ đọc. Chọn: mã được vào sổ văn bản, tiếp nhận đơn, gửi số liệu."),
    )
    days = forms.IntegerField(
        label=_("Hiệu lực (ngày)"), min_value=1, max_value=MAX_DAYS, initial=DEFAULT_DAYS
    )
