from django import forms
from django.utils.translation import gettext_lazy as _

from danchu.consolidation.forms import DataEntryForm


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp báo cáo (DOCX hoặc PDF)"))


class ReadingEntryForm(DataEntryForm):
    """The province's data-entry form without its file field: the file is the one read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["file"]
