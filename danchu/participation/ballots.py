"""Sealed secret ballots (issue 14 item 6).

A secret ballot is one `SealedBallot` row: a random id, the vote, and the choice sealed with
AES-256-GCM under a key the database never holds (derived from `BALLOT_KEY`, else from
`FIELD_ENCRYPTION_KEY`, else from `SECRET_KEY`). The plaintext is padded to a fixed length and
the nonce is random, so every sealed ballot has the same length and two ballots for the same
option look unrelated; unlike a Fernet token, nothing in it carries a time. The row is written in
its own transaction, after the one that adds the voter to the roll and writes the audit row, so
no transaction id (`xmin`) is shared; no count changes while the vote is open (the option's
`tally` is not touched), so polling the tables between two ballots shows who voted and never
what they chose. The ballots are opened and counted only to show the result of a closed vote.
"""

import hashlib
import os
from collections import Counter

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PLAIN_LENGTH = 24
NONCE_LENGTH = 12
SEALED_LENGTH = NONCE_LENGTH + PLAIN_LENGTH + 16  # nonce, ciphertext, GCM tag


def _keys():
    """Candidate keys, the sealing one first: BALLOT_KEY, then each FIELD_ENCRYPTION_KEY (several
    while rotating), then SECRET_KEY and its fallbacks, so a ballot sealed before a rotation
    still opens after it."""
    secrets = [getattr(settings, "BALLOT_KEY", "")]
    field = getattr(settings, "FIELD_ENCRYPTION_KEY", "") or ""
    secrets += [k.strip() for k in str(field).split(",")]
    secrets += [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [hashlib.sha256(b"danchu-secret-ballot:" + str(s).encode()).digest() for s in secrets if s]


def _key():
    return _keys()[0]


def _aad(vote):
    return f"vote:{vote.uuid}".encode()


def seal(vote, option):
    plain = str(option.pk).encode().rjust(PLAIN_LENGTH, b"0")
    nonce = os.urandom(NONCE_LENGTH)
    return nonce + AESGCM(_key()).encrypt(nonce, plain, _aad(vote))


def unseal(vote, sealed):
    sealed = bytes(sealed)
    for key in _keys():
        try:
            plain = AESGCM(key).decrypt(sealed[:NONCE_LENGTH], sealed[NONCE_LENGTH:], _aad(vote))
        except InvalidTag:
            continue
        return int(plain.lstrip(b"0") or b"0")
    raise ValueError("a sealed ballot cannot be opened with the configured keys")


def count(vote):
    """{option pk: number of sealed ballots} for `vote` (one query)."""
    return Counter(unseal(vote, s) for s in vote.sealed_ballots.values_list("sealed", flat=True))
