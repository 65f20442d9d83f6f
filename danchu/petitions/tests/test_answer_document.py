"""The handler registers the answer document in place, or asks the clerks to; nothing more."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danchu.audit.models import AuditEvent
from danchu.documents import actions as doc_actions
from danchu.documents.models import Direction, Document
from danchu.notifications.models import Notification
from danchu.petitions import actions
from danchu.petitions.models import EventKind, Status

D = datetime.date
pytestmark = pytest.mark.django_db

NEW = {"new_kind": "QĐ", "new_number": "17", "new_symbol": "QĐ-STTTT", "new_subject": "Giải quyết khiếu nại"}


def post_answer(client, p, **data):
    fields = {"answer-on": "2026-04-01", "answer-public_answer": "Đã giải quyết"}
    fields.update({f"answer-{k}": v for k, v in data.items()})
    return client.post(f"/don-thu/{p.uuid}/answer/", fields)


def test_the_handler_cannot_open_the_registry_form(client_for, w):
    assert client_for(w.handler_a).get("/van-ban/moi/").status_code == 403


def test_the_handler_registers_the_answer_document_from_the_answer_form(client_for, w, accepted_petition):
    p = accepted_petition()
    response = post_answer(client_for(w.handler_a), p, **NEW)
    assert response.status_code == 302, response.content.decode()[:2000]
    p.refresh_from_db()
    doc = Document.objects.get(organization=w.a, ref="17/QĐ-STTTT")
    assert p.status == Status.RESOLVED and p.answer_document == doc
    assert doc.direction == Direction.ISSUED and doc.issued_on == D(2026, 4, 1) and p.reference in doc.notes
    assert AuditEvent.objects.filter(object_id=str(doc.pk), actor=w.handler_a).exists()


def test_a_bad_reference_keeps_the_answer_open_and_names_the_field(client_for, w, accepted_petition):
    p = accepted_petition()
    response = post_answer(client_for(w.handler_a), p, **{**NEW, "new_symbol": ""})
    assert response.status_code == 400
    assert "Chưa nhập ký hiệu văn bản." in response.content.decode()
    p.refresh_from_db()
    assert p.status == Status.ACCEPTED and not Document.objects.filter(number="17").exists()


def test_another_handler_may_not_register_that_answer(client_for, w, accepted_petition):
    p = accepted_petition()
    with pytest.raises(PermissionDenied):
        doc_actions.register_answer_document(
            p,
            actor=w.handler_a2,
            kind="QĐ",
            number="18",
            symbol="QĐ-STTTT",
            subject="x",
            issued_on=D(2026, 4, 1),
        )
    response = post_answer(client_for(w.handler_a2), p, **NEW)
    assert response.status_code in (302, 404)
    p.refresh_from_db()
    assert p.status == Status.ACCEPTED and not Document.objects.filter(number="17").exists()


def test_the_handler_may_not_register_once_the_case_is_answered(w, accepted_petition, answer_doc):
    p = accepted_petition()
    actions.answer(p, actor=w.handler_a, document=answer_doc(), on=D(2026, 4, 1))
    with pytest.raises(PermissionDenied):
        doc_actions.register_answer_document(
            p,
            actor=w.handler_a,
            kind="QĐ",
            number="19",
            symbol="QĐ-STTTT",
            subject="x",
            issued_on=D(2026, 4, 1),
        )


def test_the_staff_of_the_org_may_not_register_an_answer(w, accepted_petition):
    p = accepted_petition()
    with pytest.raises(PermissionDenied):
        doc_actions.register_answer_document(
            p,
            actor=w.staff_a,
            kind="QĐ",
            number="20",
            symbol="QĐ-STTTT",
            subject="x",
            issued_on=D(2026, 4, 1),
        )


def test_choosing_a_document_and_typing_a_new_one_is_refused(w, accepted_petition, answer_doc):
    p = accepted_petition()
    with pytest.raises(ValidationError):
        actions.answer(
            p,
            actor=w.handler_a,
            document=answer_doc(),
            new_document={"kind": "QĐ", "number": "21", "symbol": "QĐ-STTTT", "subject": "x"},
            on=D(2026, 4, 1),
        )


def test_the_handler_asks_the_clerk_to_register_it(client_for, w, accepted_petition):
    p = accepted_petition()
    response = client_for(w.handler_a).post(
        f"/don-thu/{p.uuid}/request_document/", {"request_document-note": "Quyết định do Giám đốc ký"}
    )
    assert response.status_code == 302
    note = Notification.objects.get(user=w.clerk_a, target_id=p.pk, kind="petitions.document_request")
    assert "Giám đốc" in note.message and p.reference in note.message
    assert p.events.filter(kind=EventKind.DOCUMENT_REQUEST, actor=w.handler_a).exists()
    assert not Notification.objects.filter(user=w.clerk_b, target_id=p.pk).exists()
    home = client_for(w.clerk_a).get("/").content.decode()
    assert "Đề nghị vào sổ văn bản" in home


def test_the_form_says_how_to_get_the_document(client_for, w, accepted_petition):
    p = accepted_petition()
    page = client_for(w.handler_a).get(f"/don-thu/{p.uuid}/").content.decode()
    assert "Văn bản mới: số" in page and "Đề nghị văn thư vào sổ" in page


def test_the_request_reaches_the_clerks_of_the_org_and_its_ancestors_only(
    w, accepted_petition, django_assert_max_num_queries
):
    """The clerks are looked up in SQL by the paths of the organisation and its ancestors: a
    clerk over the province is asked, a clerk of a sibling or of a unit below the agency is not."""
    from conftest import make_user
    from danchu.orgs.models import Role

    province_clerk = make_user("clerk_tv", Role.CLERK, w.tv)
    unit_clerk = make_user("clerk_unit", Role.CLERK, w.a_unit)
    p = accepted_petition()
    asked = actions.request_answer_document(p, actor=w.handler_a, note="Quyết định đã ký")
    assert asked == 2
    notified = set(
        Notification.objects.filter(target_id=p.pk, kind="petitions.document_request").values_list(
            "user", flat=True
        )
    )
    assert notified == {w.clerk_a.pk, province_clerk.pk}
    assert unit_clerk.pk not in notified and w.clerk_b.pk not in notified
    for n in range(5):  # more clerks elsewhere cost no query
        make_user(f"clerk_x{n}", Role.CLERK, w.b)
    p2 = accepted_petition(subject="Khiếu nại khác")
    with django_assert_max_num_queries(20):
        assert actions.request_answer_document(p2, actor=w.handler_a) == 2
