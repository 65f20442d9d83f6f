"""Correct Vietnamese everywhere: Django's own messages that a user can meet (forms, validators,
model fields, pagination) must be Vietnamese too. Django's Vietnamese catalog leaves some out;
locale/vi fills them, and this test fails when a Django upgrade brings a new one."""

from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django import forms
from django.utils import translation

from danchu.orgs.models import Membership

DJANGO_EN = Path(django.__file__).parent / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po"
# Where a user meets the message: the forms and validators and the model fields behind them.
USER_FACING = ("core/", "db/", "forms/", "contrib/messages/", "utils/timesince.py", "utils/text.py")
SAME_IN_VIETNAMESE = {"IPv4", "IPv6", "…", "%(truncated_text)s…", ":?.!", ":", ", "}


def django_messages():
    with DJANGO_EN.open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if message.id and any(loc.startswith(USER_FACING) for loc, _line in message.locations):
            yield message


def test_every_user_facing_django_message_has_vietnamese():
    untranslated = []
    with translation.override("vi"):
        for message in django_messages():
            if isinstance(message.id, tuple):
                text = translation.ngettext(message.id[0], message.id[1], 2)
                source = message.id[1]
            elif message.context:
                text = translation.pgettext(message.context, message.id)
                source = message.id
            else:
                text = translation.gettext(message.id)
                source = message.id
            if text == source and source not in SAME_IN_VIETNAMESE:
                untranslated.append(source)
    assert untranslated == []


@pytest.mark.django_db
def test_a_dropdown_offers_its_blank_choice_in_vietnamese():
    class Pick(forms.ModelForm):
        class Meta:
            model = Membership
            fields = ["staff_category", "signs_as"]

    with translation.override("vi"):
        html = str(Pick()["signs_as"])
    assert "— Chọn —" in html and "Select an option" not in html
