"""One-time voting codes for a room without devices: printed, used once, linked to nobody."""

import datetime
import re

import pytest
import time_machine
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection

from danchu.audit.models import AuditEvent
from danchu.orgs.models import Person
from danchu.participation import actions, rules
from danchu.participation.models import VoteKind, VotingCode

D = datetime.date
pytestmark = pytest.mark.django_db
TODAY = D(2020, 3, 10)
LABELS = ["Phương án Gamma-3", "Phương án Delta-4"]
NOW = "2020-03-10 09:00 +0700"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def sealed_counts(vote):
    """Each option's count of sealed secret ballots; the options' own tallies never move."""
    from danchu.participation import ballots

    counted = ballots.count(vote)
    assert [o.tally for o in vote.options.all()] == [0] * vote.options.count()
    return [counted.get(o.pk, 0) for o in vote.options.all()]


def make_vote(world, secret=True):
    return actions.create_vote(
        organization=world.a,
        actor=world.clerk_a,
        title="Bầu chọn",
        kind=VoteKind.OPTIONS,
        secret=secret,
        opens_on=D(2020, 3, 9),
        closes_on=D(2020, 3, 11),
        options=LABELS,
    )


def test_codes_are_long_random_and_only_their_digests_are_stored(world):
    vote = make_vote(world)
    codes = actions.generate_voting_codes(vote, actor=world.clerk_a, count=4, today=TODAY)
    assert len(set(codes)) == 4
    for code in codes:
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)
    fields = {f.name for f in apps.get_model("participation", "VotingCode")._meta.concrete_fields}
    assert fields == {"id", "vote", "digest", "used"}
    stored = set(VotingCode.objects.values_list("digest", flat=True))
    assert stored == {actions.code_digest(vote, c) for c in codes}
    assert rules.CODE_LENGTH * 5 >= 80  # bits of randomness
    event = AuditEvent.objects.filter(verb__contains="mã bỏ phiếu").get()
    assert not any(c.replace("-", "") in str(event.changes) + event.verb for c in codes)


def test_a_code_casts_one_ballot_and_cannot_be_reused(world):
    vote = make_vote(world)
    code = actions.generate_voting_codes(vote, actor=world.clerk_a, count=2, today=TODAY)[0]
    option = vote.options.first()
    actions.cast_code_ballot(vote, actor=world.clerk_a, code=code.lower(), option=option, today=TODAY)
    with pytest.raises(ValidationError, match="đã được sử dụng"):
        actions.cast_code_ballot(vote, actor=world.clerk_a, code=code, option=option, today=TODAY)
    assert sealed_counts(vote) == [1, 0]
    assert VotingCode.objects.filter(used=True).count() == 1
    results = actions.vote_results(vote, today=TODAY)
    assert results["code_ballots"] == 1 and results["turnout"] == 1
    assert not vote.roll.exists()  # a code voter is never on the named roll


def test_no_table_links_a_code_ballot_to_a_person(world):
    vote = make_vote(world)
    codes = actions.generate_voting_codes(vote, actor=world.clerk_a, count=5, today=TODAY)
    options = list(vote.options.all())
    for i, code in enumerate(codes):
        actions.cast_code_ballot(vote, actor=world.clerk_a, code=code, option=options[i % 2], today=TODAY)
    plain = {c.replace("-", "") for c in codes} | set(codes)
    digests = set(VotingCode.objects.values_list("digest", flat=True))
    code_ids = {str(pk) for pk in VotingCode.objects.values_list("pk", flat=True)}
    people = {str(p.pk) for p in Person.objects.all()}
    users = {str(u.pk) for u in apps.get_model("auth", "User").objects.all()}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                text = " ".join(str(v) for v in row)
                # The plain codes are nowhere; the digests only in the codes' own table.
                assert not any(c in text for c in plain), (table, row)
                if any(d in text for d in digests):
                    assert table == "participation_votingcode", (table, row)
                # No row refers to a code together with a person, a user or an option.
                cells = dict(zip(columns, (str(v) for v in row), strict=True))
                code_cols = [c for c in columns if "code" in c and c.endswith("_id")]
                if code_cols and {cells[c] for c in code_cols} & code_ids:
                    others = [
                        c for c in columns if any(k in c for k in ("person", "user", "actor", "option"))
                    ]
                    assert not ({cells[c] for c in others} & (people | users)), (table, row)
    code_fk = [f for m in apps.get_models() for f in m._meta.concrete_fields if f.related_model is VotingCode]
    assert code_fk == []
    assert [f.name for f in VotingCode._meta.concrete_fields if f.is_relation] == ["vote"]
    # The trail counts code ballots without naming a code, a digest or an option.
    for event in AuditEvent.objects.filter(verb__contains="bằng mã"):
        blob = f"{event.verb} {event.changes} {event.object_repr}"
        assert not any(label in blob for label in LABELS)
        assert not any(d in blob for d in digests)
    assert sealed_counts(vote) == [3, 2]


def test_wrong_codes_are_throttled_even_before_a_right_one(world):
    vote = make_vote(world)
    code = actions.generate_voting_codes(vote, actor=world.clerk_a, count=1, today=TODAY)[0]
    option = vote.options.first()
    for _ in range(rules.CODE_FAILURE_LIMIT):
        with pytest.raises(ValidationError, match="không đúng"):
            actions.cast_code_ballot(
                vote, actor=world.clerk_a, code="AAAA-BBBB-CCCC-DDDD", option=option, today=TODAY
            )
    with pytest.raises(ValidationError, match="quá nhiều lần"):
        actions.cast_code_ballot(vote, actor=world.clerk_a, code=code, option=option, today=TODAY)
    assert not VotingCode.objects.filter(used=True).exists()


