"""The stored, folded search text of each letter (danchu.core.search.fold_fields of reference,
subject and content), so SQLite searches the worklist with a plain LIKE; existing letters are
filled in batches of BATCH rows, read by primary key, so memory stays bounded whatever the count.
The sender's identity (SenderIdentity, encrypted) is not read."""

from django.db import migrations, models

from danchu.core import search

BATCH = 1000
FIELDS = ("reference", "subject", "content")


def fill_search_text(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    last = 0
    while True:
        rows = list(Petition.objects.filter(pk__gt=last).order_by("pk").only("pk", *FIELDS)[:BATCH])
        if not rows:
            return
        for p in rows:
            p.search_text = search.fold_fields(*(getattr(p, f) for f in FIELDS))
        Petition.objects.bulk_update(rows, ["search_text"], batch_size=250)
        last = rows[-1].pk


class Migration(migrations.Migration):
    dependencies = [("petitions", "0010_document_request_event")]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="nội dung tìm kiếm"),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=False),
    ]
