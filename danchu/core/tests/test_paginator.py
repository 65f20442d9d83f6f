"""CappedRowsPaginator reads a page's rows and its capped count in one statement, and gives the
pages CappedPaginator gives: first, middle, last, past the end, above the cap, empty; the rows
are what values() gives, converted values included."""

import uuid

import pytest
from django.db.models import F

from danchu.core.paginator import CappedPaginator, CappedRowsPaginator
from danchu.orgs.models import Organization, OrganizationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(world):
    for i in range(23):
        Organization.objects.create(
            code=f"TV.U{i:02d}", name=f"Đơn vị {i % 5}", kind=OrganizationKind.OFFICE, parent=world.tv
        )
    # Ties on the name, broken by the key, as the lists order by date then id.
    return Organization.objects.filter(code__startswith="TV.").order_by(F("name").desc(), "-pk")


def pages(paginator, number):
    page = paginator.get_page(number)
    return list(page.object_list), page.number, paginator.count, paginator.exact


@pytest.mark.parametrize("number", [None, "1", "2", "3", "4", "5", "99", "abc", "0", "-1"])
@pytest.mark.parametrize("cap", [1000, 7])
def test_the_same_pages_as_capped_paginator(units, number, cap):
    expected = pages(CappedPaginator(units.values("pk", "uuid", "name"), 6, cap=cap), number)
    one = CappedRowsPaginator(units.values("pk", "uuid", "name"), 6, cap=cap)
    assert one.statement(0) is not None  # written as one statement, not the fallback
    assert pages(one, number) == expected


def test_one_statement_for_a_page_within_the_list(units, django_assert_num_queries):
    with django_assert_num_queries(1):
        keys, number, count, exact = pages(CappedRowsPaginator(units.values("pk", "uuid", "name"), 6), "2")
    assert (len(keys), number, count, exact) == (6, 2, 26, True)
    assert isinstance(keys[0]["uuid"], uuid.UUID)  # through the field's converter, as values() gives
    assert keys == list(units.values("pk", "uuid", "name")[6:12])


def test_above_the_cap_the_count_is_a_lower_bound(units):
    keys, number, count, exact = pages(
        CappedRowsPaginator(units.values("pk", "uuid", "name"), 6, cap=10), "2"
    )
    assert keys == list(units.values("pk", "uuid", "name")[6:12])
    assert (count, exact) == (6 + 11, False)  # the page's start + cap + 1 rows seen from there


@pytest.mark.parametrize("shape", ["flat", "tuples"])
def test_values_list_rows(units, shape):
    rows = units.values_list("pk", flat=True) if shape == "flat" else units.values_list("pk", "uuid")
    assert CappedRowsPaginator(rows, 6).statement(0) is not None
    assert pages(CappedRowsPaginator(rows, 6), "3") == pages(CappedPaginator(rows, 6), "3")


def test_empty_lists(world, django_assert_num_queries):
    nothing = Organization.objects.filter(pk__in=[]).order_by("-pk")
    with django_assert_num_queries(0):
        assert pages(CappedRowsPaginator(nothing.values("pk"), 6), "1") == ([], 1, 0, True)
    none_match = Organization.objects.filter(code="none").order_by("-pk")
    assert pages(CappedRowsPaginator(none_match.values("pk"), 6), "3") == ([], 1, 0, True)


def test_rows_that_are_not_plain_columns_fall_back_to_two_statements(units):
    from django.db.models.functions import Upper

    shouted = units.annotate(big=Upper("name")).values("pk", "big")
    assert CappedRowsPaginator(shouted, 6).statement(0) is None
    expected = pages(CappedPaginator(shouted, 6), "2")
    assert pages(CappedRowsPaginator(shouted, 6), "2") == expected
    assert pages(CappedRowsPaginator(units, 6), "2")[0] == list(units[6:12])  # model instances


def test_an_ordering_through_another_table_falls_back_to_two_statements(units):
    by_parent = units.order_by("parent__name", "pk")
    assert CappedRowsPaginator(by_parent.values("pk", "uuid", "name"), 6).statement(0) is None
    expected = pages(CappedPaginator(by_parent.values("pk", "uuid", "name"), 6), "2")
    assert pages(CappedRowsPaginator(by_parent.values("pk", "uuid", "name"), 6), "2") == expected


def test_limit_and_offset_are_written_as_numbers(units):
    """As the ORM writes a slice: with only the filter's values bound, PostgreSQL can reuse one
    generic plan of the prepared page statement instead of planning it on every request."""
    rows = units.filter(name__startswith="Đơn vị").values("pk", "name")
    sql, params = CappedRowsPaginator(rows, 6, cap=40).statement(12)
    assert sql.endswith(" LIMIT 6 OFFSET 12")
    assert "LIMIT 41 OFFSET 12) counted" in sql
    filter_params = rows.order_by().query.sql_with_params()[1]
    assert params == [*filter_params, *filter_params]
    assert pages(CappedRowsPaginator(rows, 6, cap=40), "3")[0] == list(rows[12:18])