def test_a_missing_choice_neither_uses_the_code_nor_counts_as_a_failure(world):
    vote = make_vote(world)
    code = actions.generate_voting_codes(vote, actor=world.clerk_a, count=1, today=TODAY)[0]
    with pytest.raises(ValidationError, match="chọn một phương án"):
        actions.cast_code_ballot(vote, actor=world.clerk_a, code=code, option=None, today=TODAY)
    assert not VotingCode.objects.filter(used=True).exists()
    assert not actions.code_lookups_blocked(vote, world.clerk_a)


def test_codes_are_bounded_by_the_electorate_and_only_for_open_secret_votes(world):
    vote = make_vote(world)
    assert vote.electorate_size == 5
    actions.cast_vote(vote, actor=world.staff_a, option=vote.options.first(), today=TODAY)
    with pytest.raises(ValidationError, match="Chỉ còn in được 4 mã"):
        actions.generate_voting_codes(vote, actor=world.clerk_a, count=5, today=TODAY)
    actions.generate_voting_codes(vote, actor=world.clerk_a, count=4, today=TODAY)
    with pytest.raises(ValidationError, match="Chỉ còn in được 0 mã"):
        actions.generate_voting_codes(vote, actor=world.clerk_a, count=1, today=TODAY)
    with pytest.raises(ValidationError, match="biểu quyết kín"):
        actions.generate_voting_codes(
            make_vote(world, secret=False), actor=world.clerk_a, count=1, today=TODAY
        )
    with pytest.raises(ValidationError, match="hết thời gian"):
        actions.generate_voting_codes(make_vote(world), actor=world.clerk_a, count=1, today=D(2020, 3, 12))
    code = actions.generate_voting_codes(make_vote(world), actor=world.clerk_a, count=1, today=TODAY)[0]
    other = make_vote(world)
    with pytest.raises(ValidationError, match="không đúng"):  # a code belongs to its own vote
        actions.cast_code_ballot(
            other, actor=world.clerk_a, code=code, option=other.options.first(), today=TODAY
        )


def test_voiding_cancels_only_unused_codes(world):
    vote = make_vote(world)
    codes = actions.generate_voting_codes(vote, actor=world.clerk_a, count=3, today=TODAY)
    actions.cast_code_ballot(
        vote, actor=world.clerk_a, code=codes[0], option=vote.options.first(), today=TODAY
    )
    assert actions.void_unused_codes(vote, actor=world.clerk_a) == 2
    with pytest.raises(ValidationError, match="không đúng"):
        actions.cast_code_ballot(
            vote, actor=world.clerk_a, code=codes[1], option=vote.options.first(), today=TODAY
        )
    assert actions.vote_results(vote, today=TODAY)["code_ballots"] == 1
    with pytest.raises(ValidationError):
        actions.void_unused_codes(vote, actor=world.clerk_a)


@pytest.mark.parametrize("role", ["staff_a", "handler_a", "officer", "clerk_b"])
def test_only_organisers_open_the_code_and_kiosk_pages(world, client_for, role):
    vote = make_vote(world)
    client = client_for(getattr(world, role))
    with time_machine.travel(NOW):
        assert client.get(f"/dan-chu/bieu-quyet/{vote.uuid}/ma/").status_code == 404
        assert client.get(f"/dan-chu/bieu-quyet/{vote.uuid}/kiosk/").status_code == 404
        client.post(f"/dan-chu/bieu-quyet/{vote.uuid}/ma/", {"action": "generate", "count": 2})
    assert not VotingCode.objects.exists()


def test_print_sheet_then_vote_at_the_kiosk(world, client_for):
    vote = make_vote(world)
    client = client_for(world.clerk_a)
    with time_machine.travel(NOW):
        sheet = client.post(f"/dan-chu/bieu-quyet/{vote.uuid}/ma/", {"action": "generate", "count": 3})
        assert sheet.status_code == 200 and sheet["Cache-Control"] == "no-store"
        codes = re.findall(r'<p class="code">([0-9A-Z-]+)</p>', sheet.content.decode())
        assert len(codes) == 3
        page = client.get(f"/dan-chu/bieu-quyet/{vote.uuid}/ma/").content.decode()
        assert codes[0] not in page  # shown once, never again
        option = vote.options.last()
        kiosk = f"/dan-chu/bieu-quyet/{vote.uuid}/kiosk/"
        assert client.post(kiosk, {"code": codes[0], "option": option.pk}).status_code == 302
        again = client.post(kiosk, {"code": codes[0], "option": option.pk})
        assert again.status_code == 200 and "đã được sử dụng" in again.content.decode()
        empty = client.post(kiosk, {"code": codes[1]})
        assert "AAAA" not in empty.content.decode() and codes[1] in empty.content.decode()  # kept
    with time_machine.travel("2020-03-12 09:00 +0700"):
        client.force_login(world.clerk_a)  # two days later the session has ended (8 hours idle)
        detail = client.get(f"/dan-chu/bieu-quyet/{vote.uuid}/").content.decode()
    assert "1 phiếu bằng mã" in detail
    assert sealed_counts(vote) == [0, 1]


def test_bad_batch_size_answers_with_a_message(world, client_for):
    vote = make_vote(world)
    with time_machine.travel(NOW):
        response = client_for(world.clerk_a).post(
            f"/dan-chu/bieu-quyet/{vote.uuid}/ma/", {"action": "generate", "count": 50}
        )
    assert response.status_code == 200 and "Chỉ còn in được 5 mã" in response.content.decode()
    assert not VotingCode.objects.exists()
