"""`danchu rotate_identity_keys`: re-encrypt senders' identities with the newest key.

Put the new key first in FIELD_ENCRYPTION_KEY (`new,old`), run this command, then drop the old
key. Fingerprints are recomputed with SENDER_FINGERPRINT_KEY (docs/security.md)."""

from django.core.management.base import BaseCommand

from danchu.petitions.actions import rotate_identity_keys


class Command(BaseCommand):
    help = "Re-encrypt every sender identity and scan with the newest FIELD_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        identities, scans = rotate_identity_keys()
        self.stdout.write(f"{identities} identities and {scans} scans re-encrypted with the newest key.")
