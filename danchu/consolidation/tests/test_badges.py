"""Badges and counts a user can read: timeliness agrees with the summary, the list says how many
agencies answered and how many on time, and consolidated parts that do not add up are flagged."""

import datetime

import pytest
from django.urls import reverse

from danchu.consolidation import provincial

from .test_corrections import answered, correct  # noqa: F401  (fixture and helper)

pytestmark = pytest.mark.django_db


def test_an_on_time_answer_corrected_late_is_never_called_late(world, req, answered, client_for):  # noqa: F811
    v1, _first = answered
    correct(v1, world)
    page = client_for(world.officer).get(reverse("consolidation:detail", args=[req.uuid])).content.decode()
    row = page[page.index('data-org="TV.A"') :]
    row = row[: row.index("</tr>")]
    assert "Đúng hạn" in row and ">muộn<" not in row and "(sau hạn)" in row
    agency = client_for(world.officer).get(reverse("consolidation:agency", args=[req.uuid, world.a.uuid]))
    versions = agency.content.decode().split('id="versions"')[1].split("</table>")[0]
    assert ">muộn<" not in versions and "gửi sau hạn (bản sửa, không tính lại đúng hạn)" in versions


def test_the_request_list_counts_agencies_and_says_how_many_were_on_time(
    world,
    req,
    answered,  # noqa: F811
    client_for,
):
    v1, _first = answered
    correct(v1, world)  # two versions from A: still one agency
    page = client_for(world.officer).get(reverse("consolidation:list")).content.decode()
    cell = page.split('class="sent-count"')[1].split("</td>")[0]
    assert "1 trong 2 cơ quan" in cell and "1 cơ quan gửi đúng hạn" in cell
    assert provincial.completeness(req).submitted == 1 and provincial.completeness(req).on_time == 1


def test_a_late_answer_is_counted_but_not_on_time(world, req, upload, client_for):
    upload(req, world.a, world.clerk_a, {"letters_received": 3}, day=datetime.date(2020, 11, 20))
    page = client_for(world.officer).get(reverse("consolidation:list")).content.decode()
    cell = page.split('class="sent-count"')[1].split("</td>")[0]
    assert "1 trong 2 cơ quan" in cell and "0 cơ quan gửi đúng hạn" in cell


def test_parts_that_do_not_add_up_are_flagged_on_the_consolidation_page(world, req, upload, client_for):
    parts = {"complaints_received": 3, "denunciations_received": 3, "feedback_received": 3}
    upload(req, world.a, world.clerk_a, {"letters_received": 10, **parts})
    upload(req, world.b, world.clerk_b, {"letters_received": 9, **parts})
    result = provincial.consolidate(req)
    mismatch = result.part_mismatches["letters_received"]
    assert mismatch["agencies"] == [world.a]
    page = (
        client_for(world.officer)
        .get(reverse("consolidation:consolidation", args=[req.uuid]))
        .content.decode()
    )
    flagged = page.split('id="part-mismatches"')[1].split("</div>")[0]
    assert "Tổng ghi 19, các phần cộng lại 18." in flagged and world.a.name in flagged
    row = page.split('id="ind-letters_received"')[1].split("</tr>")[0]
    assert "các phần cộng lại 18" in row


def test_parts_that_add_up_are_not_flagged(world, req, upload, client_for):
    parts = {"complaints_received": 3, "denunciations_received": 3, "feedback_received": 3}
    upload(req, world.a, world.clerk_a, {"letters_received": 9, **parts})
    assert "letters_received" not in provincial.consolidate(req).part_mismatches
    page = (
        client_for(world.officer)
        .get(reverse("consolidation:consolidation", args=[req.uuid]))
        .content.decode()
    )
    assert 'id="part-mismatches"' not in page
