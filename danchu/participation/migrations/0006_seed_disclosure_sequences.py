"""Disclosure references (CK-2026-001) now come from the one numbering service
(danchu/core/numbering.py, kind "disclosure"): each organisation's sequence starts after the
greatest reference it already gave, so no number is given twice."""

from django.db import migrations


def forward(apps, schema_editor):
    Disclosure = apps.get_model("participation", "Disclosure")
    Sequence = apps.get_model("core", "Sequence")
    last = {}
    for org_id, reference in Disclosure.objects.values_list("organization_id", "reference").iterator():
        parts = (reference or "").split("-")
        if len(parts) != 3 or parts[0] != "CK" or not (parts[1].isdigit() and parts[2].isdigit()):
            continue
        key = (org_id, int(parts[1]))
        last[key] = max(last.get(key, 0), int(parts[2]))
    for (org_id, year), number in last.items():
        seq, _created = Sequence.objects.get_or_create(issuer_id=org_id, kind="disclosure", year=year)
        if number > seq.last:
            seq.last = number
            seq.save(update_fields=["last"])


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_disclosure_internal_site"),
        ("core", "0002_numbering_sequence"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
