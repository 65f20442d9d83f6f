"""PostgreSQL: trigram indexes on the folded text the registry search compares
(danchu/core/search.py; the function comes from petitions/0006)."""

from django.db import migrations

from danchu.core import search

INDEXES = [
    ("document_subject_fold_trgm", "documents_document", "subject"),
    ("document_ref_fold_trgm", "documents_document", "ref"),
    ("document_issuer_fold_trgm", "documents_document", "issuer_name"),
    ("document_symbol_fold_trgm", "documents_document", "symbol"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(search.POSTGRES_FUNCTION)  # idempotent; the order of apps is not fixed
    for name, table, column in INDEXES:
        schema_editor.execute(search.postgres_index(name, table, column)[0])


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(search.postgres_index(name, table, column)[1])


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_canonical_legal_texts")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
