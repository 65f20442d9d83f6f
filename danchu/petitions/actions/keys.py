"""Rotating the keys of the confidential identities."""

from django.core.files.base import ContentFile
from django.db import transaction

from danchu.core import transactions

from .. import crypto
from ..models import (
    Petition,
    SenderIdentity,
)
from .shared import sender_fingerprint

# ---------------------------------------------------------------- key rotation


def rotate_identity_keys():
    """Re-encrypt every sender identity, scan name and scan file with the newest key of
    FIELD_ENCRYPTION_KEY, and recompute every sender fingerprint with the fingerprint key
    (crypto.fingerprint_key). Safe to run again; returns (identities, scans) rewritten. Nothing
    is decrypted into the trail or logs."""
    identities = scans = 0
    for ident in SenderIdentity.objects.select_related("petition").iterator():
        with transactions.action():
            ident.ciphertext = crypto.rotate(ident.ciphertext.encode()).decode()
            ident.save(update_fields=["ciphertext"])
            p = ident.petition
            fingerprint = sender_fingerprint(crypto.decrypt_json(ident.ciphertext))
            if fingerprint != p.sender_fingerprint:
                Petition.objects.filter(pk=p.pk).update(sender_fingerprint=fingerprint)
            identities += 1
            for scan in ident.scans.all():
                with scan.file.open("rb") as fh:
                    data = crypto.rotate(fh.read())
                old_name = scan.file.name
                scan.file.save("scan.bin", ContentFile(data), save=False)
                scan.name_ciphertext = crypto.rotate(scan.name_ciphertext.encode()).decode()
                scan.save(update_fields=["file", "name_ciphertext"])
                transaction.on_commit(lambda storage=scan.file.storage, name=old_name: storage.delete(name))
                scans += 1
    return identities, scans
