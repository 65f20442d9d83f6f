"""Encryption at rest for the sender's identity (Luật Tố cáo 2018 Art. 9(1)(b), Art. 47–48).

The key is settings.FIELD_ENCRYPTION_KEY (a urlsafe base64 32-byte Fernet key, from the
environment). In development, when it is empty, a key is derived from SECRET_KEY so the demo
runs without configuration; production refuses to start without a key (settings.py).
"""

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _key():
    configured = getattr(settings, "FIELD_ENCRYPTION_KEY", "")
    if configured:
        return configured.encode() if isinstance(configured, str) else configured
    digest = hashlib.sha256(("danchu-field-encryption:" + settings.SECRET_KEY).encode()).digest()
    return base64.urlsafe_b64encode(digest)


def fernet():
    return Fernet(_key())


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
