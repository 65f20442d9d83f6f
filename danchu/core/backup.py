"""`danchu backup --out FILE` and `danchu restore FILE`: the database and the uploaded files
together, from one snapshot, in one archive (issue 14: a system of record must survive the loss of
its machine).

The archive is a gzip'd tar:

    data.jsonl      every row of every model (Django's JSON-lines serializer, one object a line),
                    primary keys kept, many-to-many values inside their object
    files/<name>    every file a FileField of a row names, under its stored name
    manifest.json   format version, danchu version, the applied migrations, the number of rows of
                    each model, the SHA-256 and size of data.jsonl and of every file (last member)

Consistency: rows and files are read inside one transaction; on PostgreSQL it is REPEATABLE READ
READ ONLY (one snapshot of every table, writers are not blocked), on SQLite the transaction holds
the database lock, so no write lands between two tables. Memory stays bounded: rows are streamed
from the database (`iterator`) to a temporary file and files are copied in 64 KB chunks.

What stays secret: a sender's identity and the name and bytes of their scans are stored
encrypted (Fernet, `FIELD_ENCRYPTION_KEY`) and are copied as stored, ciphertext; secret ballots
stay sealed. The keys are not in the archive: keep them apart from the backups, since a backup is
useless without them and a key next to its backup protects nothing.

`restore` checks the manifest and every hash before it changes anything, refuses an archive made
at another migration state (naming the difference) and a database that already holds data unless
`force`; then it writes the files and replaces every table in one transaction.
"""

import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.files.base import File
from django.core.management.color import no_style
from django.core.management.sql import sql_flush
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

import danchu

FORMAT = 1

MANIFEST = "manifest.json"
DATA = "data.jsonl"
FILES = "files/"
CHUNK = 64 * 1024
# Not copied: sessions (a restore logs everyone out).
SKIPPED = {"sessions.session"}
# A database holding any of these holds someone's work.
WORK = ("auth.user", "orgs.organization", "audit.auditevent")


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds (ECMA-262 dates); a backup keeps every
    microsecond, so a restored audit timestamp is the stored one, not a rounded one."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A refusal, with a Vietnamese message naming what to do."""


def backup_models():
    return [
        m
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.label_lower not in SKIPPED
    ]


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def migration_state(using=DEFAULT_DB_ALIAS):
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def row_counts(using=DEFAULT_DB_ALIAS):
    return {m._meta.label_lower: m._base_manager.using(using).count() for m in backup_models()}


def _sha256_of(handle):
    digest, size = hashlib.sha256(), 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


class _HashingReader:
    """Reads through to `handle`, hashing what passes (tarfile reads exactly `size` bytes)."""

    def __init__(self, handle):
        self.handle, self.digest, self.size = handle, hashlib.sha256(), 0

    def read(self, n=-1):
        chunk = self.handle.read(n)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


def _counted(queryset, counts, label):
    """Stream the rows of `queryset`, counting them into counts[label]."""
    for obj in queryset.iterator(chunk_size=2000):
        counts[label] += 1
        yield obj


@contextmanager
def _snapshot(using):
    """One consistent view of every table for the duration of the block."""
    connection = connections[using]
    outer = connection.in_atomic_block
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and not outer:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def create_backup(out, *, using=DEFAULT_DB_ALIAS, log=None):
    """Write the archive to `out`; return its manifest. The file appears only when complete."""
    log = log or (lambda message: None)
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    counts, files, missing = {}, {}, []
    try:
        with _snapshot(using), tarfile.open(partial, "w:gz") as tar, tempfile.TemporaryDirectory() as tmp:
            data_path = Path(tmp) / DATA
            with open(data_path, "w", encoding="utf-8", newline="\n") as stream:
                for model in backup_models():
                    label = model._meta.label_lower
                    counts[label] = 0

                    queryset = model._base_manager.using(using).order_by("pk")
                    serializers.serialize(
                        "jsonl", _counted(queryset, counts, label), stream=stream, cls=ExactJSONEncoder
                    )
            with open(data_path, "rb") as handle:
                data_sha, data_size = _sha256_of(handle)
            tar.add(data_path, arcname=DATA)
            log(_("Đã ghi %(n)s bản ghi của %(m)s bảng.") % {"n": sum(counts.values()), "m": len(counts)})
            for model in backup_models():
                for field in _file_fields(model):
                    names = (
                        model._base_manager.using(using)
                        .exclude(**{field.attname: ""})
                        .exclude(**{f"{field.attname}__isnull": True})
                        .values_list(field.attname, flat=True)
                        .iterator(chunk_size=2000)
                    )
                    for name in names:
                        if name in files or name in missing:
                            continue
                        storage = field.storage
                        if not storage.exists(name):
                            missing.append(name)
                            continue
                        info = tarfile.TarInfo(FILES + name)
                        info.size = storage.size(name)
                        info.mtime = int(timezone.now().timestamp())
                        with storage.open(name, "rb") as handle:
                            reader = _HashingReader(handle)
                            tar.addfile(info, reader)
                        files[name] = {
                            "sha256": reader.digest.hexdigest(),
                            "size": reader.size,
                            "field": f"{model._meta.label_lower}.{field.name}",
                        }
            log(_("Đã chép %(n)s tệp.") % {"n": len(files)})
            manifest = {
                "format": FORMAT,
                "danchu_version": danchu.__version__,
                "created_at": timezone.now().isoformat(),
                "database": connections[using].vendor,
                "migrations": migration_state(using),
                "counts": counts,
                "data": {"name": DATA, "sha256": data_sha, "size": data_size},
                "files": files,
                "missing_files": sorted(missing),
                "encryption": "identities and scans are ciphertext; FIELD_ENCRYPTION_KEY is not included",
            }
            raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(raw)
            info.mtime = int(datetime.datetime.now().timestamp())
            tar.addfile(info, io.BytesIO(raw))
        os.replace(partial, out)
    finally:
        if partial.exists():
            partial.unlink()
    return manifest


