import datetime

import pytest
from django.core.exceptions import ValidationError

from danchu.audit.models import AuditAction
from danchu.audit.trail import history_for
from danchu.documents import actions
from danchu.documents.models import Document, DocumentRelation, RelationKind

D = datetime.date


def test_create_computes_ref_year_and_issuer_and_writes_an_audit_row(world, make_doc):
    doc = make_doc()
    assert (doc.ref, doc.year, doc.issuer_name, doc.issuer_org) == ("420/KH-SA", 2020, "Sở A", world.a)
    (event,) = history_for(doc)
    assert event.action == AuditAction.CREATE and event.actor == world.clerk_a
    assert event.changes["ref"] == [None, "420/KH-SA"]


def test_party_documents_use_the_dash_form(world, make_doc):
    doc = make_doc(number="18", symbol="KH/ĐU", is_party=True)
    assert doc.ref == "18-KH/ĐU"


def test_malformed_reference_is_refused(world, make_doc):
    with pytest.raises(ValidationError) as info:
        make_doc(number="18", symbol="KH/ĐU", is_party=False)
    assert "không đúng dạng" in str(info.value.message_dict["ref"])


def test_duplicate_number_and_symbol_for_the_same_issuer_and_year_is_refused(world, make_doc):
    make_doc()
    with pytest.raises(ValidationError) as info:
        make_doc(issued_on=D(2020, 9, 1))
    assert "đã có văn bản số, ký hiệu 420/KH-SA" in info.value.message_dict["ref"][0]
    assert Document.objects.filter(ref="420/KH-SA").count() == 1


def test_the_same_number_in_another_year_or_registry_is_fine(world, make_doc):
    make_doc()
    make_doc(issued_on=D(2021, 4, 15))
    make_doc(org=world.b, issuer_name="Sở A", direction="received")
    assert Document.objects.filter(ref="420/KH-SA").count() == 3


def test_shared_texts_are_unique_too(world, make_doc):
    with pytest.raises(ValidationError):
        make_doc(
            org="external",
            kind="NĐ",
            number="04",
            symbol="2015/NĐ-CP",
            issued_on=D(2015, 1, 9),
            issuer_name="Chính phủ",
        )


def test_update_records_the_changes_and_bumps_the_version(world, make_doc):
    doc = make_doc()
    doc = actions.update_document(doc, actor=world.head_a, expected_version=1, subject="Trích yếu mới")
    assert doc.version == 2
    event = history_for(doc).first()
    assert event.action == AuditAction.UPDATE and event.actor == world.head_a
    assert event.changes == {
        "subject": ["Kế hoạch thực hiện công tác dân vận chính quyền năm 2020", "Trích yếu mới"]
    }


def test_update_without_a_version_is_refused_unless_nothing_differs(world, make_doc):
    doc = make_doc()
    actions.update_document(doc, actor=world.head_a, expected_version=1, subject="Sửa lần một")
    with pytest.raises(actions.StaleDocument):
        actions.update_document(doc, actor=world.clerk_a, expected_version="", subject="Sửa lần hai")
    same = actions.update_document(doc, actor=world.clerk_a, expected_version="", subject="Sửa lần một")
    doc.refresh_from_db()
    assert (same.subject, doc.subject, doc.version) == ("Sửa lần một", "Sửa lần một", 2)


def test_update_with_a_stale_version_is_refused_and_changes_nothing(world, make_doc):
    doc = make_doc()
    actions.update_document(doc, actor=world.head_a, expected_version=1, subject="Sửa lần một")
    with pytest.raises(actions.StaleDocument) as info:
        actions.update_document(doc, actor=world.clerk_a, expected_version=1, subject="Sửa lần hai")
    assert info.value.current.subject == "Sửa lần một"
    doc.refresh_from_db()
    assert (doc.subject, doc.version) == ("Sửa lần một", 2)


def test_delete_and_restore_are_soft_and_audited(world, make_doc):
    doc = make_doc()
    actions.delete_document(doc, actor=world.clerk_a, reason="Vào sổ nhầm")
    assert not Document.objects.alive().filter(pk=doc.pk).exists()
    actions.restore_document(doc, actor=world.clerk_a)
    assert Document.objects.alive().filter(pk=doc.pk).exists()
    assert [e.action for e in history_for(doc)] == [
        AuditAction.RESTORE,
        AuditAction.DELETE,
        AuditAction.CREATE,
    ]
    assert history_for(doc)[1].reason == "Vào sổ nhầm"


def test_restore_is_refused_when_the_number_was_reused_meanwhile(world, make_doc):
    doc = make_doc()
    actions.delete_document(doc, actor=world.clerk_a)
    make_doc()
    with pytest.raises(ValidationError):
        actions.restore_document(doc, actor=world.clerk_a)


def test_relations_are_added_and_removed_with_audit_rows(world, make_doc):
    plan = make_doc()
    law = Document.objects.get(ref="04/2015/NĐ-CP")
    relation = actions.add_relation(plan, law, RelationKind.IMPLEMENTS, actor=world.clerk_a)
    with pytest.raises(ValidationError):
        actions.add_relation(plan, law, RelationKind.IMPLEMENTS, actor=world.clerk_a)
    with pytest.raises(ValidationError):
        actions.add_relation(plan, plan, RelationKind.CITES, actor=world.clerk_a)
    actions.remove_relation(relation, actor=world.clerk_a)
    assert not DocumentRelation.objects.exists()
    assert [e.verb for e in history_for(plan)][:2] == [
        "Bỏ quan hệ: triển khai thực hiện 04/2015/NĐ-CP",
        "Thêm quan hệ: triển khai thực hiện 04/2015/NĐ-CP",
    ]


def test_canonical_legal_texts_are_registered_by_migration(db):
    from danchu.documents.legal_texts import CANONICAL_TEXTS, PARTY_TEXTS

    docs = {d.ref: d for d in Document.objects.external().alive()}
    assert docs["34/2007/PL-UBTVQH11"].issued_on == D(2007, 4, 20)
    assert docs["149/2018/NĐ-CP"].issued_on == D(2018, 11, 7)
    assert docs["10/2022/QH15"].kind == "Luật" and docs["10/2022/QH15"].issuer_name == "Quốc hội"
    assert len(docs) == len(CANONICAL_TEXTS) + len(PARTY_TEXTS)
    assert all(d.direction == "external" for d in docs.values())
