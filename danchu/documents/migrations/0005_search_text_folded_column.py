"""The stored, folded search text of each registered document (danchu.core.search.fold_fields of
ref, subject, issuer name and symbol), so SQLite searches the registry with a plain LIKE; existing
documents are filled in batches of BATCH rows read by primary key (bounded memory). It runs after
the legal migrations that register the shared legal texts through the historical model, which
does not call Document.save()."""

from django.db import migrations, models

from danchu.core import search

BATCH = 1000
FIELDS = ("ref", "subject", "issuer_name", "symbol")


def fill_search_text(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    last = 0
    while True:
        rows = list(Document.objects.filter(pk__gt=last).order_by("pk").only("pk", *FIELDS)[:BATCH])
        if not rows:
            return
        for doc in rows:
            doc.search_text = search.fold_fields(*(getattr(doc, f) for f in FIELDS))
        Document.objects.bulk_update(rows, ["search_text"], batch_size=250)
        last = rows[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_search_fold_trigram_indexes"),
        ("legal", "0006_confirm_second_decision_sending_and_letter_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="nội dung tìm kiếm"),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=False),
    ]
