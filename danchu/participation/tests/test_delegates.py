"""Delegates of a conference of 100 staff or more: picked among the electorate on a page."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from danchu.audit.trail import history_for
from danchu.core import stale
from danchu.orgs.models import Membership, Organization, OrganizationKind, Person
from danchu.participation import actions

D = datetime.date
pytestmark = pytest.mark.django_db
HELD = D(2020, 1, 15)


def big_conference(world):
    """Sở A with 5 personas + 60 in its office + 40 in a new division: 105 staff."""
    division = Organization.objects.create(
        code="TV.A.KT", name="Phòng Kỹ thuật", short_name="KT", kind=OrganizationKind.OFFICE, parent=world.a
    )
    people = Person.objects.bulk_create(
        [Person(full_name=f"Văn phòng {i:03d}") for i in range(60)]
        + [Person(full_name=f"Kỹ thuật {i:03d}") for i in range(40)]
    )
    Membership.objects.bulk_create(
        [
            Membership(person=p, organization=world.a_unit if p.full_name.startswith("Văn") else division)
            for p in people
        ]
    )
    c = actions.create_conference(organization=world.a, actor=world.clerk_a, year=2019, held_on=HELD)
    assert c.by_delegates and c.summoned_count == 105
    return c, division


def ids_named(prefix):
    return set(Person.objects.filter(full_name__startswith=prefix).values_list("pk", flat=True))


def test_quorum_is_counted_over_the_summoned_delegates(world):
    c, _division = big_conference(world)
    chosen = sorted(ids_named("Kỹ thuật"))[:30]
    actions.set_delegates(c, actor=world.clerk_a, person_ids=chosen)
    q = actions.quorum(c)
    assert (q["summoned"], q["needed"]) == (30, 20)
    assert "Chọn 30 đại biểu" in history_for(c).first().verb
    for pid in chosen[:20]:
        actions.check_in(c, actor=world.clerk_a, person=Person.objects.get(pk=pid))
    assert actions.quorum(c)["reached"]
    not_delegate = Person.objects.get(full_name="Văn phòng 000")
    with pytest.raises(ValidationError, match="danh sách triệu tập"):
        actions.check_in(c, actor=world.clerk_a, person=not_delegate)


def test_delegates_come_from_the_electorate_and_are_fixed_at_opening(world):
    c, _division = big_conference(world)
    outsider = Person.objects.get(user=world.clerk_b)
    with pytest.raises(ValidationError, match="không thuộc danh sách"):
        actions.set_delegates(c, actor=world.clerk_a, person_ids=[outsider.pk])
    with pytest.raises(ValidationError, match="ít nhất một"):
        actions.set_delegates(c, actor=world.clerk_a, person_ids=[])
    first = Person.objects.get(full_name="Văn phòng 001")
    actions.set_delegates(c, actor=world.clerk_a, person_ids=[first.pk])
    actions.check_in(c, actor=world.clerk_a, person=first)
    with pytest.raises(ValidationError, match="trước khi khai mạc"):
        actions.set_delegates(c, actor=world.clerk_a, person_ids=[first.pk])
    small = actions.create_conference(organization=world.b, actor=world.clerk_b, year=2019, held_on=HELD)
    with pytest.raises(ValidationError, match="dưới 100"):
        actions.set_delegates(small, actor=world.clerk_b, person_ids=[outsider.pk])


def test_page_searches_by_name_and_unit(world, client_for):
    c, division = big_conference(world)
    client = client_for(world.clerk_a)
    url = f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/"
    body = client.get(url, {"q": "Kỹ thuật 01"}).content.decode()
    assert "Kỹ thuật 010" in body and "Văn phòng 010" not in body
    body = client.get(url, {"unit": division.pk}).content.decode()
    assert "Kỹ thuật 000" in body and "Văn phòng 000" not in body and "Phòng Kỹ thuật" in body


def opened(client, url):
    """The version the delegates form carries, as a user opens the page."""
    page = client.get(url).content.decode()
    return re.search(r'name="opened_version" value="(\w+)"', page).group(1)


def test_saving_a_filtered_page_changes_only_the_people_it_shows(world, client_for):
    c, division = big_conference(world)
    client = client_for(world.clerk_a)
    url = f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/?unit={division.pk}"
    response = client.post(
        url, {"shown": list(ids_named("Kỹ thuật")), "action": "none", "opened_version": opened(client, url)}
    )
    assert response.status_code == 302 and response.url.endswith(f"?unit={division.pk}")
    c.refresh_from_db()
    assert c.summoned_count == 65
    tech = sorted(ids_named("Kỹ thuật"))
    client.post(
        url, {"shown": tech, "delegate": tech[:5], "action": "save", "opened_version": opened(client, url)}
    )
    summoned = set(c.attendees.filter(summoned=True).values_list("person_id", flat=True))
    assert summoned >= ids_named("Văn phòng") and summoned & set(tech) == set(tech[:5])
    page = client.get(f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/").content.decode()
    assert 'id="delegates-count">70<' in page and 'id="quorum-needed">47<' in page


def test_a_rejected_choice_says_why_and_stores_nothing(world, client_for):
    c, _division = big_conference(world)
    client = client_for(world.clerk_a)
    url = f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/"
    everyone = list(c.attendees.values_list("person_id", flat=True))
    version = stale.fingerprint(actions.delegate_choices(c, everyone))
    response = client.post(url, {"shown": everyone, "action": "none", "opened_version": version}, follow=True)
    assert "ít nhất một đại biểu" in response.content.decode()
    c.refresh_from_db()
    assert c.summoned_count == 105


@pytest.mark.parametrize("role", ["staff_a", "handler_a", "officer", "clerk_b"])
def test_only_organisers_open_the_delegates_page(world, client_for, role):
    c, _division = big_conference(world)
    client = client_for(getattr(world, role))
    assert client.get(f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/").status_code == 404
    client.post(f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/", {"shown": [1], "action": "none"})
    c.refresh_from_db()
    assert c.summoned_count == 105


def test_delegates_page_runs_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    c, _division = big_conference(world)
    client = client_for(world.clerk_a)
    with django_assert_max_num_queries(16):
        assert client.get(f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/").status_code == 200


def test_a_page_opened_before_another_organisers_choice_does_not_undo_it(world):
    """Two organisers on the same page: the second one's page still shows as chosen a person the
    first one took off; saving it used to put that person back silently (issue 14, item 9)."""
    from django.test import Client

    c, division = big_conference(world)
    url = f"/dan-chu/hoi-nghi/{c.uuid}/dai-bieu/?unit={division.pk}"
    first, second = Client(), Client()
    first.force_login(world.clerk_a)
    second.force_login(world.head_a)
    v1, v2 = opened(first, url), opened(second, url)
    tech = sorted(ids_named("Kỹ thuật"))
    removed = Person.objects.get(pk=tech[0])
    saved = first.post(url, {"shown": tech, "delegate": tech[1:], "action": "save", "opened_version": v1})
    assert saved.status_code == 302
    response = second.post(
        url, {"shown": tech, "delegate": tech[:-1], "action": "save", "opened_version": v2}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "vừa được người khác sửa" in body
    table = body[body.index('id="stale-conflict"') :]
    assert removed.full_name in table and "Không chọn" in table and "Đại biểu" in table
    assert not re.search(rf'value="{tech[-1]}" id="d-{tech[-1]}" checked', body)  # what they ticked stays
    summoned = set(c.attendees.filter(summoned=True).values_list("person_id", flat=True))
    assert removed.pk not in summoned and tech[-1] in summoned
    # With the carried version, saving again knowingly overwrites.
    carried = re.search(r'name="opened_version" value="(\w+)"', body).group(1)
    assert carried != v2
    again = second.post(
        url, {"shown": tech, "delegate": tech[:-1], "action": "save", "opened_version": carried}
    )
    assert again.status_code == 302
    summoned = set(c.attendees.filter(summoned=True).values_list("person_id", flat=True))
    assert removed.pk in summoned and tech[-1] not in summoned
