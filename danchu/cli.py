"""The `danchu` console script: a thin wrapper over Django's manage.py."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danchu.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "danchu"
    execute_from_command_line(argv)
    return 0
