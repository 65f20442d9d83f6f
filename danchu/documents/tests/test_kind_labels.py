"""Document.get_kind_display() reads a table translated once per language: the same label Django's
own get_FOO_display() gives, for every kind, in each language, and the stored value for an
unknown one."""

import pytest
from django.db.models import Model
from django.utils import translation

from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Document


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_same_labels_as_django_in_each_language(language):
    django_display = Model._get_FIELD_display  # what get_kind_display() would be without ours
    field = Document._meta.get_field("kind")
    with translation.override(language):
        for value, _label in DocumentKind.choices:
            document = Document(kind=value)
            assert document.get_kind_display() == django_display(document, field)
        assert Document(kind="khác").get_kind_display() == "khác"


def test_the_label_follows_the_active_language():
    document = Document(kind=DocumentKind.choices[0][0])
    with translation.override("vi"):
        vietnamese = document.get_kind_display()
    with translation.override("en"):
        english = document.get_kind_display()
        assert str(document).startswith(english)
    assert vietnamese != english
