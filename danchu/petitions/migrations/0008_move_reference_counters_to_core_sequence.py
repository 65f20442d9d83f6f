"""The petition reference counters become sequences of the one numbering service
(danchu/core/numbering.py, kind "petition"); the old table goes."""

from django.db import migrations


def forward(apps, schema_editor):
    Counter = apps.get_model("petitions", "ReferenceCounter")
    Sequence = apps.get_model("core", "Sequence")
    for c in Counter.objects.all():
        seq, _created = Sequence.objects.get_or_create(issuer_id=c.organization_id, kind="petition", year=c.year)
        if c.last > seq.last:
            seq.last = c.last
            seq.save(update_fields=["last"])


def backward(apps, schema_editor):
    Counter = apps.get_model("petitions", "ReferenceCounter")
    Sequence = apps.get_model("core", "Sequence")
    for s in Sequence.objects.filter(kind="petition"):
        Counter.objects.update_or_create(organization_id=s.issuer_id, year=s.year, defaults={"last": s.last})


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0007_merge_external_code_and_search"),
        ("core", "0002_numbering_sequence"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="ReferenceCounter"),
    ]
