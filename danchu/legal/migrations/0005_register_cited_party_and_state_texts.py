"""Register in the shared registry the Party and State texts grassroots-democracy reports commonly
cite (danchu.documents.legal_texts: PARTY_TEXTS and the State texts added to CANONICAL_TEXTS), so
that `danchu refs --check` flags a wrong date with the right one; correct two shipped entries:
Thông tư 05/2021/TT-TTCP is in force from 15/11/2021, and "Nghị định 155/2026/NĐ-CP" (shipped with
a date that no official text confirms) is withdrawn from the registry (listed on the page Rà soát
căn cứ pháp lý instead). Texts an administrator registered or corrected are left alone. Each
change writes an audit row, as every change to the registry does."""

import datetime
import uuid

from django.db import migrations
from django.utils import timezone

WITHDRAWN = ("155/2026/NĐ-CP", datetime.date(2026, 5, 15))  # as shipped by documents 0003
TT05 = ("05/2021/TT-TTCP", datetime.date(2021, 11, 15))


def _audit(apps, doc, action, verb, changes):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="documents", model="document")
    AuditEvent.objects.create(
        actor=None,
        actor_name="hệ thống",
        action=action,
        verb=verb,
        content_type=content_type,
        object_id=str(doc.pk),
        object_repr=doc.ref[:255],
        organization=None,
        changes=changes,
    )


def register(apps, schema_editor):
    from danchu.documents.legal_texts import CANONICAL_TEXTS, PARTY_TEXTS

    Document = apps.get_model("documents", "Document")
    shared = Document.objects.filter(organization__isnull=True, deleted_at__isnull=True)
    rows = [(k, n, s, d, eff, issuer, subj, False, f"{n}/{s}") for k, n, s, d, eff, issuer, subj in CANONICAL_TEXTS]
    rows += [(k, n, s, d, None, issuer, subj, True, f"{n}-{s}") for k, n, s, d, issuer, subj in PARTY_TEXTS]
    for kind, number, symbol, issued_on, effective_on, issuer, subject, is_party, ref in rows:
        if shared.filter(ref=ref, year=issued_on.year).exists() or shared.filter(ref=ref, issued_on=None).exists():
            continue
        doc = Document.objects.create(
            uuid=uuid.uuid4(),
            organization=None,
            direction="external",
            kind=kind,
            number=number,
            symbol=symbol,
            ref=ref,
            is_party=is_party,
            issued_on=issued_on,
            effective_on=effective_on,
            year=issued_on.year,
            issuer_name=issuer,
            subject=subject,
        )
        _audit(apps, doc, "create", "Nạp văn bản được trích dẫn phổ biến (issue 13)", {
            "ref": [None, ref], "issued_on": [None, issued_on.isoformat()], "issuer_name": [None, issuer],
        })
    for doc in shared.filter(ref=TT05[0], effective_on__isnull=True):
        doc.effective_on = TT05[1]
        doc.save(update_fields=["effective_on"])
        _audit(apps, doc, "update", "Sửa ngày có hiệu lực (LEGAL.md §1)", {"effective_on": [None, TT05[1].isoformat()]})
    for doc in shared.filter(ref=WITHDRAWN[0], issued_on=WITHDRAWN[1], version=1):
        doc.deleted_at = timezone.now()
        doc.save(update_fields=["deleted_at"])
        _audit(apps, doc, "delete", "Rút khỏi sổ: chưa xác nhận được văn bản chính thức", {
            "deleted_at": [None, doc.deleted_at.isoformat()],
        })


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0004_law_2026_rules_and_calendar"),
        ("documents", "0003_canonical_legal_texts"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(register, migrations.RunPython.noop)]
