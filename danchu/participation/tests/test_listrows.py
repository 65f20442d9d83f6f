import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danchu.core.paginator import CappedPaginator
from danchu.participation import actions, listrows
from danchu.participation.models import Channel, Disclosure

pytestmark = pytest.mark.django_db


def test_id_paginator_pages_as_the_capped_paginator_with_one_query(world, req):
    for day in range(1, 8):
        actions.create_disclosure(
            organization=world.a,
            actor=world.clerk_a,
            title=f"Công khai {day}",
            requirement=req("nd04_2015", "4"),
            decided_on=datetime.date(2020, 3, day),
            channels=[Channel.INTRANET],
        )
    qs = listrows.page_ids(Disclosure.objects.order_by("decided_on", "pk"))
    for number in (1, 2, 3, 4, 5, 99, "x", None):
        expected = CappedPaginator(qs, 2, cap=3).get_page(number)
        with CaptureQueriesContext(connection) as queries:
            got = listrows.IdPaginator(qs, 2, cap=3).get_page(number)
            rows = list(got.object_list)
        assert rows == list(expected.object_list), number
        assert (got.number, got.paginator.count, got.paginator.exact, got.paginator.num_pages) == (
            expected.number,
            expected.paginator.count,
            expected.paginator.exact,
            expected.paginator.num_pages,
        ), number
        # One query, or two when the page is past the end and counted again from the start.
        assert len(queries) == (2 if number in (5, 99) else 1), number
