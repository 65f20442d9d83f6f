"""`danchu petition_reminders`: raise reminders for due-soon and overdue petitions.

Safe to run repeatedly (from cron or the task queue): each case, deadline and kind is notified
once.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from danchu.petitions.reminders import raise_reminders


class Command(BaseCommand):
    help = "Create in-app notifications (and e-mails) for petitions due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        today = None
        if options.get("today"):
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today must be YYYY-MM-DD") from exc
        created, queued = raise_reminders(today)
        self.stdout.write(f"{created} notification(s) created, {queued} e-mail(s) queued.")
