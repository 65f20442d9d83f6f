"""`danchu restore FILE [--force] [--no-input]`: put back a `danchu backup` archive (database and
uploaded files). Refuses a database that holds data unless --force (danchu.core.backup)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from danchu.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a danchu backup archive: the database (every table replaced) and the uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz written by `danchu backup`")
        parser.add_argument("--force", action="store_true", help="replace a database that already holds data")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="ask nothing"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        confirm = None
        if options["interactive"] and sys.stdin.isatty():

            def confirm(message):
                answer = input(message + "\n" + _("Gõ “yes” để tiếp tục: "))
                return answer.strip().lower() == "yes"

        try:
            restore_backup(
                options["archive"],
                force=options["force"],
                using=options["database"],
                log=self.stdout.write,
                confirm=confirm,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(_("Đã khôi phục %(file)s.") % {"file": options["archive"]}))
