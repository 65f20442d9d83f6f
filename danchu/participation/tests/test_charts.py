"""The statistics page draws its charts as inline SVG from the records."""

import datetime

import pytest
import time_machine

from danchu.participation import actions, charts
from danchu.participation.models import Channel

D = datetime.date
pytestmark = pytest.mark.django_db


def test_category_chart_escapes_labels_and_scales_bars():
    svg = charts.category_chart(
        [
            {"code": "1", "title": "<script>alert(1)</script>", "count": 4},
            {"code": "2", "title": "Lương", "count": 2},
            {"code": "3", "title": "Không có", "count": 0},
        ]
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<rect") == 2 and "Không có" not in svg
    # The axis goes to 4 in steps of 1: 4 is the full span (290), 2 half of it.
    assert 'width="290.0"' in svg and 'width="145.0"' in svg
    # The table beside the chart has the same figures.
    assert '<th scope="row">2. Lương</th><td class="num">2</td>' in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no external asset
    assert charts.category_chart([]) == "" and charts.rate_chart(0, 0) == ""


def test_stats_page_shows_the_charts_from_the_records(world, req, client_for):
    with time_machine.travel("2020-03-20 09:00 +0700"):
        for _ in range(2):
            d = actions.create_disclosure(
                organization=world.a,
                actor=world.clerk_a,
                title="Nâng bậc lương",
                requirement=req("nd04_2015", "4"),
                decided_on=D(2020, 3, 9),
                channels=[Channel.INTRANET],
            )
            d = actions.publish_disclosure(d, actor=world.clerk_a, published_on=D(2020, 3, 10))
        actions.acknowledge(d, actor=world.staff_a)
        body = client_for(world.officer).get("/dan-chu/thong-ke/?year=2020").content.decode()
    assert 'id="chart-categories"' in body and 'id="chart-acknowledgements"' in body
    assert "(1/10 lượt)" in body and "10%" in body
