import datetime

import pytest
from django.db import connection

from danchu.orgs import access
from danchu.orgs.models import Organization, Role, RoleAssignment


def test_a_role_applies_to_the_whole_subtree_and_nowhere_else(world):
    assert access.roles_in(world.clerk_a, world.a) == {Role.CLERK}
    assert access.roles_in(world.clerk_a, world.a_unit) == {Role.CLERK}
    assert access.roles_in(world.clerk_a, world.b) == set()
    assert access.roles_in(world.clerk_a, world.tv) == set()


def test_can_answers_by_the_rules_declared_in_the_apps(world):
    assert access.can(world.clerk_a, "orgs.view_staff", world.a)
    assert not access.can(world.staff_a, "orgs.view_staff", world.a_unit)
    assert not access.can(world.clerk_b, "orgs.view", world.a)
    assert access.can(world.officer, "orgs.view", world.b)


def test_unknown_permission_is_a_programming_error(world):
    with pytest.raises(ValueError):
        access.can(world.clerk_a, "orgs.fly", world.a)


def test_orgs_with_is_a_queryset_of_the_subtrees(world):
    codes = set(access.orgs_with(world.clerk_a, "orgs.view").values_list("code", flat=True))
    assert codes == {"TV.A", "TV.A.VP"}
    assert set(access.orgs_with(world.clerk_b, "orgs.view").values_list("code", flat=True)) == {"TV.B"}


def test_tree_paths_follow_a_move(world):
    world.a_unit.parent = world.b
    world.a_unit.save()
    world.a_unit.refresh_from_db()
    assert world.a_unit.is_within(world.b) and not world.a_unit.is_within(world.a)


def test_validity_dates_keep_history(world):
    world.a.valid_to = datetime.date(2025, 2, 28)
    world.a.successor = world.b
    world.a.save()
    on_2020 = set(Organization.objects.valid_on(datetime.date(2020, 6, 1)).values_list("code", flat=True))
    on_2026 = set(Organization.objects.valid_on(datetime.date(2026, 6, 1)).values_list("code", flat=True))
    assert "TV.A" in on_2020 and "TV.A" not in on_2026 and "TV.B" in on_2026


def test_role_lookups_are_cached_per_user_object(world, django_assert_num_queries):
    user = world.clerk_a
    access.clear_cache(user)
    with django_assert_num_queries(1):
        for _ in range(20):
            access.can(user, "orgs.view", world.a)
    assert connection.vendor in ("sqlite", "postgresql")


def test_the_organisation_switcher_offers_only_organisations_with_a_role(world, client_for):
    RoleAssignment.objects.create(user=world.clerk_a, organization=world.b, role=Role.STAFF)
    client = client_for(world.clerk_a)
    response = client.post("/doi-co-quan/", {"org": world.b.pk, "next": "/"})
    assert response.status_code == 302
    assert client.get("/").context["active_org"] == world.b
    response = client.post("/doi-co-quan/", {"org": world.tv.pk, "next": "/"}, follow=True)
    assert "không có vai trò" in response.content.decode()
    assert client.get("/").context["active_org"] == world.b


def test_switcher_refuses_to_redirect_elsewhere(world, client_for):
    response = client_for(world.clerk_a).post(
        "/doi-co-quan/", {"org": world.a.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_outsider_cannot_open_another_organisation(world, client_for):
    assert client_for(world.clerk_b).get("/co-quan/TV.A/").status_code == 404
    response = client_for(world.clerk_a).get("/co-quan/TV.A/")
    assert response.status_code == 200 and "Sở A" in response.content.decode()


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_staff_counts_read_as_categories_not_codes(world, client_for):
    html = client_for(world.clerk_a).get("/co-quan/TV.A/").content.decode()
    assert 'class="badge">Công chức: ' in html and 'class="badge">civil_servant' not in html
