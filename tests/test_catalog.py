"""The English catalog is complete: every message has an English translation that gettext uses.

An untranslated entry shows Vietnamese to an English reader; a `#, fuzzy` entry (makemessages'
guess copied from a similar string, usually wrong) is skipped by gettext altogether. After
`make messages`, translate the new entries and remove the fuzzy flags; this test names them."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def messages():
    with CATALOG.open("rb") as fh:
        catalog = read_po(fh)
    return [message for message in catalog if message.id]


def source_of(message):
    return message.id[0] if isinstance(message.id, tuple) else message.id


def forms_of(message):
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_the_catalog_has_entries():
    assert len(messages()) > 1000


def test_no_english_entry_is_untranslated():
    untranslated = [source_of(m) for m in messages() if not all(form.strip() for form in forms_of(m))]
    assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated[:20]}"


def test_no_english_entry_is_fuzzy():
    fuzzy = [source_of(m) for m in messages() if m.fuzzy]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy: {fuzzy[:20]}"


def test_every_translation_keeps_the_placeholders():
    wrong = []
    for message in messages():
        sources = list(message.id) if isinstance(message.id, tuple) else [message.id]
        wanted = sorted(set().union(*(PLACEHOLDER.findall(s) for s in sources)))
        for form in forms_of(message):
            # A singular form may leave out the count ("one record"), never add a name.
            if not set(PLACEHOLDER.findall(form)) <= set(wanted):
                wrong.append(source_of(message))
            elif not isinstance(message.id, tuple) and sorted(set(PLACEHOLDER.findall(form))) != wanted:
                wrong.append(source_of(message))
    assert wrong == [], f"placeholders changed in: {wrong[:20]}"


def test_a_period_name_is_stored_in_vietnamese_whatever_the_ui_language():
    # The name is stored and printed in the report's documents (official text stays Vietnamese).
    from django.utils import translation

    from danchu.orgs.models import PeriodKind
    from danchu.orgs.periods import period_name

    with translation.override("en"):
        assert period_name(PeriodKind.QUARTER, 2026, 3) == "Quý III năm 2026"
        assert period_name(PeriodKind.HALF_YEAR, 2026, 1) == "6 tháng đầu năm 2026"
        assert translation.gettext("Quý %(q)s năm %(year)s") == "Quarter %(q)s %(year)s"