# ---------------------------------------------------------------------------------------------
# Restore


def _open(path):
    try:
        return tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(
            _("Không đọc được tệp sao lưu %(path)s: %(error)s.") % {"path": path, "error": exc}
        ) from None


def read_manifest(path):
    with _open(path) as tar:
        try:
            handle = tar.extractfile(MANIFEST)
            manifest = json.load(handle)
        except (KeyError, ValueError, tarfile.TarError, OSError, AttributeError):
            raise BackupError(
                _("Tệp %(path)s không phải bản sao lưu của danchu (thiếu hoặc hỏng manifest.json).")
                % {"path": path}
            ) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("Bản sao lưu có định dạng %(found)s; phiên bản này chỉ đọc định dạng %(format)s.")
            % {"found": manifest.get("format"), "format": FORMAT}
        )
    return manifest


def _safe_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not name:
        raise BackupError(_("Bản sao lưu có tên tệp không hợp lệ: %(name)s.") % {"name": name})
    return name


def verify(path, manifest):
    """Every member the manifest names is there with its hash; nothing else is."""
    expected = {DATA: manifest["data"]["sha256"]}
    expected.update({FILES + _safe_name(name): info["sha256"] for name, info in manifest["files"].items()})
    seen = set()
    with _open(path) as tar:
        try:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(
                        _("Bản sao lưu có thành phần lạ không có trong manifest: %(name)s.")
                        % {"name": member.name}
                    )
                digest, _size = _sha256_of(tar.extractfile(member))
                if digest != expected[member.name]:
                    raise BackupError(
                        _("Bản sao lưu bị hỏng: mã băm SHA-256 của %(name)s không khớp với manifest.")
                        % {"name": member.name}
                    )
                seen.add(member.name)
        except (OSError, tarfile.TarError, EOFError) as exc:
            raise BackupError(_("Bản sao lưu bị hỏng: %(error)s.") % {"error": exc}) from None
    absent = sorted(set(expected) - seen)
    if absent:
        raise BackupError(
            _("Bản sao lưu thiếu %(n)s thành phần có trong manifest, ví dụ %(name)s.")
            % {"n": len(absent), "name": absent[0]}
        )


def migration_difference(manifest, using=DEFAULT_DB_ALIAS):
    """A Vietnamese sentence naming the difference of migration state, or "" when equal."""
    theirs, ours = set(manifest["migrations"]), set(migration_state(using))
    if theirs == ours:
        return ""
    parts = []
    if not ours:
        parts.append(_("cơ sở dữ liệu này chưa được tạo bảng: hãy chạy `danchu migrate` trước"))
    else:
        if theirs - ours:
            parts.append(
                _("có trong bản sao lưu nhưng chưa áp dụng ở đây: %(list)s") % {"list": _few(theirs - ours)}
            )
        if ours - theirs:
            parts.append(
                _("đã áp dụng ở đây nhưng bản sao lưu không có: %(list)s") % {"list": _few(ours - theirs)}
            )
    return _(
        "Bản sao lưu được tạo ở trạng thái cơ sở dữ liệu (migration) khác với cơ sở dữ liệu này — %(diff)s. "
        "Hãy khôi phục bằng đúng phiên bản danchu đã tạo bản sao lưu (%(version)s)."
    ) % {"diff": "; ".join(parts), "version": manifest.get("danchu_version", "?")}


