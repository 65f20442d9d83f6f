"""Register the canonical legal texts (LEGAL.md §1) as shared external documents.

Runs in every installation. Idempotent: a text already registered (same number + symbol, shared,
not deleted) is left as an administrator may have corrected it. Each insertion writes an audit
row, as every change to the registry does.
"""

import uuid

from django.db import migrations


def register(apps, schema_editor):
    from danchu.documents.legal_texts import CANONICAL_TEXTS

    Document = apps.get_model("documents", "Document")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="documents", model="document")
    for kind, number, symbol, issued_on, effective_on, issuer, subject in CANONICAL_TEXTS:
        ref = f"{number}/{symbol}"
        if Document.objects.filter(organization__isnull=True, ref=ref, deleted_at__isnull=True).exists():
            continue
        doc = Document.objects.create(
            uuid=uuid.uuid4(),
            organization=None,
            direction="external",
            kind=kind,
            number=number,
            symbol=symbol,
            ref=ref,
            is_party=False,
            issued_on=issued_on,
            effective_on=effective_on,
            year=issued_on.year,
            issuer_name=issuer,
            subject=subject,
        )
        AuditEvent.objects.create(
            actor=None,
            actor_name="hệ thống",
            action="create",
            verb="Nạp văn bản pháp luật gốc (LEGAL.md)",
            content_type=content_type,
            object_id=str(doc.pk),
            object_repr=f"{ref}"[:255],
            organization=None,
            changes={
                "ref": [None, ref],
                "issued_on": [None, issued_on.isoformat()],
                "issuer_name": [None, issuer],
                "subject": [None, subject],
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_effective_date_and_registry_uniqueness"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(register, migrations.RunPython.noop)]
