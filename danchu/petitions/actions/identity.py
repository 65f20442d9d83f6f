"""Revealing the confidential identity of a denouncer."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import transactions

from .. import crypto
from ..models import (
    SenderIdentity,
)
from ..permissions import may

# ---------------------------------------------------------------- confidential identity


def reveal_identity(petition, *, actor, reason):
    """Decrypt and return the sender's identity for `actor`, writing an AuditAction.REVEAL row
    with the reason. For a denunciation only the assigned handler and the head may."""
    reason = (reason or "").strip()
    if actor is None or not may(actor, "reveal", petition):
        raise PermissionDenied
    if len(reason) < 5:
        raise ValidationError({"reason": _("Vui lòng ghi rõ lý do cần xem thông tin người gửi.")})
    identity = SenderIdentity.objects.filter(petition=petition).first()
    with transactions.action():
        record(petition, AuditAction.REVEAL, actor, verb=_("Xem thông tin người gửi"), reason=reason)
    if identity is None:
        return {"anonymous": True, "scans": []}
    data = crypto.decrypt_json(identity.ciphertext)
    data["anonymous"] = False
    data["scans"] = [
        {"id": s.pk, "name": crypto.decrypt_json(s.name_ciphertext), "size": s.size}
        for s in identity.scans.all()
    ]
    return data


def open_identity_scan(scan, *, actor, reason):
    """The decrypted bytes of one identity scan; audited like a reveal."""
    petition = scan.identity.petition
    reason = (reason or "").strip()
    if actor is None or not may(actor, "reveal", petition):
        raise PermissionDenied
    if len(reason) < 5:
        raise ValidationError({"reason": _("Vui lòng ghi rõ lý do cần xem thông tin người gửi.")})
    with transactions.action():
        record(
            petition, AuditAction.REVEAL, actor, verb=_("Mở bản chụp giấy tờ của người gửi"), reason=reason
        )
    with scan.file.open("rb") as fh:
        data = crypto.decrypt_bytes(fh.read())
    return crypto.decrypt_json(scan.name_ciphertext), scan.content_type, data
