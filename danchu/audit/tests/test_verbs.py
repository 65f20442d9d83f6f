"""Audit verbs are stored as stable codes and rendered in the reader's language (issue 16): an
English user's action no longer writes English legal history, and a Vietnamese history reads in
English for an English reader."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps as django_apps
from django.template import Context, Template
from django.utils import translation

from danchu.audit.models import AuditAction, AuditEvent
from danchu.audit.trail import history_for, record
from danchu.audit.verbs import VERBS, normalise
from danchu.participation import actions as participation
from danchu.participation.models import Channel

pytestmark = pytest.mark.django_db
D = datetime.date


def history_html(obj):
    return Template("{% load audit %}{% history obj %}").render(Context({"obj": obj}))


def _disclosure(world):
    from danchu.legal.models import Requirement

    return participation.create_disclosure(
        organization=world.a,
        actor=world.clerk_a,
        title="Nâng bậc lương",
        requirement=Requirement.objects.get(framework="nd04_2015", area="disclosure", code="4"),
        decided_on=D(2020, 3, 9),
        channels=[Channel.INTRANET],
    )


@time_machine.travel("2020-03-10 09:00 +0700")
def test_an_event_written_in_english_reads_in_vietnamese_to_a_vietnamese_reader(world):
    with translation.override("en"):
        d = participation.publish_disclosure(_disclosure(world), actor=world.clerk_a)
    event = history_for(d).filter(action=AuditAction.TRANSITION).get()
    assert (event.verb_code, event.verb_params) == ("participation.disclosure_publish", {"n": "5"})
    assert event.verb == "Công khai đến 5 người"  # the stored text is Vietnamese, whoever wrote it
    with translation.override("vi"):
        assert event.verb_text == "Công khai đến 5 người"
        assert "Công khai đến 5 người" in history_html(d)
    with translation.override("en"):
        assert event.verb_text == "Disclosed to 5 people"


def test_an_event_written_in_vietnamese_reads_in_english_to_an_english_reader(world):
    from danchu.orgs.actions import update_organization

    with translation.override("vi"):
        update_organization(world.a, actor=world.admin, head_title="Giám đốc")
    event = history_for(world.a).get()
    assert event.verb_code == "orgs.settings" and event.verb == "sửa thiết lập cơ quan"
    with translation.override("en"):
        assert event.verb_text == "changed the agency settings"
        html = history_html(world.a)
        assert "changed the agency settings" in html and "sửa thiết lập cơ quan" not in html


def test_a_code_with_params_is_stored_as_given_and_free_text_stays_as_written(world):
    coded = record(world.a, AuditAction.OTHER, world.admin, verb="core.lockout", verb_params={"n": 5})
    assert coded.verb == "Tạm khóa đăng nhập sau 5 lần nhập sai mật khẩu"
    with translation.override("en"):
        assert coded.verb_text == "Sign-in locked after 5 wrong passwords"
    free = record(world.a, AuditAction.OTHER, world.admin, verb="Rút khỏi sổ: chưa xác nhận")
    assert free.verb_code == "" and free.verb_params == {}
    with translation.override("en"):
        assert free.verb_text == "Rút khỏi sổ: chưa xác nhận"


def test_the_most_specific_verb_wins():
    assert normalise("gửi báo cáo phiên bản 2 (muộn)")[:2] == ("consolidation.submit_late", {"version": "2"})
    assert normalise("gửi báo cáo phiên bản 2")[:2] == ("consolidation.submit", {"version": "2"})
    assert normalise("gửi báo cáo")[:2] == ("reporting.submit", {})


def test_every_verb_translates_to_a_distinct_english_text_with_the_same_placeholders():
    import re

    with translation.override("en"):
        english = {code: str(t) for code, t in VERBS.items()}
    with translation.override("vi"):
        vietnamese = {code: str(t) for code, t in VERBS.items()}
    assert len(set(english.values())) == len(VERBS) and len(set(vietnamese.values())) == len(VERBS)
    names = re.compile(r"%\((\w+)\)s")
    for code in VERBS:
        assert english[code] != vietnamese[code], code
        assert sorted(names.findall(english[code])) == sorted(names.findall(vietnamese[code])), code


def test_rows_stored_before_codes_get_their_code_from_the_data_migration(world):
    """Rows written as text (Vietnamese, or English by an English user) before this change."""
    english = AuditEvent.objects.create(
        action=AuditAction.TRANSITION,
        verb="Disclosed to 7 people",
        content_type_id=1,
        object_id="1",
        object_repr="x",
    )
    vietnamese = AuditEvent.objects.create(
        action=AuditAction.OTHER, verb="Thụ lý", content_type_id=1, object_id="1", object_repr="x"
    )
    free = AuditEvent.objects.create(
        action=AuditAction.OTHER, verb="ghi chú tự do", content_type_id=1, object_id="1", object_repr="x"
    )
    migration = importlib.import_module("danchu.audit.migrations.0003_verb_code_rendered_in_reader_language")
    migration.map_stored_verbs(django_apps, None)
    english, vietnamese, free = (AuditEvent.objects.get(pk=e.pk) for e in (english, vietnamese, free))
    assert (english.verb_code, english.verb_params) == ("participation.disclosure_publish", {"n": "7"})
    assert english.verb == "Disclosed to 7 people"  # the row itself is not rewritten
    with translation.override("vi"):
        assert english.verb_text == "Công khai đến 7 người"
        assert vietnamese.verb_text == "Thụ lý" and vietnamese.verb_code == "petitions.accept"
    with translation.override("en"):
        assert vietnamese.verb_text == "Accept for handling"
        assert free.verb_code == "" and free.verb_text == "ghi chú tự do"


def test_every_verb_an_action_writes_has_a_code():
    """A verb written in the code (gettext or not, f-strings with their values) is one of VERBS,
    so that no action writes history that cannot be shown in the reader's language."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    literal = re.compile(
        r"(?:verb=|_save_and_audit\(\s*p, before, actor, |_transition\(report, actor, [\w.]+, )"
        r'(?:_\()?(f?)"([^"]+)"'
    )
    missing, found = [], 0
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for is_f, text in literal.findall(path.read_text()):
            found += 1
            sample = re.sub(r"\{[^}]*\}", "7", text) if is_f else text.replace("%(", "").replace(")s", "")
            if not is_f and "%(" in text:
                sample = re.sub(r"%\((\w+)\)s", "7", text)
            if not normalise(sample)[0]:
                missing.append(f"{path.relative_to(root)}: {text}")
    assert found > 60 and missing == []
