from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from danchu.legal.models import Requirement

from .models import (
    Addressee,
    BoardRole,
    Channel,
    ConferenceDocumentKind,
    ConferenceKind,
    Convocation,
    DisclosureKind,
    VoteKind,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RequirementChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"[{obj.get_framework_display()[:22]}…] {obj.code}. {obj.title}"


class DisclosureForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), max_length=255)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=DisclosureKind.choices)
    requirement = RequirementChoice(
        label=_("Nội dung phải công khai theo quy định"),
        queryset=Requirement.objects.filter(area="disclosure").order_by("-framework", "order"),
        help_text=_("Chọn theo khung pháp lý áp dụng vào ngày ban hành quyết định."),
    )
    decided_on = forms.DateField(label=_("Ngày ban hành quyết định, văn bản được công khai"), widget=DATE)
    special_case = forms.BooleanField(
        label=_("Trường hợp đặc biệt (Nghị định 04/2015: 05 ngày làm việc)"), required=False
    )
    channels = forms.MultipleChoiceField(
        label=_("Hình thức công khai"), choices=Channel.choices, widget=forms.CheckboxSelectMultiple
    )
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea, required=False)
    posted_from = forms.DateField(label=_("Niêm yết từ ngày"), widget=DATE, required=False)
    posted_to = forms.DateField(label=_("Niêm yết đến ngày"), widget=DATE, required=False)
    item_count = forms.IntegerField(label=_("Số nội dung niêm yết"), min_value=1, required=False)
    attachment = forms.FileField(label=_("Tệp đính kèm"), required=False)

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and upload.size > settings.ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": settings.ATTACHMENT_MAX_BYTES // 2**20}
            )
        return upload


class PublishForm(forms.Form):
    published_on = forms.DateField(label=_("Ngày công khai"), widget=DATE, required=False)


class EndPostingForm(forms.Form):
    posted_to = forms.DateField(label=_("Ngày gỡ niêm yết"), widget=DATE)


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Dự thảo lấy ý kiến"), max_length=255)
    topic = forms.ModelChoiceField(
        label=_("Nội dung lấy ý kiến theo quy định"),
        queryset=Requirement.objects.filter(area="consultation", framework="law_2022").order_by("order"),
        required=False,
    )
    description = forms.CharField(
        label=_("Nội dung, cách thức lấy ý kiến"), widget=forms.Textarea, required=False
    )
    opens_on = forms.DateField(label=_("Bắt đầu nhận ý kiến"), widget=DATE)
    closes_on = forms.DateField(label=_("Hạn cuối nhận ý kiến"), widget=DATE)
    sections = forms.CharField(
        label=_("Các phần của dự thảo"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Mỗi dòng một phần, chương hoặc điều; cán bộ có thể góp ý cho từng phần hoặc toàn văn."),
    )


class CommentForm(forms.Form):
    section = forms.TypedChoiceField(label=_("Góp ý cho"), coerce=int, required=False, empty_value=None)
    body = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("Toàn văn dự thảo"))] + [(s.pk, s.title) for s in sections]


class SummaryForm(forms.Form):
    summary = forms.CharField(label=_("Tổng hợp ý kiến"), widget=forms.Textarea)
    uptake = forms.CharField(label=_("Việc tiếp thu, giải trình"), widget=forms.Textarea)
    channels = forms.MultipleChoiceField(
        label=_("Hình thức công khai"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Channel.INTRANET],
    )


class VoteForm(forms.Form):
    title = forms.CharField(label=_("Nội dung biểu quyết"), max_length=255)
    description = forms.CharField(label=_("Thuyết minh"), widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(label=_("Cách biểu quyết"), choices=VoteKind.choices)
    options = forms.CharField(
        label=_("Các phương án"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Mỗi dòng một phương án (khi chọn một trong các phương án)."),
    )
    secret = forms.BooleanField(label=_("Bỏ phiếu kín"), required=False, initial=True)
    opens_on = forms.DateField(label=_("Bắt đầu"), widget=DATE)
    closes_on = forms.DateField(label=_("Kết thúc"), widget=DATE)


class ConferenceForm(forms.Form):
    year = forms.IntegerField(label=_("Năm công tác được tổng kết"), min_value=2000, max_value=2100)
    held_on = forms.DateField(label=_("Ngày tổ chức"), widget=DATE)
    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=ConferenceKind.choices)
    convocation = forms.ChoiceField(label=_("Lần triệu tập"), choices=Convocation.choices)
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    chair = forms.CharField(label=_("Chủ trì"), max_length=255, required=False)
    secretary = forms.CharField(label=_("Thư ký"), max_length=255, required=False)
    agenda = forms.CharField(label=_("Chương trình hội nghị"), widget=forms.Textarea, required=False)


class ConferenceDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=ConferenceDocumentKind.choices)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255)
    summary = forms.CharField(label=_("Tóm tắt"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    upload = forms.FileField(label=_("Tệp"), required=False)

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and upload.size > settings.ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": settings.ATTACHMENT_MAX_BYTES // 2**20}
            )
        return upload


class ResolutionForm(forms.Form):
    text = forms.CharField(label=_("Nội dung biểu quyết"), widget=forms.Textarea(attrs={"rows": 3}))
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0)
    votes_against = forms.IntegerField(label=_("Không tán thành"), min_value=0, initial=0)
    abstentions = forms.IntegerField(label=_("Không biểu quyết"), min_value=0, initial=0)


