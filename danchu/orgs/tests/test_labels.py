"""People with the same name are told apart in every dropdown of people (orgs/labels.py)."""

import datetime

from danchu.orgs.forms import OrganizationSettingsForm, UserForm
from danchu.orgs.models import Membership, Person
from danchu.reporting.forms import SettingsForm
from danchu.reporting.models import Report


def _member(org, name, *, email="", came_from=None, position="Chuyên viên"):
    person = Person.objects.create(full_name=name, email=email)
    if came_from is not None:
        Membership.objects.create(
            person=person, organization=came_from, position=position, start=datetime.date(2015, 1, 1)
        )
    return Membership.objects.create(
        person=person, organization=org, position=position, start=datetime.date(2025, 7, 1)
    )


def _labels(field):
    return {value.value: label for value, label in field.choices if value}


def test_homonyms_at_one_agency_are_told_apart_by_where_they_came_from(world):
    from_b = _member(world.a, "Nguyễn Văn Bình", came_from=world.b)
    native = _member(world.a, "Nguyễn Văn Bình", came_from=world.a_unit)
    other = _member(world.a, "Trần Thị Lan")
    labels = _labels(SettingsForm(instance=Report(organization=world.a)).fields["signer"])
    assert labels[from_b.pk] != labels[native.pk]
    assert "Sở B — tỉnh Trà Vinh" in labels[from_b.pk] and "Văn phòng Sở A" in labels[native.pk]
    assert labels[other.pk] == str(other)  # a name nobody else has stays as it was


def test_an_email_tells_them_apart_first_and_a_number_when_nothing_else_does(world):
    mailed = _member(world.a, "Lê Văn Hùng", email="hung.le@example.vn")
    bare_1 = _member(world.a, "Lê Văn Hùng")
    bare_2 = _member(world.a, "Lê Văn Hùng")
    labels = _labels(OrganizationSettingsForm(instance=world.a).fields["default_signer"])
    assert labels[mailed.pk].endswith("hung.le@example.vn")
    assert len({labels[mailed.pk], labels[bare_1.pk], labels[bare_2.pk]}) == 3
    assert f"số {bare_1.person_id} trong danh sách cán bộ" in labels[bare_1.pk]


def test_the_account_form_tells_people_of_the_same_name_apart(world):
    first = _member(world.a, "Phạm Minh Tâm", came_from=world.b).person
    second = _member(world.a, "Phạm Minh Tâm").person
    labels = _labels(UserForm(org=world.a).fields["person"])
    assert labels[first.pk] != labels[second.pk] and "Sở B" in labels[first.pk]


def test_the_labels_cost_one_query_without_homonyms_and_two_with(world, django_assert_num_queries):
    """Django's dropdown counts and reads its choices (two queries); the labels read them once."""
    for i in range(5):
        _member(world.a, f"Người số {i}")
    field = OrganizationSettingsForm(instance=world.a).fields["default_signer"]
    with django_assert_num_queries(3):
        list(field.choices)
    _member(world.a, "Người số 1")
    _member(world.a, "Người số 2")
    field = OrganizationSettingsForm(instance=world.a).fields["default_signer"]
    with django_assert_num_queries(4):  # and the homonyms' other bodies
        list(field.choices)
