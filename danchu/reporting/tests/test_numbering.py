"""Numbers of signed reports: the issuer's yearly sequence of reports, shared with the register of
outgoing documents (sổ văn bản đi), and the signed report entered in that register."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from danchu.audit.models import AuditAction, AuditEvent
from danchu.core.models import Sequence
from danchu.documents import actions as document_actions
from danchu.documents.models import Direction, Document, DocumentRelation, RelationKind
from danchu.orgs.models import ReportingPeriod
from danchu.reporting import actions
from danchu.reporting.models import ReportStatus

from .conftest import make_draft


def register(world, number, *, kind="BC", symbol="BC-SA", day=datetime.date(2020, 10, 1), org=None, **fields):
    """An outgoing document typed into the register by the clerk (of Sở B for its registry)."""
    org = org or world.a
    return document_actions.create_document(
        actor=world.clerk_b if org == world.b else world.clerk_a,
        organization=org,
        direction=fields.pop("direction", Direction.ISSUED),
        kind=kind,
        number=number,
        symbol=symbol,
        issued_on=day,
        subject=fields.pop("subject", f"Văn bản số {number}"),
        **fields,
    )


def sign(report, world):
    return actions.sign(actions.mark_reviewed(report, actor=world.clerk_a), actor=world.head_a)


def test_the_number_follows_the_greatest_outgoing_report_of_the_year(draft, world):
    register(world, "02")
    register(world, "119", symbol="BC-SA-VP", day=datetime.date(2020, 11, 2))
    # None of these take a place in the year's sequence of reports of Sở A:
    deleted = register(world, "150")
    document_actions.delete_document(deleted, actor=world.clerk_a, reason="Vào sổ nhầm")
    register(world, "545", kind="KH", symbol="KH-SA-VP")  # a plan: another type
    register(world, "300", day=datetime.date(2019, 12, 20))  # last year
    register(world, "200", symbol="BC-SB", org=world.b)  # another issuer
    register(world, "250", symbol="BC-SB", direction=Direction.RECEIVED, issuer_name="Sở B")  # incoming
    Document.objects.create(  # imported with a number that is not a number
        organization=world.a,
        issuer_org=world.a,
        issuer_name=world.a.name,
        direction=Direction.ISSUED,
        kind="BC",
        number="12a",
        symbol="BC-SA",
        issued_on=datetime.date(2020, 3, 1),
        subject="Nhập từ sổ cũ",
    )

    report = sign(draft, world)

    assert report.number == 120
    assert report.reference == "120/BC-SA-VP"
    assert Sequence.objects.get(issuer=world.a, year=2020, kind="document:BC").last == 120


def test_numbers_restart_on_the_first_of_january(world):
    register(world, "119", day=datetime.date(2020, 12, 28))
    period = ReportingPeriod.objects.create(
        code="2021",
        name="Năm 2021",
        year=2021,
        start=datetime.date(2021, 1, 1),
        end=datetime.date(2021, 12, 31),
        cutoff_start=datetime.date(2020, 12, 15),
        cutoff_end=datetime.date(2021, 12, 14),
    )
    report = sign(make_draft(world, period, datetime.date(2021, 1, 5)), world)
    assert report.reference == "01/BC-SA-VP"
    assert report.registry_document.year == 2021


def test_two_reports_signed_one_after_the_other_get_consecutive_numbers(draft, world):
    register(world, "07")
    special = ReportingPeriod.objects.create(
        code="2020-CD",
        name="Chuyên đề năm 2020",
        year=2020,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2020, 12, 31),
        cutoff_start=datetime.date(2019, 12, 15),
        cutoff_end=datetime.date(2020, 12, 14),
    )
    first = sign(draft, world)
    second = sign(make_draft(world, special, datetime.date(2020, 11, 20)), world)
    assert (first.number, second.number) == (8, 9)
    assert (
        Document.objects.alive().filter(organization=world.a, kind="BC", number__in=["08", "09"]).count() == 2
    )


def test_a_number_given_is_never_given_again(draft, world):
    """The sequence remembers its last number: a registry entry deleted afterwards frees nothing."""
    first = sign(draft, world)
    document_actions.delete_document(first.registry_document, actor=world.clerk_a, reason="Thử")
    assert actions.next_number(world.a, 2020) == 2


def test_the_signed_report_is_entered_in_the_register_and_audited(draft, world, client_for):
    report = sign(draft, world)

    document = report.registry_document
    assert document is not None
    assert document.organization == world.a and document.issuer_org == world.a
    assert document.direction == Direction.ISSUED and document.kind == "BC"
    assert (document.number, document.symbol, document.ref) == ("01", "BC-SA-VP", "01/BC-SA-VP")
    assert document.issued_on == report.report_date and document.year == 2020
    assert document.subject == report.title
    assert document.signer_name == "head_a"
    assert document.issuer_name == world.a.name
    assert document.signed_report == report
    event = AuditEvent.objects.get(
        content_type=ContentType.objects.get_for_model(Document), object_id=str(document.pk)
    )
    assert event.action == AuditAction.CREATE and event.actor == world.head_a
    assert event.organization == world.a
    assert event.changes["ref"] == [None, "01/BC-SA-VP"]
    page = client_for(world.clerk_a).get(reverse("reporting:detail", args=[report.uuid])).content.decode()
    assert reverse("documents:detail", args=[document.uuid]) in page
    assert "Đã vào sổ văn bản đi số 01/BC-SA-VP" in page


def test_a_clash_with_a_hand_typed_entry_refuses_the_signature_and_changes_nothing(draft, world):
    # The văn thư typed the report into the register by hand, under the wrong kind.
    register(world, "01", kind="Khác", symbol="BC-SA-VP", subject="Báo cáo vào sổ tay")
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    documents_before = Document.objects.count()
    events_before = AuditEvent.objects.count()

    with pytest.raises(ValidationError) as caught:
        actions.sign(reviewed, actor=world.head_a)

    message = caught.value.messages[0]
    assert "Chưa ký được" in message and "01/BC-SA-VP" in message and "sổ văn bản đi" in message
    reviewed.refresh_from_db()
    assert reviewed.status == ReportStatus.REVIEWED
    assert reviewed.number is None and reviewed.signed_at is None and reviewed.registry_document is None
    assert Document.objects.count() == documents_before
    assert AuditEvent.objects.count() == events_before
    assert not Sequence.objects.filter(issuer=world.a, last__gt=0).exists()


def test_the_sign_page_shows_the_registry_refusal(draft, world, client_for):
    register(world, "01", kind="Khác", symbol="BC-SA-VP", subject="Báo cáo vào sổ tay")
    reviewed = actions.mark_reviewed(draft, actor=world.clerk_a)
    response = client_for(world.head_a).post(
        reverse("reporting:transition", args=[reviewed.uuid, "sign"]), follow=True
    )
    assert response.status_code == 200
    assert "sổ văn bản đi không nhận báo cáo số 01/BC-SA-VP" in response.content.decode()
    reviewed.refresh_from_db()
    assert reviewed.status == ReportStatus.REVIEWED


def test_a_correction_takes_a_new_number_and_replaces_the_first_entry(draft, world):
    first = actions.submit(sign(draft, world), actor=world.clerk_a)
    correction = actions.start_correction(first, actor=world.clerk_a, reason="Sai số liệu đơn thư")
    assert correction.number is None and correction.registry_document is None
    # Starting a correction enters nothing: only its signature does.
    assert Document.objects.filter(organization=world.a, kind="BC").count() == 1

    # A correction is a new document: dated today, numbered in this year's sequence.
    assert correction.report_date == timezone.localdate()
    correction = sign(correction, world)

    same_year = first.report_date.year == correction.report_date.year
    assert correction.reference == ("02/BC-SA-VP" if same_year else "01/BC-SA-VP")
    assert correction.registry_document.issued_on == correction.report_date
    assert correction.registry_document != first.registry_document
    assert DocumentRelation.objects.filter(
        source=correction.registry_document, target=first.registry_document, kind=RelationKind.REPLACES
    ).exists()
    first.registry_document.refresh_from_db()
    assert first.registry_document.deleted_at is None  # the first issue stays in the register


def test_the_demo_report_takes_the_next_number_of_the_register(demo_report):
    demo_report.refresh_from_db()
    document = demo_report.registry_document
    # The seed leaves the number blank: the demo report takes the next BC number of 2020 from the
    # demo register, as any report signed in danchu does.
    earlier = [
        int(d.number)
        for d in Document.objects.alive().filter(
            organization=demo_report.organization, direction=Direction.ISSUED, kind="BC", year=2020
        )
        if d.pk != document.pk and d.number.isdigit()
    ]
    assert demo_report.number == max(earlier, default=0) + 1
    assert demo_report.reference.endswith("/BC-STTTT-VP")
    assert (document.ref, document.kind, document.issued_on) == (
        demo_report.reference,
        "BC",
        datetime.date(2020, 11, 9),
    )
    assert document.signer_name == "Nguyễn Văn Nậy"


@pytest.mark.django_db(transaction=True)
def test_a_signature_waits_for_the_number_another_is_taking(world):
    """Two signatures at the same moment: the second waits on the sequence's row lock until the
    first has committed its number, then takes the next one."""
    import threading
    import time

    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the sequence's row lock is PostgreSQL's; SQLite lets one writer at a time anyway")
    Sequence.objects.create(issuer=world.a, year=2020, kind="document:BC", last=5)
    reviewed = actions.mark_reviewed(
        make_draft(world, world.period_2020, datetime.date(2020, 11, 9)), actor=world.clerk_a
    )
    numbers, errors = [], []

    def sign_now():
        try:
            numbers.append(actions.sign(reviewed, actor=world.head_a).number)
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    with transaction.atomic():  # another signature holds the sequence and takes number 6
        sequence = Sequence.objects.select_for_update().get(issuer=world.a, year=2020, kind="document:BC")
        signer = threading.Thread(target=sign_now)
        signer.start()
        time.sleep(1.5)
        assert signer.is_alive() and numbers == []  # waiting on the lock, not guessing a number
        sequence.last = 6
        sequence.save()
    signer.join(timeout=60)
    assert errors == [] and numbers == [7]