def _few(names, limit=5):
    names = sorted(names)
    text = ", ".join(names[:limit])
    return text + (_(" và %(n)s migration khác") % {"n": len(names) - limit} if len(names) > limit else "")


def existing_work(using=DEFAULT_DB_ALIAS):
    """{label: count} of the rows that mean someone's work is in the database."""
    counts = {}
    for label in WORK:
        model = apps.get_model(label)
        counts[label] = model._base_manager.using(using).count()
    return {k: v for k, v in counts.items() if v}


def describe_counts(counts):
    names = {
        "auth.user": _("tài khoản"),
        "orgs.organization": _("cơ quan, đơn vị"),
        "audit.auditevent": _("sự kiện nhật ký"),
    }
    return ", ".join(f"{n} {names.get(label, label)}" for label, n in counts.items())


def _model_of(field_path):
    app_model, _dot, field_name = field_path.rpartition(".")
    return apps.get_model(app_model)._meta.get_field(field_name)


def _restore_files(path, manifest, log):
    written = 0
    with _open(path) as tar:
        for member in tar:
            if not member.name.startswith(FILES):
                continue
            name = member.name[len(FILES) :]
            info = manifest["files"][name]
            storage = _model_of(info["field"]).storage
            if storage.exists(name):
                with storage.open(name, "rb") as handle:
                    if _sha256_of(handle)[0] == info["sha256"]:
                        continue
                storage.delete(name)
            saved = storage.save(name, File(tar.extractfile(member), name=name))
            if saved != name:
                storage.delete(saved)
                raise BackupError(
                    _("Không ghi được tệp %(name)s vào kho lưu trữ (kho đổi tên thành %(saved)s).")
                    % {"name": name, "saved": saved}
                )
            written += 1
    log(_("Đã ghi lại %(n)s tệp.") % {"n": written})


def restore_backup(path, *, force=False, using=DEFAULT_DB_ALIAS, log=None, confirm=None):
    """Replace the database and put back the files from the archive at `path`.

    Refuses (BackupError) a broken archive, another migration state, and a database that holds
    work unless `force`; `confirm(message)` (interactive runs) may still say no."""
    log = log or (lambda message: None)
    manifest = read_manifest(path)
    verify(path, manifest)
    difference = migration_difference(manifest, using)
    if difference:
        raise BackupError(difference)
    work = existing_work(using)
    if work:
        replaced = describe_counts(work)
        if not force:
            raise BackupError(
                _(
                    "Cơ sở dữ liệu này đã có dữ liệu (%(what)s); khôi phục sẽ xóa toàn bộ và thay bằng bản "
                    "sao lưu. Nếu đúng là muốn thay, chạy lại với --force."
                )
                % {"what": replaced}
            )
        message = _("Khôi phục sẽ xóa và thay thế dữ liệu hiện có: %(what)s (cùng mọi bảng khác).") % {
            "what": replaced
        }
        if confirm is not None and not confirm(message):
            raise BackupError(_("Đã hủy khôi phục; không thay đổi gì."))
        log(message)
    _restore_files(path, manifest, log)
    connection = connections[using]
    counts = dict.fromkeys(manifest["counts"], 0)
    restored = set()
    with transaction.atomic(using=using), _open(path) as tar:
        connection.ops.execute_sql_flush(sql_flush(no_style(), connection, reset_sequences=True))
        stream = io.TextIOWrapper(tar.extractfile(DATA), encoding="utf-8")
        for item in serializers.deserialize("jsonl", stream, using=using):
            # The tables were just emptied: an INSERT, not Django's UPDATE-then-INSERT of a row
            # with its primary key (half the queries, and a restore is one query per row).
            item.save(using=using, force_insert=True)
            label = item.object._meta.label_lower
            counts[label] = counts.get(label, 0) + 1
            restored.add(type(item.object))
        if counts != manifest["counts"]:
            wrong = sorted(k for k in counts if counts.get(k) != manifest["counts"].get(k))
            raise BackupError(
                _("Số bản ghi đọc được khác manifest ở %(models)s; không khôi phục gì.")
                % {"models": ", ".join(wrong)}
            )
        sequences = connection.ops.sequence_reset_sql(no_style(), backup_models())
        if sequences:
            with connection.cursor() as cursor:
                for sql in sequences:
                    cursor.execute(sql)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    log(
        _("Đã khôi phục %(n)s bản ghi và %(f)s tệp.")
        % {"n": sum(counts.values()), "f": len(manifest["files"])}
    )
    return manifest
