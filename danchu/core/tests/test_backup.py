"""`danchu backup` / `danchu restore` (issue 14): the database and the uploaded files come back
together, every record and every file, with equal hashes; identities stay ciphertext in the
archive; a broken archive, another migration state or a database holding data is refused."""

import datetime as dt
import gzip
import hashlib
import io
import json
import tarfile

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from danchu.audit.models import AuditAction, AuditEvent
from danchu.core import backup
from danchu.documents import actions as documents
from danchu.petitions import actions as petitions
from danchu.petitions.models import IdentityScan, Kind, Petition

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Lê Thị Kínđáo"
IDENTITY = {
    "full_name": NAME,
    "address": "Số 7 hẻm Riêng, phường Một",
    "phone": "0911222333",
    "email": "kindao@example.com",
    "id_number": "084190000777",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"% danchu backup test\n" * 50
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def build(world):
    """Letters with a protected identity and a scan, a document with a file, an audit trail."""
    import datetime

    letter = petitions.register(
        world.a,
        actor=world.clerk_a,
        kind=Kind.DENUNCIATION,
        channel="paper",
        received_on=datetime.date(2026, 3, 2),
        subject="Tố cáo hành vi sai phạm",
        content="Nội dung tố cáo",
        identity=IDENTITY,
        scans=[SimpleUploadedFile("cccd.png", PNG, content_type="image/png")],
    )
    petitions.assign(letter, actor=world.clerk_a, handler=world.handler_a)
    doc = documents.create_document(
        actor=world.clerk_a,
        organization=world.a,
        direction="issued",
        kind="QĐ",
        number="12",
        symbol="QĐ-SA",
        issued_on=datetime.date(2026, 2, 1),
        subject="Ban hành quy chế dân chủ",
    )
    documents.add_attachment(
        doc, SimpleUploadedFile("quy-che.pdf", PDF, content_type="application/pdf"), actor=world.clerk_a
    )
    return letter


def everything():
    """Every row of every backed-up model, serialized, and the bytes' hash of every stored file."""
    rows = {}
    for model in backup.backup_models():
        rows[model._meta.label_lower] = serializers.serialize("json", model._base_manager.order_by("pk"))
    files = {}
    for model in backup.backup_models():
        for field in [f for f in model._meta.concrete_fields if f.get_internal_type() == "FileField"]:
            for obj in model._base_manager.all():
                value = getattr(obj, field.name)
                if value:
                    with value.open("rb") as handle:
                        files[value.name] = hashlib.sha256(handle.read()).hexdigest()
    return rows, files


def wipe(settings):
    import shutil

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def test_backup_wipe_restore_gives_back_every_record_and_file(world, settings, tmp_path):
    letter = build(world)
    before_rows, before_files = everything()
    assert len(before_files) == 2 and before_rows["petitions.senderidentity"] != "[]"
    archive = tmp_path / "sao-luu.tar.gz"
    manifest = backup.create_backup(archive)

    # The manifest: format, version, migration state, counts, the hash of every file.
    assert manifest["format"] == backup.FORMAT and manifest["migrations"] == backup.migration_state()
    assert manifest["counts"]["petitions.petition"] == 1 and manifest["counts"]["audit.auditevent"] >= 3
    assert {info["sha256"] for info in manifest["files"].values()} == set(before_files.values())
    # Identities stay ciphertext: the name, phone, ID number and the scan's bytes are nowhere in the archive.
    raw = gzip.decompress(archive.read_bytes())
    for secret in (NAME, IDENTITY["phone"], IDENTITY["id_number"]):
        assert secret.encode() not in raw
    assert PNG not in raw and PDF in raw

    wipe(settings)
    assert not Petition.objects.exists() and not AuditEvent.objects.exists()
    backup.restore_backup(archive)

    after_rows, after_files = everything()
    assert after_rows == before_rows
    assert after_files == before_files
    # The identity decrypts as before (the key is the same), and its scan opens.
    letter = Petition.objects.get(pk=letter.pk)
    handler = apps.get_model("auth.User").objects.get(username="handler_a")
    assert (
        petitions.reveal_identity(letter, actor=handler, reason="Xác minh sau khôi phục")["full_name"] == NAME
    )
    name, _type, data = petitions.open_identity_scan(
        IdentityScan.objects.get(), actor=handler, reason="Xác minh bản chụp"
    )
    assert (name, data) == ("cccd.png", PNG)
    # New rows get new ids after the restore (sequences were moved past the restored ones).
    assert AuditEvent.objects.filter(action=AuditAction.REVEAL).count() == 2


def test_a_restore_inserts_each_row_once_and_updates_none(world, settings, tmp_path):
    """Into the emptied tables every row goes in with one INSERT, not Django's UPDATE of a row
    with its primary key first: a restore is one query per row, not two."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build(world)
    archive = tmp_path / "sao-luu.tar.gz"
    manifest = backup.create_backup(archive)
    wipe(settings)
    with CaptureQueriesContext(connection) as queries:
        backup.restore_backup(archive)
    statements = [q["sql"].lstrip().split(None, 1)[0].upper() for q in queries.captured_queries]
    # (SQLite's own sequence table is set by the flush and after the rows, as on PostgreSQL setval)
    updates = [s for s in statements if s == "UPDATE"]
    sequences = [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "sqlite_sequence"')]
    assert len(updates) == len(sequences)
    assert statements.count("INSERT") >= sum(manifest["counts"].values())  # and the many-to-many rows


def test_restore_refuses_a_database_holding_data_unless_forced(world, settings, tmp_path):
    build(world)
    archive = tmp_path / "sao-luu.tar.gz"
    backup.create_backup(archive)
    world.clerk_a.first_name = "Đổi sau sao lưu"
    world.clerk_a.save()
    with pytest.raises(backup.BackupError, match="đã có dữ liệu.*--force"):
        backup.restore_backup(archive)
    assert apps.get_model("auth.User").objects.get(pk=world.clerk_a.pk).first_name == "Đổi sau sao lưu"

    out = io.StringIO()
    call_command("restore", str(archive), "--force", "--no-input", stdout=out)
    assert "thay thế dữ liệu hiện có" in out.getvalue() and "tài khoản" in out.getvalue()
    assert apps.get_model("auth.User").objects.get(pk=world.clerk_a.pk).first_name == "clerk_a"


def _rewrite(archive, target, change):
    """Copy `archive` to `target`, passing each member's (name, bytes) through `change`."""
    with tarfile.open(archive, "r:gz") as src, tarfile.open(target, "w:gz") as dst:
        for member in src:
            data = change(member.name, src.extractfile(member).read())
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            dst.addfile(info, io.BytesIO(data))


def test_restore_refuses_a_tampered_file_and_changes_nothing(world, settings, tmp_path):
    build(world)
    archive, bad = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    backup.create_backup(archive)
    _rewrite(archive, bad, lambda name, data: data.replace(b"danchu backup test", b"danchu BACKUP TEST"))
    wipe(settings)
    with pytest.raises(backup.BackupError, match="SHA-256"):
        backup.restore_backup(bad)
    assert not Petition.objects.exists()


def test_restore_refuses_another_migration_state_naming_the_difference(world, settings, tmp_path):
    build(world)
    archive, other = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    backup.create_backup(archive)

    def older(name, data):
        if name != backup.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["migrations"] = [m for m in manifest["migrations"] if not m.startswith("petitions.0009")]
        manifest["migrations"].append("petitions.9999_from_the_future")
        return json.dumps(manifest).encode()

    _rewrite(archive, other, older)
    wipe(settings)
    with pytest.raises(backup.BackupError) as caught:
        backup.restore_backup(other)
    message = str(caught.value)
    assert "petitions.9999_from_the_future" in message and "migration" in message
    with pytest.raises(CommandError, match="petitions.9999_from_the_future"):
        call_command("restore", str(other), "--no-input")
    assert not Petition.objects.exists()


def test_the_backup_command_writes_an_archive_that_restores(world, settings, tmp_path):
    build(world)
    before = everything()
    archive = tmp_path / "lenh.tar.gz"
    out = io.StringIO()
    call_command("backup", "--out", str(archive), stdout=out)
    assert "FIELD_ENCRYPTION_KEY" in out.getvalue() and archive.exists()
    assert not (tmp_path / "lenh.tar.gz.partial").exists()
    wipe(settings)
    call_command("restore", str(archive), "--no-input", stdout=io.StringIO())
    assert everything() == before


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, db):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar")
    with pytest.raises(backup.BackupError, match="Không đọc được"):
        backup.restore_backup(junk)