class BoardForm(forms.Form):
    """Candidates (person, role, votes): nine usually, up to BOARD_FORM_ROWS when the conference
    decides a larger board and says why (Luật 10/2022 Art. 60(1); Nghị định 59/2023 Art. 21(2))."""

    ROWS = 15

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(p.pk, p.full_name) for p in people]
        self.fields["larger_board_reason"] = forms.CharField(
            label=_("Lý do bầu nhiều hơn 09 thành viên"),
            required=False,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_(
                "Chỉ khi cơ quan có tính chất đặc thù hoặc hoạt động phân tán và hội nghị quyết định số "
                "thành viên nhiều hơn, theo đề xuất của Ban Chấp hành Công đoàn sau khi thống nhất với thủ "
                "trưởng (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 60 khoản 1; Nghị định 59/2023/NĐ-CP, "
                "Điều 21 khoản 2)."
            ),
        )
        for i in range(1, self.ROWS + 1):
            self.fields[f"person_{i}"] = forms.TypedChoiceField(
                label=_("Thành viên %(i)s") % {"i": i},
                choices=choices,
                coerce=int,
                required=False,
                empty_value=None,
            )
            self.fields[f"role_{i}"] = forms.ChoiceField(
                label=_("Chức danh"),
                choices=BoardRole.choices,
                initial=BoardRole.HEAD if i == 1 else BoardRole.MEMBER,
            )
            self.fields[f"votes_{i}"] = forms.IntegerField(label=_("Số phiếu"), min_value=0, required=False)

    def members(self, people_by_id):
        rows = []
        for i in range(1, self.ROWS + 1):
            pid = self.cleaned_data.get(f"person_{i}")
            if pid:
                rows.append(
                    (
                        people_by_id[pid],
                        self.cleaned_data[f"role_{i}"],
                        self.cleaned_data.get(f"votes_{i}") or 0,
                    )
                )
        return rows


class FollowUpForm(forms.Form):
    done_on = forms.DateField(label=_("Ngày sơ kết"), widget=DATE)
    result = forms.CharField(label=_("Kết quả thực hiện nghị quyết"), widget=forms.Textarea)


class RecommendationForm(forms.Form):
    addressee = forms.ChoiceField(label=_("Gửi đến"), choices=Addressee.choices)
    subject = forms.CharField(label=_("Tiêu đề"), max_length=255)
    body = forms.CharField(label=_("Nội dung kiến nghị, phản ánh"), widget=forms.Textarea)
    anonymous = forms.BooleanField(
        label=_("Gửi ẩn danh"),
        required=False,
        help_text=_("Không lưu tên bạn; bạn theo dõi câu trả lời bằng mã tra cứu hiện ra sau khi gửi."),
    )
    from_board = forms.BooleanField(
        label=_("Nhân danh Ban Thanh tra nhân dân (thủ trưởng trả lời trong 15 ngày)"), required=False
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), widget=forms.Textarea)


class CodeBatchForm(forms.Form):
    count = forms.IntegerField(
        label=_("Số mã cần in"),
        min_value=1,
        help_text=_("Mỗi người tham dự bốc ngẫu nhiên một phiếu mã; mỗi mã chỉ dùng được một lần."),
    )


class KioskForm(forms.Form):
    code = forms.CharField(
        label=_("Mã bỏ phiếu"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("Nhập mã in trên phiếu, ví dụ ABCD-EFGH-JKMN-PQRS."),
    )
    option = forms.TypedChoiceField(label=_("Lựa chọn của bạn"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, options=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [(o.pk, o.label) for o in options]
