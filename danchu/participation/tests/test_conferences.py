import datetime

import pytest
from django.core.exceptions import ValidationError

from danchu.orgs.models import Membership, Person
from danchu.participation import actions
from danchu.participation.models import BoardRole

D = datetime.date
pytestmark = pytest.mark.django_db


def people(world):
    return [
        Person.objects.get(user=u)
        for u in (world.head_a, world.clerk_a, world.handler_a, world.inspector_a, world.staff_a)
    ]


def conference(world, held_on=None):
    return actions.create_conference(
        organization=world.a, actor=world.clerk_a, year=2019, held_on=held_on or D(2020, 1, 15)
    )


def test_warns_when_the_annual_conference_is_later_than_three_months_after_the_year(world):
    assert not any("chậm nhất" in w for w in actions.conference_warnings(conference(world)))
    late = conference(world, held_on=D(2020, 4, 1))
    assert any("31/03/2020" in w for w in actions.conference_warnings(late))


def test_quorum_is_two_thirds_and_resolutions_need_more_than_half_of_those_present(world):
    c = conference(world)
    everyone = people(world)
    assert actions.quorum(c)["needed"] == 4  # 2/3 of 5, rounded up
    for p in everyone[:3]:
        actions.check_in(c, actor=world.clerk_a, person=p)
    with pytest.raises(ValidationError, match="2/3"):
        actions.record_resolution(c, actor=world.clerk_a, text="Quy chế", votes_for=3)
    actions.check_in(c, actor=world.clerk_a, person=everyone[3])
    assert actions.quorum(c)["reached"]
    passed = actions.record_resolution(c, actor=world.clerk_a, text="Quy chế", votes_for=3, votes_against=1)
    failed = actions.record_resolution(c, actor=world.clerk_a, text="Mức chi", votes_for=2, votes_against=2)
    assert passed.passed and not failed.passed  # 3 of 4 > 50%; 2 of 4 is not more than half
    with pytest.raises(ValidationError, match="vượt"):
        actions.record_resolution(c, actor=world.clerk_a, text="X", votes_for=5)
    closed = actions.close_conference(c, actor=world.clerk_a)
    assert closed.quorum_reached and closed.follow_ups.count() == 2


def _grow(world, n):
    for i in range(n):
        Membership.objects.create(
            person=Person.objects.create(full_name=f"Nhân viên {i:02d}"), organization=world.a_unit
        )


def test_board_rules_size_eligibility_and_no_board_for_seven_staff_or_fewer(world):
    _grow(world, 2)  # 7 staff
    small = conference(world)
    for a in small.attendees.all():
        actions.check_in(small, actor=world.clerk_a, person=a.person)
    staff = [a.person for a in small.attendees.all()]
    with pytest.raises(ValidationError, match="07 người"):
        actions.elect_board(small, actor=world.clerk_a, members=[(p, BoardRole.MEMBER, 7) for p in staff[:3]])

    _grow(world, 3)  # 10 staff
    c = conference(world)
    for a in c.attendees.all():
        actions.check_in(c, actor=world.clerk_a, person=a.person)
    head = Person.objects.get(user=world.head_a)
    Membership.objects.filter(person=head, organization=world.a).update(is_head=True)
    accountant = Person.objects.get(user=world.handler_a)
    Membership.objects.filter(person=accountant).update(position="Kế toán trưởng")
    others = [p for p in (a.person for a in c.attendees.all()) if p not in (head, accountant)]
    with pytest.raises(ValidationError, match="03 đến 09"):
        actions.elect_board(c, actor=world.clerk_a, members=[(others[0], BoardRole.HEAD, 8)])
    with pytest.raises(ValidationError) as exc:
        actions.elect_board(
            c,
            actor=world.clerk_a,
            members=[
                (head, BoardRole.HEAD, 8),
                (accountant, BoardRole.MEMBER, 8),
                (others[0], BoardRole.MEMBER, 8),
            ],
        )
    assert "thủ trưởng" in str(exc.value) and "kế toán trưởng" in str(exc.value)
    with pytest.raises(ValidationError, match="50%"):
        actions.elect_board(
            c,
            actor=world.clerk_a,
            members=[(p, r, 5) for p, r in zip(others[:3], BoardRole.values, strict=True)],
        )
    board = actions.elect_board(
        c, actor=world.clerk_a, members=[(p, r, 9) for p, r in zip(others[:3], BoardRole.values, strict=True)]
    )
    assert board[0].term_end == D(2022, 1, 14)  # a two-year term