def test_a_write_during_the_backup_is_not_half_in_the_archive(world, settings, tmp_path):
    """One snapshot: a document and its file added by another connection while the rows are
    being copied are in neither the rows nor the files of the archive (PostgreSQL, REPEATABLE
    READ; on SQLite the backup holds the database lock and the writer waits)."""
    import threading

    from django.db import connection, connections

    from danchu.documents.models import Attachment, Document

    if connection.vendor != "postgresql":
        pytest.skip("a concurrent writer during the backup needs PostgreSQL")
    letter = build(world)
    assert letter.pk
    documents_before, attachments_before = Document.objects.count(), Attachment.objects.count()
    done = threading.Event()

    def write_meanwhile():
        try:
            doc = documents.create_document(
                actor=world.clerk_a,
                organization=world.a,
                direction="issued",
                kind="QĐ",
                number="13",
                symbol="QĐ-SA",
                subject="Văn bản viết trong lúc sao lưu",
            )
            documents.add_attachment(
                doc, SimpleUploadedFile("moi.pdf", PDF, content_type="application/pdf"), actor=world.clerk_a
            )
        finally:
            connections.close_all()
            done.set()

    def log(message):
        if "bản ghi" in message and not done.is_set():
            thread = threading.Thread(target=write_meanwhile)
            thread.start()
            thread.join(30)
            assert done.is_set()

    manifest = backup.create_backup(tmp_path / "a.tar.gz", log=log)
    # the write happened, after the rows were copied and before the files were
    assert (Document.objects.count(), Attachment.objects.count()) == (
        documents_before + 1,
        attachments_before + 1,
    )
    assert manifest["counts"]["documents.document"] == documents_before
    assert manifest["counts"]["documents.attachment"] == attachments_before and len(manifest["files"]) == 2
    new = Attachment.objects.get(document__number="13")
    assert new.file.name not in manifest["files"]


def test_timestamps_come_back_to_the_microsecond(world, settings, tmp_path):
    """Django's JSON encoder rounds datetimes to milliseconds; a restored audit row must carry the
    stored time exactly (a time with under 1 ms of microseconds once made the round trip differ)."""
    build(world)
    exact = dt.datetime(2026, 3, 4, 5, 6, 7, 512, tzinfo=dt.UTC)
    AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("pk").first().pk).update(at=exact)
    before = {e.pk: e.at for e in AuditEvent.objects.all()}
    archive = tmp_path / "micro.tar.gz"
    backup.create_backup(archive)
    wipe(settings)
    backup.restore_backup(archive)
    assert {e.pk: e.at for e in AuditEvent.objects.all()} == before
    assert exact in before.values()
