"""The disclosure list's page is chosen from its order index alone (PostgreSQL): an agency's first
page does not fetch the table rows of the other agencies' newer disclosures to skip them."""

import pytest
from django.db import connection
from django.db.models import F

from danchu.core.paginator import CappedRowsPaginator
from danchu.participation.models import Disclosure

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index-only scans"),
]


def test_the_page_ids_are_read_from_the_order_index_only(world):
    # The view's query (views/disclosures.disclosure_list): the subtree's ids, the list's order.
    qs = Disclosure.objects.filter(organization_id__in=[world.a.pk, world.a_unit.pk]).order_by(
        F("published_on").desc(nulls_first=True), "-pk"
    )
    # The page's keys and the capped count in one statement (core.paginator.CappedRowsPaginator).
    sql, params = CappedRowsPaginator(qs.values_list("pk", flat=True), 25).statement(0)
    with connection.cursor() as cursor:
        # The tables are nearly empty here: forbid the plans a planner takes for a few rows.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using disclosure_list_order_idx" in plan, plan
