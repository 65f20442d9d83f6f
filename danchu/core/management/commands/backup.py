"""`danchu backup --out FILE`: the database and the uploaded files, from one snapshot, in one
archive with a manifest (danchu.core.backup, docs/deployment.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from danchu.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one archive (.tar.gz) with a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", required=True, help="the archive to write, e.g. danchu-2026-12-01.tar.gz"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        try:
            manifest = create_backup(options["out"], using=options["database"], log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        for name in manifest["missing_files"]:
            self.stderr.write(
                _("Thiếu tệp trong kho lưu trữ (bản ghi vẫn được sao lưu): %(name)s") % {"name": name}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Đã sao lưu %(rows)s bản ghi và %(files)s tệp vào %(out)s. Khóa mã hóa "
                    "(FIELD_ENCRYPTION_KEY) không nằm trong bản sao lưu: hãy cất giữ riêng."
                )
                % {
                    "rows": sum(manifest["counts"].values()),
                    "files": len(manifest["files"]),
                    "out": options["out"],
                }
            )
        )
