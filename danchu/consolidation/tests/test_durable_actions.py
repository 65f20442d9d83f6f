"""An entry-point action commits for good when it returns (core/transactions.py): it refuses a
transaction of its caller's, nests in a batch, and its e-mail leaves only once the outermost
unit has committed. Real transactions (`transactional_db`): a TestCase's would skip the check."""

import pytest
from django.core import mail
from django.db import transaction

from danchu.consolidation import actions
from danchu.core import transactions
from danchu.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


class Boom(Exception):
    pass


@pytest.fixture
def reminded(world, req):
    """send_reminders for the request, with an address for the clerk of B (who has not answered)."""
    world.clerk_b.email = "vanthu.sob@example.vn"
    world.clerk_b.save()
    mail.outbox.clear()
    return lambda: actions.send_reminders(req, actor=world.officer)


def reminders():
    return Notification.objects.filter(kind__startswith="consolidation.reminder").count()


def test_an_action_alone_has_committed_and_sent_its_email_when_it_returns(reminded):
    assert reminded() == 3  # head and clerk of A, clerk of B
    assert [m.to for m in mail.outbox] == [["vanthu.sob@example.vn"]]
    assert reminders() == 3


def test_an_action_refuses_to_run_inside_a_plain_transaction(reminded):
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        reminded()
    assert mail.outbox == []
    assert reminders() == 0


def test_in_a_batch_the_email_waits_for_the_batch_and_a_rollback_sends_nothing(reminded):
    with pytest.raises(Boom), transactions.batch():
        reminded()
        raise Boom
    assert mail.outbox == []
    assert reminders() == 0
    with transactions.batch():
        reminded()
        reminded()  # a second action of the same unit
        assert mail.outbox == []  # the actions returned, the batch has not committed
    assert [m.to for m in mail.outbox] == [["vanthu.sob@example.vn"]] * 2
    assert reminders() == 6
