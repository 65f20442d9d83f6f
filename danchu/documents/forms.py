import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danchu.core.forms import add_validation_error
from danchu.core.vnformat import short_date

from . import refs
from .kinds import DocumentKind
from .models import Direction, RelationKind

DATE_HELP = _("Ngày/tháng/năm, ví dụ 15/04/2016.")


def clean_vn_date(value, label):
    """A date typed as 15/4/2016 (or 2016-04-15); a Vietnamese error for a malformed or impossible one."""
    value = (value or "").strip()
    if not value:
        return None
    day, invalid = refs.parse_date(value)
    if invalid:
        if re.fullmatch(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}", value):
            raise forms.ValidationError(
                gettext("%(label)s “%(value)s” không có trong lịch (ngày hoặc tháng không tồn tại).")
                % {"label": label, "value": value}
            )
        raise forms.ValidationError(
            gettext("%(label)s “%(value)s” không đúng dạng ngày/tháng/năm (ví dụ 15/04/2016).")
            % {"label": label, "value": value}
        )
    return day


class DocumentForm(forms.Form):
    registry = forms.ChoiceField(label=_("Sổ văn bản của"), required=False)
    direction = forms.ChoiceField(label=_("Loại sổ"), choices=Direction.choices)
    ref_text = forms.CharField(
        label=_("Số, ký hiệu"),
        required=False,
        max_length=200,
        help_text=_(
            "Ví dụ: 420/KH-STTTT-VP, 04/2015/NĐ-CP, hoặc 18-KH/ĐU (văn bản của Đảng). "
            "Có thể dán cả trích dẫn: “Kế hoạch số 420/KH-STTTT-VP, ngày 15/4/2016”."
        ),
    )
    number = forms.CharField(label=_("hoặc nhập riêng: Số"), required=False, max_length=16)
    symbol = forms.CharField(
        label=_("Ký hiệu"), required=False, max_length=64, help_text=_("Ví dụ: KH-STTTT-VP")
    )
    is_party = forms.BooleanField(
        label=_("Văn bản của Đảng (số và ký hiệu nối bằng gạch ngang)"), required=False
    )
    kind = forms.ChoiceField(
        label=_("Loại văn bản"),
        required=False,
        choices=[("", _("— Theo ký hiệu —")), *DocumentKind.choices],
    )
    issued_on = forms.CharField(label=_("Ngày ban hành"), required=False, max_length=40, help_text=DATE_HELP)
    effective_on = forms.CharField(
        label=_("Ngày có hiệu lực"), required=False, max_length=40, help_text=DATE_HELP
    )
    issuer_name = forms.CharField(
        label=_("Cơ quan ban hành"),
        required=False,
        max_length=255,
        help_text=_("Để trống với văn bản đi: lấy tên cơ quan giữ sổ."),
    )
    subject = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=128)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, registries=None, allow_external=False, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing:
            del self.fields["registry"]
        else:
            choices = [(str(o.pk), o.name) for o in registries or []]
            if allow_external:
                choices.append(("external", gettext("Văn bản pháp luật, văn bản cấp trên dùng chung")))
            self.fields["registry"].choices = choices
            self.fields["registry"].required = True
        for name in ("issued_on", "effective_on"):
            self.fields[name].widget.attrs.update(placeholder="dd/mm/yyyy", inputmode="numeric")
        self.fields["ref_text"].widget.attrs.update(placeholder="420/KH-STTTT-VP", autocomplete="off")

    def clean_issued_on(self):
        return clean_vn_date(self.cleaned_data.get("issued_on"), gettext("Ngày ban hành"))

    def clean_effective_on(self):
        return clean_vn_date(self.cleaned_data.get("effective_on"), gettext("Ngày có hiệu lực"))

    def clean(self):
        data = super().clean()
        text = (data.get("ref_text") or "").strip()
        number, symbol = (data.get("number") or "").strip(), (data.get("symbol") or "").strip()
        parsed = None
        try:
            if text:
                parsed = refs.parse_ref(text)
            elif number or symbol:
                if not (number and symbol):
                    raise refs.RefError(
                        gettext("Nhập đủ cả số và ký hiệu, hoặc nhập cả số, ký hiệu vào một ô.")
                    )
                parsed = refs.parse_ref(refs.format_ref(number, symbol, data.get("is_party")))
            else:
                raise refs.RefError(
                    gettext("Chưa nhập số, ký hiệu (ví dụ 420/KH-STTTT-VP), hoặc nhập riêng số và ký hiệu.")
                )
        except refs.RefError as exc:
            self.add_error("ref_text", str(exc))
            return data
        if parsed.number is None:
            self.add_error("ref_text", gettext("Số văn bản còn để trống; văn bản vào sổ phải có số."))
            return data
        if parsed.date_invalid:
            self.add_error(
                "ref_text",
                gettext("Ngày trong số, ký hiệu (%(date)s) không có trong lịch.")
                % {"date": parsed.date_text},
            )
            return data
        data["number"], data["symbol"], data["is_party"] = parsed.number, parsed.symbol, parsed.is_party
        data["kind"] = data.get("kind") or parsed.kind
        if data.get("issued_on") is None and "issued_on" not in self.errors and parsed.date:
            data["issued_on"] = parsed.date
        if not (data.get("issuer_name") or "").strip() and parsed.issuer:
            data["issuer_name"] = parsed.issuer
        return data

    def document_fields(self):
        d = self.cleaned_data
        return {
            "direction": d["direction"],
            "kind": d["kind"],
            "number": d["number"],
            "symbol": d["symbol"],
            "is_party": d["is_party"],
            "issued_on": d.get("issued_on"),
            "effective_on": d.get("effective_on"),
            "issuer_name": (d.get("issuer_name") or "").strip(),
            "subject": d["subject"],
            "signer_name": d.get("signer_name") or "",
            "notes": d.get("notes") or "",
        }

    @staticmethod
    def initial_for(doc):
        return {
            "direction": doc.direction,
            "ref_text": doc.ref,
            "kind": doc.kind,
            "issued_on": short_date(doc.issued_on),
            "effective_on": short_date(doc.effective_on),
            "issuer_name": doc.issuer_name,
            "subject": doc.subject,
            "signer_name": doc.signer_name,
            "notes": doc.notes,
            "version": doc.version,
        }

    # Model error keys -> form fields, for errors raised by the actions.
    ERROR_FIELDS = {"ref": "ref_text", "number": "ref_text", "symbol": "ref_text", "organization": "registry"}

    def add_action_errors(self, exc):
        add_validation_error(self, exc, self.ERROR_FIELDS)


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do xóa"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp đính kèm"),
        help_text=_("PDF, DOCX, ODT, JPEG hoặc PNG."),
        error_messages={
            "required": _("Chưa chọn tệp để đính kèm."),
            "empty": _("Tệp trống, không có nội dung."),
        },
    )


class RelationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Quan hệ"), choices=RelationKind.choices)
    target = forms.CharField(
        label=_("Văn bản liên quan (số, ký hiệu)"),
        max_length=200,
        help_text=_("Ví dụ: 66/KH-UBND, hoặc “18-KH/ĐU ngày 25/3/2020” nếu có nhiều văn bản cùng số."),
    )

    def clean_target(self):
        try:
            return refs.parse_ref(self.cleaned_data["target"])
        except refs.RefError as exc:
            raise forms.ValidationError(str(exc)) from None


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Văn bản cần kiểm tra"),
        max_length=500_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Dán nội dung báo cáo; danchu tìm mọi số, ký hiệu văn bản và đối chiếu với sổ."),
    )