def test_board_recommendation_is_due_in_15_days_and_tracked(world):
    _grow(world, 5)
    c = conference(world)
    for a in c.attendees.all():
        actions.check_in(c, actor=world.clerk_a, person=a.person)
    member = Person.objects.get(user=world.staff_a)
    others = [a.person for a in c.attendees.all() if a.person not in (member,)][:2]
    actions.elect_board(
        c,
        actor=world.clerk_a,
        members=[(member, BoardRole.HEAD, 9)] + [(p, BoardRole.MEMBER, 9) for p in others],
    )
    rec = actions.send_recommendation(
        organization=world.a, actor=world.staff_a, addressee="head", from_board=True,
        subject="Công khai chi hội nghị", body="Đề nghị công khai.", received_on=D(2020, 2, 3),
    )  # fmt: skip
    assert rec.due_on == D(2020, 2, 18)
    assert rec.overdue(today=D(2020, 2, 19))
    with pytest.raises(ValidationError):
        actions.answer_recommendation(rec, actor=world.clerk_a, answer="Không có thẩm quyền")
    actions.answer_recommendation(rec, actor=world.head_a, answer="Đã công khai.", answered_on=D(2020, 2, 10))
    rec.refresh_from_db()
    assert not rec.overdue(today=D(2020, 3, 1))


def test_anonymous_recommendation_keeps_no_sender_anywhere(world):
    from danchu.audit.models import AuditEvent

    rec = actions.send_recommendation(
        organization=world.a,
        actor=world.staff_a,
        addressee="head",
        subject="Góp ý",
        body="Nội dung",
        anonymous=True,
    )
    assert rec.author_id is None
    event = AuditEvent.objects.get(object_id=str(rec.pk), content_type__model="recommendation")
    assert event.actor_id is None and "staff_a" not in str(event.changes)


