"""The API's own state changes: creating and revoking personal tokens (atomic, validated, audited).
The secret is returned once by `create_token` and never stored: only its SHA-256 hash is."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danchu.audit.models import AuditAction
from danchu.audit.trail import record
from danchu.core import transactions

from .models import PREFIX, ApiToken, Scope, hash_token

MAX_DAYS = 365
DEFAULT_DAYS = 90


@transactions.action()
def create_token(user, *, actor, name, write=False, days=DEFAULT_DAYS):
    """Create a token for `user` (only the user themself, or a command run by an operator with
    actor=None). Returns (token, secret); the secret is shown once."""
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied
    if not user.is_active:
        raise ValidationError({"user": _("Tài khoản này đã bị khóa, không tạo được mã truy cập.")})
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": _("Vui lòng đặt tên gợi nhớ cho mã truy cập (ví dụ: Hệ thống iOffice).")}
        )
    if len(name) > 100:
        raise ValidationError({"name": _("Tên gợi nhớ dài tối đa 100 ký tự.")})
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise ValidationError({"days": _("Số ngày hiệu lực phải là một số nguyên.")}) from None
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": _("Số ngày hiệu lực phải từ 1 đến %(max)s ngày.") % {"max": MAX_DAYS}})
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        hint=secret[: len(PREFIX) + 6],
        token_hash=hash_token(secret),
        scope=Scope.WRITE if write else Scope.READ,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    record(
        token,
        AuditAction.CREATE,
        actor,
        changes={
            "name": [None, name],
            "scope": [None, token.scope],
            "expires_at": [None, str(token.expires_at)],
        },
        verb=_("Tạo mã truy cập API"),
    )
    return token, secret


@transactions.action()
def revoke_token(token, *, actor):
    if actor is not None and actor.pk != token.user_id:
        raise PermissionDenied
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(_("Mã truy cập này đã được thu hồi trước đó."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(
        token,
        AuditAction.UPDATE,
        actor,
        changes={"revoked_at": [None, str(token.revoked_at)]},
        verb=_("Thu hồi mã truy cập API"),
    )
    return token
