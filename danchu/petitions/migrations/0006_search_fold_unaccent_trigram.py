"""PostgreSQL: the `danchu_fold` function (unaccent + lower) and trigram indexes for the worklist
search (danchu/core/search.py). SQLite registers the same function on each connection; nothing
to create there."""

from django.db import migrations

from danchu.core import search

INDEXES = [
    ("petition_subject_fold_trgm", "petitions_petition", "subject"),
    ("petition_content_fold_trgm", "petitions_petition", "content"),
    ("petition_reference_fold_trgm", "petitions_petition", "reference"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(search.POSTGRES_FUNCTION)
    for name, table, column in INDEXES:
        schema_editor.execute(search.postgres_index(name, table, column)[0])


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(search.postgres_index(name, table, column)[1])


class Migration(migrations.Migration):
    dependencies = [("petitions", "0005_merge_identity_and_deadlines")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