def test_minutes_and_resolution_docx_in_the_official_format(world, client_for):
    import io

    import docx

    c = conference(world)
    for p in people(world)[:4]:
        actions.check_in(c, actor=world.clerk_a, person=p)
    actions.record_resolution(c, actor=world.clerk_a, text="Thông qua Quy chế chi tiêu nội bộ", votes_for=4)
    response = client_for(world.clerk_a).get(f"/dan-chu/hoi-nghi/{c.uuid}/bien-ban.docx")
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for t in document.tables for row in t.rows for cell in row.cells
    )
    assert "BIÊN BẢN" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Số:" in text
    assert "Thông qua Quy chế chi tiêu nội bộ" in text and "có mặt: 04" in text
    response = client_for(world.clerk_a).get(f"/dan-chu/hoi-nghi/{c.uuid}/nghi-quyet.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "NGHỊ QUYẾT" in text and "Điều 1." in text
    assert client_for(world.clerk_b).get(f"/dan-chu/hoi-nghi/{c.uuid}/bien-ban.docx").status_code == 404


def test_conference_documents_are_checked_by_content_not_extension(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from danchu.participation.models import ConferenceDocument

    c = conference(world)
    fake = SimpleUploadedFile("x.pdf", b"MZ\x90\x00 an executable", "application/pdf")
    with pytest.raises(ValidationError) as exc:
        actions.add_conference_document(c, actor=world.clerk_a, kind="other", title="Báo cáo", upload=fake)
    assert "upload" in exc.value.message_dict
    assert not ConferenceDocument.objects.exists()


def test_board_small_agency_test_counts_all_staff_not_those_summoned(world):
    """Luật 10/2022 Art. 60(1): no board in an agency of 07 staff or fewer — its staff, not the
    number summoned. 10 staff with only 7 summoned may still elect a board."""
    _grow(world, 5)  # 10 staff
    c = conference(world)
    c.summoned_count = 7
    c.save(update_fields=["summoned_count"])
    attendees = [a.person for a in c.attendees.all()][:7]
    c.attendees.exclude(person__in=attendees).delete()
    for p in attendees:
        actions.check_in(c, actor=world.clerk_a, person=p)
    others = [p for p in attendees if p.user_id not in (world.head_a.pk,)][:3]
    board = actions.elect_board(
        c, actor=world.clerk_a, members=[(p, r, 7) for p, r in zip(others, BoardRole.values, strict=True)]
    )
    assert len(board) == 3


def test_board_of_more_than_nine_needs_the_conference_reason(world):
    """Art. 60(1): 03–09 members; more only when the conference decides it for an agency of a
    special nature or operating in dispersed places."""
    _grow(world, 10)  # 15 staff
    c = conference(world)
    for a in c.attendees.all():
        actions.check_in(c, actor=world.clerk_a, person=a.person)
    head = Person.objects.get(user=world.head_a)
    members = [a.person for a in c.attendees.all() if a.person != head][:10]
    roles = [BoardRole.HEAD] + [BoardRole.MEMBER] * 9
    ballot = [(p, r, 14) for p, r in zip(members, roles, strict=True)]
    with pytest.raises(ValidationError, match="tính chất đặc thù hoặc hoạt động phân tán"):
        actions.elect_board(c, actor=world.clerk_a, members=ballot)
    board = actions.elect_board(
        c, actor=world.clerk_a, members=ballot, larger_board_reason="Đơn vị hoạt động tại 6 huyện"
    )
    assert len(board) == 10


def _ten_on_the_ballot(world, c):
    for a in c.attendees.all():
        actions.check_in(c, actor=world.clerk_a, person=a.person)
    head = Person.objects.get(user=world.head_a)
    return [a.person for a in c.attendees.all() if a.person != head][:10]


def test_board_page_takes_the_reason_for_a_board_of_more_than_nine(world, client_for):
    """Luật 10/2022 Art. 60(1) and Nghị định 59/2023 Art. 21(2): a board of more than 09 members is
    lawful when the conference decides it (special nature, dispersed operation). The conference
    page offers the reason field and more than nine rows; without a reason the page says what to
    fix and keeps the ballot; with it the ten are elected and the reason is in the history."""
    from django.urls import reverse

    from danchu.audit.models import AuditEvent

    _grow(world, 10)  # 15 staff
    c = conference(world)
    members = _ten_on_the_ballot(world, c)
    url = reverse("participation:conference", args=[c.uuid])
    client = client_for(world.clerk_a)
    page = client.get(url).content.decode()
    assert 'name="larger_board_reason"' in page and 'name="person_10"' in page
    data = {"action": "board"} | {f"role_{i}": "member" for i in range(1, 16)}  # every row's select
    for i, p in enumerate(members, start=1):
        data |= {f"person_{i}": p.pk, f"role_{i}": "head" if i == 1 else "member", f"votes_{i}": 14}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "đã chọn 10" in refused.content.decode()
    assert f'value="{members[9].pk}" selected' in refused.content.decode()
    assert not c.board.exists()
    done = client.post(url, data | {"larger_board_reason": "Đơn vị hoạt động tại 6 xã"})
    assert done.status_code == 302
    assert c.board.count() == 10
    reasons = set(AuditEvent.objects.filter(verb__icontains="Ban Thanh tra").values_list("reason", flat=True))
    assert reasons == {"Đơn vị hoạt động tại 6 xã"}


def test_board_of_nine_or_more_has_at_most_two_deputies_nd59_art_21(world):
    """Nghị định 59/2023 Art. 21(3): a board of 09 members or more has no more than 02 deputies."""
    _grow(world, 10)
    c = conference(world)
    members = _ten_on_the_ballot(world, c)[:9]
    roles = [BoardRole.HEAD] + [BoardRole.DEPUTY] * 3 + [BoardRole.MEMBER] * 5
    with pytest.raises(ValidationError, match="không quá 02 Phó Trưởng ban"):
        actions.elect_board(c, actor=world.clerk_a, members=list(zip(members, roles, [14] * 9, strict=True)))
    roles = [BoardRole.HEAD] + [BoardRole.DEPUTY] * 2 + [BoardRole.MEMBER] * 6
    board = actions.elect_board(
        c, actor=world.clerk_a, members=list(zip(members, roles, [14] * 9, strict=True))
    )
    assert len(board) == 9
