"""Ceased agencies: landing on the live successor, refusing before the form, labels that tell
same-named bodies apart."""

import datetime as dt

import pytest

from danchu.orgs.labels import OrgChoiceField, org_label
from danchu.orgs.middleware import SESSION_KEY
from danchu.orgs.models import Organization, OrganizationKind, Role, RoleAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(world):
    """Province VL and its Sở Nội vụ succeed TV and agency B (ceased 30/06/2025)."""
    vl = Organization.objects.create(
        code="VL",
        name="Ủy ban nhân dân tỉnh Vĩnh Long",
        kind=OrganizationKind.PROVINCE,
        valid_from=dt.date(2025, 7, 1),
        place_name="Vĩnh Long",
    )
    vl_b = Organization.objects.create(
        code="VL.B",
        name="Sở B",
        short_name="SB",
        kind=OrganizationKind.DEPARTMENT,
        parent=vl,
        valid_from=dt.date(2025, 7, 1),
    )
    world.b.valid_to = dt.date(2025, 6, 30)
    world.b.successor = vl_b
    world.b.save()
    return vl, vl_b


def test_same_named_bodies_are_told_apart_by_parent_and_validity(world, merged):
    vl, vl_b = merged
    world.b.refresh_from_db()
    assert org_label(world.b) == "Sở B — tỉnh Trà Vinh (đến 30/06/2025)"
    assert org_label(vl_b) == "Sở B — tỉnh Vĩnh Long"
    assert org_label(vl) == "Ủy ban nhân dân tỉnh Vĩnh Long"


def test_every_org_dropdown_uses_the_label_in_a_fixed_number_of_queries(
    world, merged, django_assert_num_queries
):
    field = OrgChoiceField(queryset=Organization.objects.filter(name="Sở B").order_by("path"))
    with django_assert_num_queries(1):
        labels = [label for _value, label in field.choices][1:]
    assert labels == ["Sở B — tỉnh Trà Vinh (đến 30/06/2025)", "Sở B — tỉnh Vĩnh Long"]


def test_a_register_form_labels_its_organisations(world, merged, client_for):
    from danchu.consolidation.forms import RequestForm

    form = RequestForm(orgs=Organization.objects.all())
    assert "Sở B — tỉnh Trà Vinh (đến 30/06/2025)" in [label for _v, label in form.fields["chosen"].choices]


def test_a_clerk_of_a_ceased_body_lands_on_its_live_successor(world, merged, client_for):
    _vl, vl_b = merged
    RoleAssignment.objects.create(user=world.clerk_b, organization=vl_b, role=Role.CLERK)
    response = client_for(world.clerk_b).get("/")
    assert response.wsgi_request.org == vl_b
    assert "Sở B — tỉnh Trà Vinh (đến 30/06/2025)" in response.content.decode()  # still a choice


def test_a_chosen_ceased_body_stays_chosen(world, merged, client_for):
    _vl, vl_b = merged
    RoleAssignment.objects.create(user=world.clerk_b, organization=vl_b, role=Role.CLERK)
    client = client_for(world.clerk_b)
    session = client.session
    session[SESSION_KEY] = world.b.pk
    session.save()
    assert client.get("/").wsgi_request.org == world.b


def test_registering_a_letter_at_a_ceased_body_is_refused_before_the_form_naming_the_successor(
    world, merged, client_for
):
    _vl, vl_b = merged
    RoleAssignment.objects.create(user=world.clerk_b, organization=vl_b, role=Role.CLERK)
    client = client_for(world.clerk_b)
    session = client.session
    session[SESSION_KEY] = world.b.pk
    session.save()
    response = client.get("/don-thu/tiep-nhan/")
    assert response.status_code == 409
    body = response.content.decode()
    assert "đã ngừng hoạt động" in body and "Sở B — tỉnh Vĩnh Long" in body
    assert f'href="/co-quan/{vl_b.code}/"' in body
    assert 'name="subject"' not in body  # no form to fill
    assert client.get("/dan-chu/cong-khai/moi/").status_code == 409


def test_a_live_body_gets_the_form(world, client_for):
    response = client_for(world.clerk_a).get("/don-thu/tiep-nhan/")
    assert response.status_code == 200


def test_the_letter_action_names_the_successor(world, merged):
    from django.core.exceptions import ValidationError

    from danchu.petitions import actions as petitions

    with pytest.raises(ValidationError) as exc:
        petitions.register(
            world.b,
            actor=None,
            kind="feedback",
            channel="paper",
            received_on=dt.date(2025, 8, 1),
            subject="Phản ánh",
            content="Nội dung",
            identity={"full_name": "Nguyễn Văn A", "address": "Vĩnh Long"},
        )
    assert "kế thừa: Sở B" in exc.value.message_dict["organization"][0]
