"""`danchu demo`: migrate, load the demo data built from the seed report, print the logins, serve.

Each app contributes its own demo data in `danchu/<app>/demo.py` with a `load(ctx)` function;
they run in INSTALLED_APPS order (registers before reporting) and must be idempotent.
"""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from danchu.core import transactions
from danchu.core.plugins import app_modules


class DemoContext(dict):
    """Shared between the apps' demo loaders: orgs, users and periods by key."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def demo_modules():
    for config, module in app_modules("demo"):
        yield config.label, module


def load_demo(stdout=None):
    ctx = DemoContext()
    for label, module in demo_modules():
        with transactions.batch():  # one app's demo: all of it or nothing
            module.load(ctx)
        if stdout:
            stdout.write(f"  demo: {label}")
    return ctx


class Command(BaseCommand):
    help = "Set up the database, load the demo data from the seed report, print the demo logins and serve the app."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="do everything but start the web server")
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is only loaded in demo mode (DANCHU_DEMO=1); never on production.")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database ready: " + str(settings.DATABASES["default"]["NAME"]))
        ctx = load_demo(self.stdout)
        self.print_logins(ctx)
        if not options["no_serve"]:
            self.stdout.write(f"Serving on http://{options['host']}:{options['port']}/  (Ctrl+C to stop)")
            call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)

    def print_logins(self, ctx):
        from danchu.orgs.demo import DEMO_PASSWORD, DEMO_USERS

        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username, full_name, role, org_code in DEMO_USERS:
            self.stdout.write(f"  {username:<18} {role:<18} {org_code:<12} {full_name}")
