"""The reports' number sequences become sequences of the one numbering service
(danchu/core/numbering.py, kind "document:<type>"); the old table goes."""

from django.db import migrations


def forward(apps, schema_editor):
    Old = apps.get_model("reporting", "NumberSequence")
    Sequence = apps.get_model("core", "Sequence")
    for o in Old.objects.all():
        seq, _created = Sequence.objects.get_or_create(
            issuer_id=o.organization_id, kind=f"document:{o.kind}", year=o.year
        )
        if o.last > seq.last:
            seq.last = o.last
            seq.save(update_fields=["last"])


def backward(apps, schema_editor):
    Old = apps.get_model("reporting", "NumberSequence")
    Sequence = apps.get_model("core", "Sequence")
    for s in Sequence.objects.filter(kind__startswith="document:"):
        Old.objects.update_or_create(
            organization_id=s.issuer_id,
            year=s.year,
            kind=s.kind.removeprefix("document:")[:8],
            defaults={"last": s.last},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0003_snapshot_taken_at_signing"),
        ("core", "0002_numbering_sequence"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.RemoveConstraint(model_name="numbersequence", name="number_sequence_unique"),
        migrations.DeleteModel(name="NumberSequence"),
    ]
