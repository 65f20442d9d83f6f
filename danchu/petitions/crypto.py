"""Encryption at rest for the sender's identity (Luật Tố cáo 2018 Art. 9(1)(b), Art. 47–48).

The key is settings.FIELD_ENCRYPTION_KEY (a urlsafe base64 32-byte Fernet key, from the
environment; several, comma-separated, newest first, while rotating). In development, when it is empty, a key is derived from SECRET_KEY so the demo
runs without configuration; production refuses to start without a key (settings.py).
"""

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def keys():
    """The Fernet keys, newest first. FIELD_ENCRYPTION_KEY may list several, comma-separated:
    the first encrypts, every one decrypts (key rotation; `danchu rotate_identity_keys`
    re-encrypts everything with the first, after which the others can be dropped)."""
    configured = getattr(settings, "FIELD_ENCRYPTION_KEY", "")
    if isinstance(configured, bytes):
        configured = configured.decode()
    found = [k.strip().encode() for k in (configured or "").split(",") if k.strip()]
    if found:
        return found
    digest = hashlib.sha256(("danchu-field-encryption:" + settings.SECRET_KEY).encode()).digest()
    return [base64.urlsafe_b64encode(digest)]


def _key():
    return keys()[0]


def fingerprint_key():
    """The HMAC key of the sender fingerprint: SENDER_FINGERPRINT_KEY, apart from the encryption
    keys so rotating those leaves duplicates detectable; without it, the oldest encryption key
    (the behaviour before the setting existed)."""
    configured = getattr(settings, "SENDER_FINGERPRINT_KEY", "")
    if configured:
        return configured.encode() if isinstance(configured, str) else configured
    return keys()[-1]


def fernet():
    return MultiFernet([Fernet(k) for k in keys()])


def rotate(token: bytes) -> bytes:
    """The same plaintext, encrypted again with the newest key."""
    try:
        return fernet().rotate(bytes(token))
    except InvalidToken as exc:
        raise ValueError("confidential data cannot be decrypted with the configured keys") from exc


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return fernet().decrypt(bytes(token))
    except InvalidToken as exc:
        raise ValueError("confidential data cannot be decrypted with the configured key") from exc


def encrypt_json(value) -> str:
    return encrypt_bytes(json.dumps(value, ensure_ascii=False).encode()).decode()


def decrypt_json(token: str):
    if not token:
        return {}
    return json.loads(decrypt_bytes(token.encode()).decode())
