"""The registry's actions check who may change it themselves, whoever calls them (view, API,
report signature): a call by someone who does not keep the registry is refused with a Vietnamese
message and changes nothing, not even the audit trail."""

import pytest

from conftest import refused
from danchu.documents import actions
from danchu.documents.models import Document, DocumentRelation, RelationKind


@pytest.mark.parametrize("outsider", ["clerk_b", "staff_a", "handler_a"])
def test_the_registry_is_changed_only_by_its_keepers(world, make_doc, outsider):
    user = getattr(world, outsider)
    refused(lambda: make_doc(actor=user))
    assert not Document.objects.filter(organization=world.a).exists()
    doc = make_doc()
    other = make_doc(number="421")
    refused(lambda: actions.update_document(doc, actor=user, subject="Đổi trích yếu"))
    refused(lambda: actions.delete_document(doc, actor=user))
    refused(lambda: actions.add_relation(doc, other, RelationKind.REPLACES, actor=user))
    doc.refresh_from_db()
    assert doc.deleted_at is None and doc.subject.startswith("Kế hoạch")
    assert not DocumentRelation.objects.exists()
    assert (
        actions.update_document(doc, actor=world.head_a, subject="Đổi trích yếu").subject == "Đổi trích yếu"
    )


def test_the_shared_legal_texts_are_changed_by_the_province_only(world, make_doc):
    refused(
        lambda: make_doc(org="external", actor=world.clerk_a, kind="NĐ", number="04", symbol="2015/NĐ-CP")
    )
    assert make_doc(org="external", actor=world.officer, kind="NĐ", number="05", symbol="2015/NĐ-CP").pk
