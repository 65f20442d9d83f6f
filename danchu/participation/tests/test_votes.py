import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from danchu.orgs.models import Person
from danchu.participation import actions, rules
from danchu.participation.models import NamedBallot, VoteKind

D = datetime.date
pytestmark = pytest.mark.django_db
TODAY = D(2020, 3, 10)
LABELS = ["Phương án Alpha-7", "Phương án Beta-9"]


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
        title="Chọn phương án",
        kind=VoteKind.OPTIONS,
        secret=secret,
        opens_on=D(2020, 3, 9),
        closes_on=D(2020, 3, 11),
        options=LABELS,
    )


def voters(world):
    return [world.head_a, world.clerk_a, world.handler_a, world.inspector_a, world.staff_a]


def test_secret_ballot_cannot_be_traced_to_its_voter_in_any_table(world):
    vote = make_vote(world)
    options = list(vote.options.all())
    voter_ids = set()
    for i, user in enumerate(voters(world)):
        actions.cast_vote(vote, actor=user, option=options[i % 2], today=TODAY)
        voter_ids |= {str(user.pk), str(Person.objects.get(user=user).pk)}
    assert not NamedBallot.objects.exists()
    option_ids = {str(o.pk) for o in options}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            columns = [c[0] for c in cursor.description]
            option_cols = [c for c in columns if "option" in c]
            voter_cols = [c for c in columns if any(k in c for k in ("person", "user", "actor", "author"))]
            for row in cursor.fetchall():
                text = " ".join(str(v) for v in row)
                # No row anywhere names an option except the option itself (the trail neither)...
                if any(label in text for label in LABELS):
                    assert table == "participation_voteoption", (table, row)
                # ...and no row links a voter to an option through its columns.
                cells = dict(zip(columns, (str(v) for v in row), strict=True))
                if option_cols and voter_cols:
                    linked_option = {cells[c] for c in option_cols} & option_ids
                    linked_voter = {cells[c] for c in voter_cols} & voter_ids
                    assert not (linked_option and linked_voter), (table, row)
    # The roll knows who voted, never what, and no time finer than the vote itself.
    roll_fields = {f.name for f in apps.get_model("participation", "VoterRoll")._meta.concrete_fields}
    assert roll_fields == {"id", "vote", "person"}
    assert sealed_counts(vote) == [3, 2]


def test_one_person_one_vote_and_only_while_open(world):
    vote = make_vote(world)
    option = vote.options.first()
    with pytest.raises(ValidationError, match="Chưa đến"):
        actions.cast_vote(vote, actor=world.staff_a, option=option, today=D(2020, 3, 8))
    actions.cast_vote(vote, actor=world.staff_a, option=option, today=TODAY)
    with pytest.raises(ValidationError, match="đã biểu quyết"):
        actions.cast_vote(vote, actor=world.staff_a, option=option, today=TODAY)
    with pytest.raises(ValidationError, match="hết thời gian"):
        actions.cast_vote(vote, actor=world.head_a, option=option, today=D(2020, 3, 12))
    with pytest.raises(ValidationError):
        actions.cast_vote(vote, actor=world.clerk_b, option=option, today=TODAY)  # an outsider


def test_small_secret_group_result_is_withheld_but_a_named_one_is_shown(world):
    assert rules.MIN_RESULT_GROUP == 5
    secret, named = make_vote(world), make_vote(world, secret=False)
    for user in voters(world)[:3]:
        actions.cast_vote(secret, actor=user, option=secret.options.first(), today=TODAY)
        actions.cast_vote(named, actor=user, option=named.options.first(), today=TODAY)
    assert actions.vote_results(secret, today=TODAY)["withheld"]  # not closed yet
    closed = D(2020, 3, 12)
    assert actions.vote_results(secret, today=closed)["withheld"]
    assert actions.vote_results(secret, today=closed)["options"] == []
    assert actions.vote_results(named, today=closed)["options"][0]["tally"] == 3
    for user in voters(world)[3:]:
        actions.cast_vote(secret, actor=user, option=secret.options.last(), today=TODAY)
    shown = actions.vote_results(secret, today=closed)
    assert not shown["withheld"] and [o["tally"] for o in shown["options"]] == [3, 2]


def _poll(cursor, tables):
    """Every row of `tables` with its PostgreSQL system columns, as an observer would see it."""
    state = {}
    for table in tables:
        cursor.execute(f'SELECT xmin::text, ctid::text, * FROM "{table}"')
        state[table] = {tuple(str(v) for v in row) for row in cursor.fetchall()}
    return state


@pytest.mark.django_db(transaction=True)
def test_polling_postgresql_between_secret_ballots_links_no_voter_to_a_choice(world):
    """Issue 14 item 6: an observer who reads every table (and xmin, ctid) after each ballot
    learns who voted, never what: no count moves, the sealed ballot shares no transaction with
    the roll, and sealed ballots for different options look alike."""
    from django.db import connection

    from danchu.participation import ballots
    from danchu.participation.models import SealedBallot, VoterRoll

    if connection.vendor != "postgresql":
        pytest.skip("xmin and ctid are PostgreSQL's system columns")
    vote = make_vote(world)
    options = list(vote.options.all())
    tables = [t for t in connection.introspection.table_names() if t.startswith(("participation_", "audit_"))]
    choices = [0, 1, 0, 1, 0]
    sealed_seen = []
    with connection.cursor() as cursor:
        before = _poll(cursor, tables)
        for user, choice in zip(voters(world), choices, strict=True):
            actions.cast_vote(vote, actor=user, option=options[choice], today=TODAY)
            after = _poll(cursor, tables)
            changed = {t for t in tables if after[t] != before[t]}
            # Only the roll, the trail and the sealed ballots change; no option row (nor its xmin).
            assert "participation_voteoption" not in changed and "participation_vote" not in changed
            new = {t: after[t] - before[t] for t in changed}
            assert all(not (before[t] - after[t]) for t in changed)  # nothing updated in place
            roll_xmin = {row[0] for row in new["participation_voterroll"]}
            (ballot_row,) = new["participation_sealedballot"]
            assert ballot_row[0] not in roll_xmin  # not the roll's transaction
            audit_xmins = {row[0] for t, rows in new.items() if t.startswith("audit_") for row in rows}
            assert ballot_row[0] not in audit_xmins
            for t, rows in new.items():
                for row in rows:
                    assert not any(label in " ".join(row) for label in LABELS), (t, row)
            sealed_seen.append(bytes(SealedBallot.objects.get(pk=ballot_row[2]).sealed))
            before = after
    # Sealed ballots all have one length and never repeat, whatever the option.
    assert {len(s) for s in sealed_seen} == {ballots.SEALED_LENGTH}
    assert len(set(sealed_seen)) == len(sealed_seen)
    assert VoterRoll.objects.filter(vote=vote).count() == 5
    closed = actions.vote_results(vote, today=D(2020, 3, 12))
    assert [o["tally"] for o in closed["options"]] == [3, 2]
