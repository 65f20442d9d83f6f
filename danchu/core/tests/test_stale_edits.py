"""Issue 14, item 9: two people open the same register record, both save; the second is refused
with a message, keeps what they typed, sees what changed, and nothing stored is lost."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from danchu.activities import actions
from danchu.activities.models import Fund, StaffingQuota
from danchu.audit.models import AuditAction
from danchu.audit.trail import history_for
from danchu.core import stale
from danchu.core.registers import save_record
from danchu.documents.models import Document


def _opened(client, url):
    """The edit page as a user opens it: the version it carries."""
    page = client.get(url).content.decode()
    match = re.search(r'name="opened_version" value="([0-9a-f]+)"', page)
    assert match, "the edit form carries the version it was opened on"
    return match.group(1)


def _clients(*users):
    clients = []
    for user in users:
        c = Client()
        c.force_login(user)
        clients.append(c)
    return clients


def test_the_second_of_two_concurrent_register_edits_is_refused_and_loses_nothing(world):
    fund = actions.save_fund(
        Fund(organization=world.a, name="Quỹ An sinh", purpose="ban đầu"), actor=world.clerk_a
    )
    url = reverse("activities:fund_edit", args=[fund.uuid])
    first, second = _clients(world.clerk_a, world.head_a)
    v1, v2 = _opened(first, url), _opened(second, url)
    assert v1 == v2

    saved = first.post(
        url,
        {
            "organization": world.a.pk,
            "name": "Quỹ An sinh xã hội",
            "purpose": "của người thứ nhất",
            "opened_version": v1,
        },
    )
    assert saved.status_code == 302
    response = second.post(
        url,
        {
            "organization": world.a.pk,
            "name": "Quỹ An sinh",
            "purpose": "của người thứ hai",
            "opened_version": v2,
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "vừa được người khác sửa" in body
    assert "của người thứ hai" in body  # what the second person typed stays in the form
    table = body[body.index('id="stale-conflict"') :]
    assert "Tên quỹ" in table or "tên" in table.lower()
    assert "của người thứ nhất" in table and "Quỹ An sinh xã hội" in table  # the stored values
    fund.refresh_from_db()
    assert (fund.name, fund.purpose) == ("Quỹ An sinh xã hội", "của người thứ nhất")
    assert history_for(fund).filter(action=AuditAction.UPDATE).count() == 1

    # The page now carries the stored version: saving again, knowingly, overwrites.
    carried = re.search(r'name="opened_version" value="([0-9a-f]+)"', body).group(1)
    assert carried == stale.version_of(fund) != v2
    again = second.post(
        url,
        {
            "organization": world.a.pk,
            "name": "Quỹ An sinh",
            "purpose": "của người thứ hai",
            "opened_version": carried,
        },
    )
    assert again.status_code == 302
    fund.refresh_from_db()
    assert fund.purpose == "của người thứ hai"


def test_a_form_posted_without_its_version_cannot_overwrite_silently(world, client_for):
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ", purpose="lưu trữ"), actor=world.clerk_a)
    url = reverse("activities:fund_edit", args=[fund.uuid])
    response = client_for(world.clerk_a).post(
        url, {"organization": world.a.pk, "name": "Quỹ", "purpose": "ghi đè"}
    )
    assert response.status_code == 400 and "vừa được người khác sửa" in response.content.decode()
    fund.refresh_from_db()
    assert fund.purpose == "lưu trữ"


def test_an_unchanged_record_saves_whatever_the_version(world, client_for):
    """Nothing the user typed differs from what is stored: nothing to lose, no refusal."""
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ", purpose="như cũ"), actor=world.clerk_a)
    url = reverse("activities:fund_edit", args=[fund.uuid])
    response = client_for(world.clerk_a).post(
        url, {"organization": world.a.pk, "name": "Quỹ", "purpose": "như cũ", "opened_version": "0" * 32}
    )
    assert response.status_code == 302


def test_a_many_to_many_change_makes_the_version_stale(world, client_for):
    doc = Document.objects.create(
        organization=world.a, kind="QĐ", number="638", symbol="QĐ-UBND", subject="Giao biên chế"
    )
    quota = actions.save_staffing_quota(
        StaffingQuota(organization=world.a, year=2020, civil_servant_quota=28, public_employee_quota=28),
        actor=world.head_a,
    )
    url = reverse("activities:staffing_edit", args=[quota.uuid])
    first, second = _clients(world.head_a, world.head_a)
    version = _opened(first, url)
    _opened(second, url)
    data = {
        "organization": world.a.pk,
        "year": "2020",
        "civil_servant_quota": "28",
        "public_employee_quota": "28",
        "civil_servant_reduction": "0",
        "public_employee_reduction": "0",
    }
    assert first.post(url, {**data, "decisions": [doc.pk], "opened_version": version}).status_code == 302
    response = second.post(url, {**data, "notes": "không có văn bản", "opened_version": version})
    assert response.status_code == 400
    assert "Quyết định số 638/QĐ-UBND" in response.content.decode()
    quota.refresh_from_db()
    assert list(quota.decisions.all()) == [doc] and quota.notes == ""


def test_the_action_refuses_a_stale_version_under_the_row_lock(world):
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ", purpose="một"), actor=world.clerk_a)
    opened = stale.version_of(fund)
    Fund.objects.filter(pk=fund.pk).update(purpose="hai")  # someone else, meanwhile
    mine = Fund.objects.get(pk=fund.pk)
    mine.purpose = "ba"
    with pytest.raises(stale.StaleEdit) as caught:
        actions.save_fund(mine, actor=world.clerk_a, expected_version=opened)
    assert [row[1:] for row in caught.value.rows] == [("hai", "ba")]
    assert Fund.objects.get(pk=fund.pk).purpose == "hai"


@pytest.mark.django_db(transaction=True)
def test_two_racing_saves_cannot_both_win(world):
    """Both requests carry the same version; the row lock makes the second wait for the first and
    then see the changed record. On SQLite the database lock serialises the two the same way."""
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ", purpose="gốc"), actor=world.clerk_a)
    opened = stale.version_of(fund)
    results = {}
    barrier = threading.Barrier(2)

    def save(label):
        try:
            barrier.wait(timeout=10)
            mine = Fund.objects.get(pk=fund.pk)
            mine.purpose = label
            save_record(mine, actor=world.clerk_a, expected_version=opened)  # its own transaction
            results[label] = "saved"
        except stale.StaleEdit:
            results[label] = "stale"
        except Exception as exc:  # noqa: BLE001 - a database lock error on SQLite is a refusal too
            results[label] = f"error {type(exc).__name__}"
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(label,)) for label in ("một", "hai")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results.values()).count("saved") == 1, results
    winner = next(label for label, result in results.items() if result == "saved")
    assert Fund.objects.get(pk=fund.pk).purpose == winner
